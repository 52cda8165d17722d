import { type TabConsent, tabConsent } from '../core/consent/tab-consent';
import { removableInOneClick } from '../core/deletion-policy';
import { cookieHost } from '../core/domains';
import type { Labeller } from '../core/label';
import type { CookieRecord, TabStatus } from '../shared/protocol';
import type { BrowserApi, CookieStore, TabInfo } from './browser-api';
import type { CookieMirror, MirrorEntry } from './cookie-mirror';
import type { TabSnapshot } from './live-ports';
import type { SettingsStore } from './settings';
import { cookiesOfTab, topSite } from './tab-cookies';
import { type LabelledEntry, labelsForTab } from './tab-labels';
import { type TabState, type TabTracker, webHost } from './tab-tracker';

/**
 * A tab as the pages see it: its page, whether the extension can read it, and its cookies with
 * their labels in the tab's context. Used by the requests, the live ports and the badge.
 */

export interface TabCookies {
  tab: TabInfo;
  url: string | null;
  site: string | null;
  status: TabStatus;
  /** The tab's cookies, ordered by place, each with its label in the tab's context. */
  cookies: LabelledEntry[];
}

/** A tab's cookies as computed from the mirror, kept until anything they depend on changes. */
interface Prepared {
  generation: number;
  url: string | null;
  storeId: string | null;
  hosts: ReadonlySet<string>;
  hostCount: number;
  /** Fallback labels and lifetimes are reckoned to the hour (see tab-labels.ts), and so is this. */
  hour: number;
  /** Seconds since the epoch when the first of these cookies expires: past it, the list is wrong. */
  validUntil: number;
  cookies: LabelledEntry[];
  records: CookieRecord[];
  consent: TabConsent | null;
  versions: ReadonlyMap<string, number>;
}

export class TabViews {
  /**
   * Each tab's cookies as last computed. The badge computes the active tab's after every change,
   * so the popup opened next finds its view ready: building it for 1,000 cookies on request was
   * most of the worker's part of the popup's wait (issue 16).
   */
  private readonly prepared = new Map<number, Prepared>();

  constructor(
    private readonly api: Pick<BrowserApi, 'tabs' | 'webNavigation' | 'cookies' | 'permissions'>,
    private readonly tracker: TabTracker,
    private readonly mirror: CookieMirror,
    private readonly labeller: Labeller,
    private readonly settings: SettingsStore,
    /** Seconds since the epoch. */
    private readonly now: () => number,
  ) {}

  async read(tabId: number): Promise<TabCookies> {
    const { tab, url, status, state } = await this.page(tabId);
    if (status !== 'ok') return { tab, url, site: null, status, cookies: [] };
    return { tab, url, site: topSite({ url }), status, cookies: this.prepare(tabId, url, state).cookies };
  }

  async snapshot(tabId: number): Promise<TabSnapshot> {
    const { url, status, state } = await this.page(tabId);
    const ready = status === 'ok' ? this.prepare(tabId, url, state) : null;
    const site = status === 'ok' ? topSite({ url }) : null;
    return {
      view: {
        tabId,
        url,
        site,
        status,
        cookies: ready?.records ?? [],
        siteSettings: this.settings.siteSettings(site),
        includeUnknown: this.settings.get().includeUnknown,
        ...(ready?.consent ? { consent: ready.consent } : {}),
      },
      versions: ready?.versions ?? new Map(),
    };
  }

  /** For the badge: synchronous, from what the worker knows; null when there is nothing to count. */
  optionalCount(tabId: number): number | null {
    const state = this.tracker.get(tabId);
    // The same pages the popup shows no list for (the web store among them) get no count either.
    if (!state?.url || statusOf({ url: state.url }) !== 'ok') return null;
    const { includeUnknown } = this.settings.get();
    const { cookies } = this.prepare(tabId, state.url, state);
    return cookies.filter(({ label }) => removableInOneClick(label, includeUnknown)).length;
  }

  /** A closed tab's view is of no more use. */
  forget(tabId: number): void {
    this.prepared.delete(tabId);
  }

