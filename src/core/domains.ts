import { getDomain, parse } from 'tldts';
import type { Party } from './types';

/** A cookie's domain without the leading dot that marks domain cookies, lower-cased. */
export function cookieHost(domain: string): string {
  let host = hostCache.get(domain);
  if (host === undefined) {
    host = domain.trim().replace(/^\.+/, '').toLowerCase();
    if (hostCache.size >= CACHE_LIMIT) hostCache.clear();
    hostCache.set(domain, host);
  }
  return host;
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
  const clean = cookieHost(host).replace(/^\[|\]$/g, '');
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
  const h = cookieHost(host);
  const d = cookieHost(domain);
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
  return registrableDomain(cookieDomain) === site ? 'first' : 'third';
}
