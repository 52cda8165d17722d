import { cookieKey } from '../core/cookie-key';
import { cookieHost, siteOfUrl } from '../core/domains';
import type { Labeller } from '../core/label';
import type { Label } from '../core/types';
import type { BrowserCookie } from '../shared/protocol';
import type { CookieChange, PartitionKey } from './browser-api';

/**
 * Every cookie of every store, partitioned ones included, each labelled once when it arrives.
 * Rebuilt from the browser at start-up, so it never has to survive a worker restart; kept current
 * from `cookies.onChanged`. Updates are synchronous, so a burst of events cannot interleave.
 */

export interface MirrorEntry {
  readonly key: string;
  readonly cookie: BrowserCookie;
  /**
   * Labelled without page context, when first read: a waking worker reads every cookie of the
   * profile but shows one tab's, and tab-labels.ts needs this label only for the cookies the catalog
   * knows. Each tab's label is derived from it there.
   */
  readonly label: Label;
  /** Seconds since the epoch when labelled (or when the label would be made): an observed lifetime counts from then. */
  readonly labelledAt: number;
  /** Grows with every change of the mirror; live pages diff on it. */
  readonly version: number;
  /**
   * Seconds since the epoch when the worker saw the cookie first set, when it saw it happen (not for
   * cookies it found already there at start-up): tells a cookie set before a consent answer.
   */
  readonly firstSeenAt?: number;
}

/** Bounded: a profile holds at most a few thousand cookies; a site churning names must not grow it. */
const MAX_FIRST_SEEN = 20_000;

export class CookieMirror {
  private readonly entries = new Map<string, MirrorEntry>();
  private readonly firstSeen = new Map<string, number>();
  /** Unpartitioned cookies by their host (domain without the leading dot). */
  private readonly byHost = new Map<string, Set<string>>();
  /** Partitioned cookies by the registrable domain of their partition's top-level site. */
  private readonly byPartition = new Map<string, Set<string>>();
  private version = 0;

  constructor(
    private readonly labeller: Labeller,
    /** Seconds since the epoch. */
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Grows on every change to the mirror: what was computed from it at one generation holds until the next. */
  get generation(): number {
    return this.version;
  }

  /** Replaces the whole mirror with a fresh read of the browser's stores. */
  replaceAll(cookies: readonly BrowserCookie[]): void {
    this.entries.clear();
    this.byHost.clear();
    this.byPartition.clear();
    for (const cookie of cookies) this.upsert(cookie);
  }

  /** Applies one change; returns the entry as it now is, or null when the cookie is gone. */
  apply(change: CookieChange): MirrorEntry | null {
    const key = cookieKey(change.cookie);
    if (change.removed) {
      // An overwrite is removed and added again: the same cookie, first seen when it first was.
      if (change.cause !== 'overwrite') this.firstSeen.delete(key);
      this.delete(key);
      return null;
    }
    if (!this.firstSeen.has(key) && this.firstSeen.size < MAX_FIRST_SEEN) this.firstSeen.set(key, this.now());
    return this.upsert(change.cookie);
  }

  get(key: string): MirrorEntry | undefined {
    return this.entries.get(key);
  }

  values(): IterableIterator<MirrorEntry> {
    return this.entries.values();
  }

  /** Unpartitioned cookies whose domain, without its dot, is exactly `host`. */
  *onHost(host: string): Generator<MirrorEntry> {
    for (const key of this.byHost.get(host) ?? []) {
      const entry = this.entries.get(key);
      if (entry) yield entry;
    }
  }

  /** Partitioned cookies whose partition belongs to the registrable domain `site`. */
  *inPartition(site: string): Generator<MirrorEntry> {
    for (const key of this.byPartition.get(site) ?? []) {
      const entry = this.entries.get(key);
      if (entry) yield entry;
    }
  }

  private upsert(cookie: BrowserCookie): MirrorEntry {
    const key = cookieKey(cookie);
    const now = this.now();
    const make = () => this.safeLabel(cookie, now);
    let label: Label | undefined;
    const entry: MirrorEntry = {
      key,
      cookie,
      // Made with the time of the change, whenever it is first read: the same label as made at once.
      get label(): Label {
        label ??= make();
        return label;
      },
      labelledAt: now,
      version: ++this.version,
      ...(this.firstSeen.has(key) ? { firstSeenAt: this.firstSeen.get(key) } : {}),
    };
    if (!this.entries.has(key)) addTo(this.indexOf(cookie), this.indexKey(cookie), key);
    this.entries.set(key, entry);
    return entry;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.version++;
    const index = this.indexOf(entry.cookie);
    const indexKey = this.indexKey(entry.cookie);
    const keys = index.get(indexKey);
    keys?.delete(key);
    if (keys?.size === 0) index.delete(indexKey);
  }

  private indexOf(cookie: BrowserCookie): Map<string, Set<string>> {
    return cookie.partitionKey ? this.byPartition : this.byHost;
  }

  private indexKey(cookie: BrowserCookie): string {
    return cookie.partitionKey ? partitionSite(cookie.partitionKey) : cookieHost(cookie.domain);
  }

  // A cookie the labeller chokes on must still be in the mirror, or the view would silently lose it.
  private safeLabel(cookie: BrowserCookie, now: number): Label {
    try {
      return this.labeller.label(cookie, { now });
    } catch (error) {
      return {
        category: 'unknown',
        vendor: null,
        purpose: null,
        lifetime: { kind: 'unknown' },
        party: 'unknown',
        source: 'none',
        confidence: 0,
        entryId: null,
        reason: `could not be labelled: ${(error as Error).message}`,
        ifDeleted: 'unknown',
        ifDeletedReason: 'it could not be labelled',
      };
    }
  }
}

/** The registrable domain a partition belongs to (`https://news.example.co.uk` -> example.co.uk). */
export function partitionSite(partitionKey: PartitionKey): string {
  return partitionKey.topLevelSite ? (siteOfUrl(partitionKey.topLevelSite) ?? '') : '';
}

function addTo(index: Map<string, Set<string>>, indexKey: string, key: string): void {
  let keys = index.get(indexKey);
  if (!keys) {
    keys = new Set();
    index.set(indexKey, keys);
  }
  keys.add(key);
}
