import { getDomain, parse } from 'tldts';
import type { Party } from './types';

/**
 * A cookie's domain as the browser addresses it: without the leading dot that marks domain cookies,
 * lower-cased, and in ASCII (punycode), the form URLs and the browser's cookie store use, so a
 * hand-written `bücher.de` is the same host as the page `https://bücher.de/`. A trailing dot is
 * kept: to the browser `example.com.` is another host, and its cookies are addressed by it.
 */
export function cookieHost(domain: string): string {
  let host = hostCache.get(domain);
  if (host === undefined) {
    host = toAscii(domain.trim().replace(/^\.+/, '').toLowerCase());
    if (hostCache.size >= CACHE_LIMIT) hostCache.clear();
    hostCache.set(domain, host);
  }
  return host;
}

/**
 * The host a cookie belongs to, for comparing with sites, catalog domains and domain owners: the
 * cookie's host without the trailing dot of a fully qualified name (`salesforce.com.` is
 * salesforce.com's).
 */
export function siteHost(domain: string): string {
  const host = cookieHost(domain);
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

// Text that is no bare host (a port, a path, an IPv6 address) is left alone rather than cut to
// whatever part the URL parser takes for a host.
const NOT_A_BARE_HOST = /[\s/\\?#@:%[\]]/;

/** The URL parser's IDNA mapping, which runs in the browser and in Node alike (`node:url` does not). */
function toAscii(host: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: any character beyond ASCII needs mapping.
  if (!/[^\x00-\x7f]/.test(host) || NOT_A_BARE_HOST.test(host)) return host;
  try {
    const ascii = new URL(`http://${host}`).hostname;
    return ascii === '' ? host : ascii;
  } catch {
    // Not a valid host name (forbidden characters): compared as written, it matches nothing.
    return host;
  }
}

// Pages hold cookies of a few dozen domains, labelled again and again: remember what was worked
// out. The bound only guards against unbounded growth.
const CACHE_LIMIT = 20_000;
const hostCache = new Map<string, string>();

/**
 * The registrable domain (eTLD+1) of a host. IP addresses, `localhost` and single-label hosts have
 * none, so they stand for themselves: two cookies on 127.0.0.1 are the same site.
 */
export function registrableDomain(host: string): string {
  let known = siteCache.get(host);
  if (known === undefined) {
    known = computeRegistrableDomain(host);
    if (siteCache.size >= CACHE_LIMIT) siteCache.clear();
    siteCache.set(host, known);
  }
  return known;
}

const siteCache = new Map<string, string>();

function computeRegistrableDomain(host: string): string {
  const clean = siteHost(host).replace(/^\[|\]$/g, '');
  if (clean === '') return '';
  const info = parse(clean, { allowPrivateDomains: true });
  if (info.isIp) return clean;
  return getDomain(clean, { allowPrivateDomains: true }) ?? clean;
}

/** The host of a URL, or null when it has none (about:blank, malformed text). */
export function hostOfUrl(url: string): string | null {
  try {
    const host = new URL(url).hostname;
    return host === '' ? null : host.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return null;
  }
}

/** The registrable domain of a page URL, or null. */
export function siteOfUrl(url: string): string | null {
  const host = hostOfUrl(url);
  return host ? registrableDomain(host) : null;
}

/** True when `host` is `domain` itself or one of its subdomains. */
export function isSameOrSubdomain(host: string, domain: string): boolean {
  const h = siteHost(host);
  const d = siteHost(domain);
  return h === d || h.endsWith(`.${d}`);
}

/**
 * Whether a cookie with this domain would be sent to `host`: host-only cookies only to their exact
 * host, domain cookies to the domain and every subdomain.
 */
export function cookieAppliesToHost(cookie: { domain: string; hostOnly?: boolean }, host: string): boolean {
  const h = cookieHost(host);
  const d = cookieHost(cookie.domain);
  const hostOnly = cookie.hostOnly ?? !cookie.domain.startsWith('.');
  return hostOnly ? h === d : h === d || h.endsWith(`.${d}`);
}

// Every cookie of a tab is labelled against the same top-level URL: remember the last one.
let lastUrl = '';
let lastSite: string | null = null;

export function partyOf(cookieDomain: string, topLevelUrl: string | undefined): Party {
  if (!topLevelUrl) return 'unknown';
  if (topLevelUrl !== lastUrl) {
    lastSite = siteOfUrl(topLevelUrl);
    lastUrl = topLevelUrl;
  }
  const site = lastSite;
  if (!site) return 'unknown';
  // A cookie without a domain is on no site: calling it third party would be a guess.
  const cookieSite = registrableDomain(cookieDomain);
  if (cookieSite === '') return 'unknown';
  return cookieSite === site ? 'first' : 'third';
}
