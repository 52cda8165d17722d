import type {
  CookieChange,
  CookieQuery,
  CookieSetDetails,
  CookieStore,
  CookiesApi,
  CookieTarget,
  PartitionKey,
} from '../../src/background/browser-api';
import { cookieKey } from '../../src/core/cookie-key';
import { registrableDomain } from '../../src/core/domains';
import type { BrowserCookie } from '../../src/shared/protocol';
import { FakeEvent } from './fake-event';

/**
 * The subset of `chrome.cookies` the worker uses, with the behaviour of Chromium 156 as observed in
 * ../shared/notes/chromium.md and by our own experiments, including the inconvenient parts:
 *  - `getAll` without `partitionKey` returns unpartitioned cookies only, `{}` every partition too,
 *    a `topLevelSite` that one partition;
 *  - `remove` deletes every same-named cookie the URL would receive (parent path, parent domain)
 *    and resolves even when it removed nothing;
 *  - `set` with an expiry in the past deletes exactly the equivalent cookie ("expired_overwrite")
 *    and resolves with something unrelated;
 *  - an update is two events, "overwrite" (removed) then "explicit";
 *  - Secure and SameSite=None/Partitioned need https; a non-secure cookie from an http URL cannot
 *    shadow a secure one ("leave secure cookies alone");
 *  - change events are delivered asynchronously, after the call that caused them.
 * Tests can also expire, evict, and make a cookie "stubborn" (the browser ignores deletions of it).
 */

export interface FakeCookieStoreOptions {
  /** Seconds since the epoch. */
  now?: () => number;
  stores?: CookieStore[];
  /** The browser's default store: `0` in Chromium, `firefox-default` in Firefox. */
  defaultStoreId?: string;
}

export class FakeCookieStore implements CookiesApi {
  readonly onChanged = new FakeEvent<[CookieChange]>();
  stores: CookieStore[];
  private readonly cookies = new Map<string, BrowserCookie>();
  private readonly byName = new Map<string, Set<string>>();
  private readonly stubborn = new Set<string>();
  /** When set, an expired overwrite is accepted but changes nothing (to exercise the fallback). */
  ignoreExpiredOverwrites = false;
  private readonly now: () => number;
  /** Every call, for tests that check what the worker asked the browser to do. */
  readonly calls: Array<{ method: string; args: unknown }> = [];

  readonly defaultStoreId: string;

  constructor(options: FakeCookieStoreOptions = {}) {
    this.now = options.now ?? (() => Date.now() / 1000);
    this.defaultStoreId = options.defaultStoreId ?? '0';
    this.stores = options.stores ?? [{ id: this.defaultStoreId, tabIds: [] }];
  }

  /**
   * A store id that does not exist is an error, as in Chromium (Firefox answers with no cookies):
   * either way, a worker that asks for one has the wrong idea of the browser's stores.
   */
  private checkStore(storeId: string): void {
    if (storeId !== this.defaultStoreId && !this.stores.some((s) => s.id === storeId)) {
      throw new Error(`Invalid cookie store id: "${storeId}"`);
    }
  }

  async getAll(query: CookieQuery): Promise<BrowserCookie[]> {
    this.calls.push({ method: 'getAll', args: query });
    await tick();
    const storeId = query.storeId ?? this.defaultStoreId;
    this.checkStore(storeId);
    const found = [...this.cookies.values()]
      .filter(
        (c) =>
          c.storeId === storeId &&
          partitionMatches(c.partitionKey, query.partitionKey) &&
          (query.name === undefined || c.name === query.name) &&
          (query.domain === undefined || domainMatches(bare(c.domain), bare(query.domain))),
      )
      .sort((a, b) => b.path.length - a.path.length)
      .map(copy);
    // A large answer takes a while to travel back after the read, so change events overtake it.
    for (let i = 0; i < 3; i++) await tick();
    return found;
  }

