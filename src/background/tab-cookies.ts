import { cookieAppliesToHost, registrableDomain, siteOfUrl } from '../core/domains';
import type { BrowserCookie } from '../shared/protocol';
import type { CookieMirror, MirrorEntry } from './cookie-mirror';
import { partitionSite } from './cookie-mirror';
import { webHost } from './tab-tracker';

/**
 * A tab's cookies are the ones its pages can use: in the tab's cookie store, the unpartitioned
 * cookies the browser would send to a host the tab loaded something from (its page, frames and
 * sub-resources), plus the partitioned cookies whose partition is the tab's top-level site. From a
 * page of another site, the browser sends only `SameSite=None` cookies: a page that merely loads
 * `https://bank.example/favicon.ico` does not bring the bank's `SameSite=Lax` cookies into its tab,
 * so keeping that page's site clean never reaches them. (A cookie without SameSite counts as Lax,
 * as Chromium treats it; Firefox keeps such third-party cookies in a partition anyway.) Expired
 * cookies the browser has not swept yet are left out.
 */

export interface TabScope {
  url: string | null;
  /** The registrable domain of `url`, when the caller has it already. */
  site?: string | null;
  hosts: ReadonlySet<string>;
  storeId: string | null;
}

/** `defaultStore` stands in for a tab whose store is not known yet (the browser's ordinary one). */
export function cookiesOfTab(mirror: CookieMirror, tab: TabScope, now: number, defaultStore: string): MirrorEntry[] {
  const storeId = tab.storeId ?? defaultStore;
  const site = topSite(tab);
  const out: MirrorEntry[] = [];
  const seen = new Set<string>();
  const take = (entry: MirrorEntry) => {
    seen.add(entry.key);
    out.push(entry);
  };
  for (const host of hostsOf(tab)) {
    // A domain cookie for example.com applies to a.b.example.com, so look at every parent domain.
    for (const domain of parentDomains(host)) {
      for (const entry of mirror.onHost(domain)) {
        if (seen.has(entry.key) || entry.cookie.storeId !== storeId || isExpired(entry.cookie, now)) continue;
        if (cookieAppliesToHost(entry.cookie, host) && sentFromSite(entry.cookie, site)) take(entry);
      }
    }
  }
  if (site) {
    for (const entry of mirror.inPartition(site)) {
      if (!seen.has(entry.key) && entry.cookie.storeId === storeId && !isExpired(entry.cookie, now)) take(entry);
    }
  }
  return out;
}

/**
 * The same rule for one cookie, for the hot path (cleaning on every cookie set). A tab whose store
 * is not known yet may be in any store: the cleaner, the only caller, keeps a cookie when in doubt.
 */
export function belongsToTab(cookie: BrowserCookie, tab: TabScope, now: number): boolean {
  if ((tab.storeId !== null && cookie.storeId !== tab.storeId) || isExpired(cookie, now)) return false;
  if (cookie.partitionKey) {
    const site = topSite(tab);
    return site !== null && partitionSite(cookie.partitionKey) === site;
  }
  if (!sentFromSite(cookie, topSite(tab))) return false;
  for (const host of hostsOf(tab)) if (cookieAppliesToHost(cookie, host)) return true;
  return false;
}

/**
 * Whether the browser sends this unpartitioned cookie from a page whose top-level site is `site`:
 * always from the cookie's own site, from another site only when it is `SameSite=None`. With no
 * site known (a tab still loading), the cookie counts.
 */
export function sentFromSite(cookie: Pick<BrowserCookie, 'domain' | 'sameSite'>, site: string | null): boolean {
  if (site === null || cookie.sameSite === 'no_restriction') return true;
  return registrableDomain(cookie.domain) === site;
}

export function isExpired(cookie: BrowserCookie, now: number): boolean {
  return !cookie.session && cookie.expirationDate !== undefined && cookie.expirationDate <= now;
}

/** The registrable domain of the tab's top-level page, when it is a web page. */
export function topSite(tab: { url: string | null; site?: string | null }): string | null {
  if (tab.site !== undefined) return tab.site;
  return tab.url && webHost(tab.url) ? siteOfUrl(tab.url) : null;
}

function hostsOf(tab: TabScope): Iterable<string> {
  const top = tab.url ? webHost(tab.url) : null;
  if (!top || tab.hosts.has(top)) return tab.hosts;
  return [top, ...tab.hosts];
}

function parentDomains(host: string): string[] {
  if (host.includes(':')) return [host];
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}