  /**
   * The tab as the browser has it, and whether the extension may read its page. The permission is
   * asked for the page the worker last saw in the tab while the browser looks the tab up: one
   * round trip instead of two, unless the tab has moved on to another origin meanwhile.
   */
  private async page(tabId: number): Promise<{ tab: TabInfo; url: string | null; status: TabStatus; state: TabState }> {
    const known = this.tracker.get(tabId)?.url ?? null;
    const early = known && statusOf({ url: known }) === 'ok' ? this.canRead(known) : null;
    const tab = await this.api.tabs.get(tabId);
    if (!tab) throw new Error(`There is no tab with id ${tabId}.`);
    const state = this.tracker.get(tabId) ?? (await this.seed(tab));
    const url = tab.url || null;
    let status = statusOf(tab);
    if (status === 'ok' && url) {
      const readable = early && known !== null && sameOrigin(known, url) ? await early : await this.canRead(url);
      if (!readable) status = 'no-access';
    }
    return { tab, url, status, state };
  }

  /** The tab's cookies with their labels, records and consent summary: kept while nothing they depend on changed. */
  private prepare(tabId: number, url: string | null, state: TabState): Prepared {
    const now = this.now();
    const hour = Math.floor(now / 3600);
    const known = this.prepared.get(tabId);
    if (
      known &&
      known.generation === this.mirror.generation &&
      known.url === url &&
      known.storeId === state.storeId &&
      known.hosts === state.hosts &&
      known.hostCount === state.hosts.size &&
      known.hour === hour &&
      now < known.validUntil
    ) {
      return known;
    }
    const scope = { url, hosts: state.hosts, storeId: state.storeId };
    const entries = cookiesOfTab(this.mirror, scope, now, this.api.cookies.defaultStoreId).sort(byPlace);
    const cookies = labelsForTab(entries, this.labeller, { topLevelUrl: url ?? undefined, now });
    let validUntil = Number.POSITIVE_INFINITY;
    for (const entry of entries) {
      const expires = entry.cookie.session ? undefined : entry.cookie.expirationDate;
      if (expires !== undefined && expires < validUntil) validUntil = expires;
    }
    const prepared: Prepared = {
      generation: this.mirror.generation,
      url,
      storeId: state.storeId,
      hosts: state.hosts,
      hostCount: state.hosts.size,
      hour,
      validUntil,
      cookies,
      records: cookies.map(({ entry, label }) => ({ key: entry.key, cookie: entry.cookie, label })),
      consent: tabConsent(
        topSite({ url }),
        cookies.map(({ entry, label }) => ({
          key: entry.key,
          name: entry.cookie.name,
          value: entry.cookie.value,
          domain: entry.cookie.domain,
          category: label.category,
          firstSeenAt: entry.firstSeenAt,
        })),
      ),
      versions: new Map(cookies.map(({ entry }) => [entry.key, entry.version])),
    };
    this.prepared.set(tabId, prepared);
    return prepared;
  }

  /** Whether the person lets the extension read this page's site (they can withdraw it). */
  private async canRead(url: string): Promise<boolean> {
    if (!this.api.permissions) return true;
    try {
      return await this.api.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
    } catch {
      // An origin the permissions API does not take (a port it rejects, say): the cookie API decides.
      return true;
    }
  }

  /** A tab the worker never saw load: what is on screen now (its page and frames) is all there is. */
  private async seed(tab: TabInfo): Promise<TabState> {
    const [frames, stores] = await Promise.all([
      this.api.webNavigation.getAllFrames(tab.id),
      this.api.cookies.getAllCookieStores(),
    ]);
    return (
      this.tracker.get(tab.id) ??
      this.tracker.seed(
        tab.id,
        tab.url || null,
        frames.map((f) => f.url),
        storeOfTab(stores, tab.id, this.api.cookies.defaultStoreId),
      )
    );
  }
}

const WEB_STORE = /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore)(\/|$)/;

/** Whether the extension can show this tab's cookies. */
export function statusOf(tab: Pick<TabInfo, 'url' | 'pendingUrl'>): TabStatus {
  const url = tab.url ?? '';
  if (url === '' || (url === 'about:blank' && tab.pendingUrl)) return 'loading';
  // Extensions cannot see the web store's requests, so its list would be wrong: better none.
  if (!webHost(url) || WEB_STORE.test(url)) return 'unsupported';
  return 'ok';
}

/** The store that lists the tab; a tab no store lists yet is in the browser's ordinary one. */
export function storeOfTab(stores: readonly CookieStore[], tabId: number, defaultStore: string): string {
  return stores.find((s) => s.tabIds.includes(tabId))?.id ?? defaultStore;
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

function byPlace(a: MirrorEntry, b: MirrorEntry): number {
  const ha = cookieHost(a.cookie.domain);
  const hb = cookieHost(b.cookie.domain);
  if (ha !== hb) return ha < hb ? -1 : 1;
  if (a.cookie.name !== b.cookie.name) return a.cookie.name < b.cookie.name ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