  async set(details: CookieSetDetails): Promise<BrowserCookie | undefined> {
    this.calls.push({ method: 'set', args: details });
    await tick();
    const cookie = this.build(details);
    const key = cookieKey(cookie);
    const existing = this.cookies.get(key);
    if (!cookie.session && (cookie.expirationDate ?? 0) <= this.now()) {
      if (existing && !this.stubborn.has(key) && !this.ignoreExpiredOverwrites) this.delete(key, 'expired_overwrite');
      // Chromium answers an expired overwrite with whichever cookie `get` finds for the URL.
      return [...this.cookies.values()].find((c) => c.name === cookie.name);
    }
    if (existing) this.delete(key, 'overwrite');
    this.store(key, cookie);
    this.emit({ removed: false, cookie: copy(cookie), cause: 'explicit' });
    return copy(cookie);
  }

  async remove(target: CookieTarget): Promise<{ name: string; url: string; storeId: string }> {
    this.calls.push({ method: 'remove', args: target });
    await tick();
    const url = new URL(target.url);
    const host = url.hostname;
    const storeId = target.storeId ?? this.defaultStoreId;
    for (const [key, c] of this.named(target.name)) {
      if (c.storeId !== storeId || this.stubborn.has(key)) continue;
      if (!samePartition(c.partitionKey, target.partitionKey)) continue;
      if (!sentTo(c, host, url.pathname, url.protocol === 'https:')) continue;
      this.delete(key, 'explicit');
    }
    return { name: target.name, url: target.url, storeId };
  }

  async getAllCookieStores(): Promise<CookieStore[]> {
    await tick();
    return this.stores.map((s) => ({ id: s.id, tabIds: [...s.tabIds] }));
  }

  // ---- Test controls ----

  /** Every cookie, as the browser has it. */
  all(): BrowserCookie[] {
    return [...this.cookies.values()].map(copy);
  }

  has(cookie: Parameters<typeof cookieKey>[0]): boolean {
    return this.cookies.has(cookieKey(cookie));
  }

  find(cookie: Parameters<typeof cookieKey>[0]): BrowserCookie | undefined {
    const found = this.cookies.get(cookieKey(cookie));
    return found && copy(found);
  }

  /** The browser's garbage collection of expired cookies ("expired"). */
  sweepExpired(): void {
    const now = this.now();
    for (const [key, c] of [...this.cookies]) {
      if (!c.session && (c.expirationDate ?? Infinity) <= now) this.delete(key, 'expired');
    }
  }

  /** The browser's eviction of a cookie when a domain has too many ("evicted"). */
  evict(cookie: Parameters<typeof cookieKey>[0]): void {
    this.delete(cookieKey(cookie), 'evicted');
  }

  /** From now on, the browser pretends to delete this cookie but keeps it. */
  makeStubborn(cookie: Parameters<typeof cookieKey>[0]): void {
    this.stubborn.add(cookieKey(cookie));
  }

  private named(name: string): Array<[string, BrowserCookie]> {
    return [...(this.byName.get(name) ?? [])].map((key) => [key, this.cookies.get(key) as BrowserCookie]);
  }

  private store(key: string, cookie: BrowserCookie): void {
    this.cookies.set(key, cookie);
    const keys = this.byName.get(cookie.name) ?? new Set<string>();
    keys.add(key);
    this.byName.set(cookie.name, keys);
  }

  private delete(key: string, cause: CookieChange['cause']): void {
    const cookie = this.cookies.get(key);
    if (!cookie) return;
    this.cookies.delete(key);
    this.byName.get(cookie.name)?.delete(key);
    this.emit({ removed: true, cookie: copy(cookie), cause });
  }

  private emit(change: CookieChange): void {
    // Chromium delivers change events asynchronously, after the call that caused them.
    setImmediate(() => this.onChanged.emit(change));
  }

  private build(details: CookieSetDetails): BrowserCookie {
    const url = new URL(details.url);
    const secureSource = url.protocol === 'https:';
    // IPv6 hosts keep their brackets, as Chromium keeps them in the cookie's domain.
    const host = url.hostname;
    const storeId = details.storeId ?? this.defaultStoreId;
    const fail = (why: string) => new Error(`Failed to parse or set cookie named "${details.name}": ${why}`);
    this.checkStore(storeId);
    if (details.secure && !secureSource) throw fail('a Secure cookie needs an https URL');
    if (details.sameSite === 'no_restriction' && !details.secure) throw fail('SameSite=None needs Secure');
    if (details.partitionKey && !details.secure) throw fail('Partitioned needs Secure');
    let domain = host;
    let hostOnly = true;
    if (details.domain !== undefined) {
      const d = bare(details.domain.toLowerCase());
      if (isIp(host) || !domainMatches(host, d)) throw fail(`domain ${details.domain} does not match ${host}`);
      domain = `.${d}`;
      hostOnly = false;
    }
    const path = details.path ?? defaultPath(url.pathname);
    if (details.name.startsWith('__Host-') && (!details.secure || !hostOnly || path !== '/')) {
      throw fail('__Host- cookies must be Secure, host-only, with path /');
    }
    if (details.name.startsWith('__Secure-') && !details.secure) throw fail('__Secure- cookies must be Secure');
    const partitionKey = details.partitionKey?.topLevelSite
      ? {
          topLevelSite: details.partitionKey.topLevelSite,
          hasCrossSiteAncestor:
            details.partitionKey.hasCrossSiteAncestor ??
            registrableDomain(new URL(details.partitionKey.topLevelSite).hostname) !== registrableDomain(host),
        }
      : undefined;
    if (!secureSource && !details.secure) {
      for (const c of this.cookies.values()) {
        if (
          c.secure &&
          c.name === details.name &&
          c.storeId === storeId &&
          (domainMatches(bare(c.domain), bare(domain)) || domainMatches(bare(domain), bare(c.domain))) &&
          pathMatches(path, c.path)
        ) {
          throw fail('it would shadow a Secure cookie of the same name');
        }
      }
    }
    const cookie: BrowserCookie = {
      name: details.name,
      value: details.value ?? '',
      domain,
      hostOnly,
      path,
      secure: details.secure ?? false,
      httpOnly: details.httpOnly ?? false,
      sameSite: details.sameSite ?? 'unspecified',
      session: details.expirationDate === undefined,
      storeId,
    };
    if (details.expirationDate !== undefined) cookie.expirationDate = details.expirationDate;
    if (partitionKey) cookie.partitionKey = partitionKey;
    return cookie;
  }
}

// A macrotask, as an IPC round trip is; setImmediate because setTimeout(0) waits a whole millisecond.
function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function copy(cookie: BrowserCookie): BrowserCookie {
  const out = { ...cookie };
  if (cookie.partitionKey) out.partitionKey = { ...cookie.partitionKey };
  return out;
}

function bare(domain: string): string {
  return domain.replace(/^\./, '');
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

function domainMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

function defaultPath(urlPath: string): string {
  const i = urlPath.lastIndexOf('/');
  return i <= 0 ? '/' : urlPath.slice(0, i);
}

function sentTo(c: BrowserCookie, host: string, path: string, secure: boolean): boolean {
  const applies = c.hostOnly ? host === c.domain : domainMatches(host, bare(c.domain));
  return applies && pathMatches(path, c.path) && (secure || !c.secure);
}

function partitionMatches(key: PartitionKey | undefined, query: PartitionKey | undefined): boolean {
  if (query === undefined) return key === undefined;
  if (query.topLevelSite === undefined) return true;
  return samePartition(key, query);
}

function samePartition(a: PartitionKey | undefined, b: PartitionKey | undefined): boolean {
  if (!a || !b) return !a && !b;
  return (
    a.topLevelSite === b.topLevelSite &&
    (b.hasCrossSiteAncestor === undefined || a.hasCrossSiteAncestor === b.hasCrossSiteAncestor)
  );
}
