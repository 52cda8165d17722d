import { cookieHost } from '../core/domains';
import type { BrowserCookie } from '../shared/protocol';
import type { CookieSetDetails } from './browser-api';

/**
 * The URL the cookies API needs to address a cookie: the cookie's host without the leading dot
 * that marks domain cookies, IPv6 hosts in brackets, https for Secure cookies (an http URL cannot
 * reach them) and http otherwise, and the cookie's own path.
 */
export function cookieUrl(
  cookie: Pick<BrowserCookie, 'domain' | 'path' | 'secure'>,
  scheme?: 'http' | 'https',
): string {
  const host = cookieHost(cookie.domain).replace(/^\[|\]$/g, '');
  const authority = host.includes(':') ? `[${host}]` : host;
  const path = cookie.path?.startsWith('/') ? cookie.path : '/';
  return `${scheme ?? (cookie.secure ? 'https' : 'http')}://${authority}${path}`;
}

/**
 * Whether the cookies API can reach exactly this cookie. It addresses cookies through a URL, and the
 * URL parser rewrites some paths a server may set (`/a b` becomes `/a%20b`, `?` and `#` end the
 * path, a non-ASCII path is escaped): an overwrite or a removal would then hit another cookie, the
 * one on the rewritten path, and never this one.
 */
export function isAddressable(cookie: Pick<BrowserCookie, 'path'>): boolean {
  try {
    return new URL(`https://host.invalid${cookie.path}`).pathname === cookie.path;
  } catch {
    return false;
  }
}

/**
 * What `cookies.set` needs to recreate `cookie` attribute for attribute: `domain` only for domain
 * cookies (passing it turns a host-only cookie into a domain cookie), `expirationDate` only for
 * persistent ones (passing it turns a session cookie into a persistent one), the partition key
 * only for partitioned ones.
 */
export function restoreDetails(cookie: BrowserCookie, scheme?: 'http' | 'https'): CookieSetDetails {
  const details: CookieSetDetails = {
    url: cookieUrl(cookie, scheme),
    name: cookie.name,
    value: cookie.value,
    path: cookie.path,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite,
    storeId: cookie.storeId,
  };
  if (!cookie.hostOnly) details.domain = cookieHost(cookie.domain);
  if (!cookie.session && cookie.expirationDate !== undefined) details.expirationDate = cookie.expirationDate;
  if (cookie.partitionKey) details.partitionKey = { ...cookie.partitionKey };
  return details;
}

/**
 * Overwrites exactly this cookie with one that has already expired, which the browser treats as a
 * deletion of the cookie with the same name, domain, host-only flag, path, store and partition and
 * of no other. (`cookies.remove` deletes every same-named cookie the URL would receive, so it would
 * also take the same name on a parent path or the parent domain.)
 */
export function expiredOverwrite(cookie: BrowserCookie, scheme?: 'http' | 'https'): CookieSetDetails {
  const details = restoreDetails({ ...cookie, value: '', session: false }, scheme);
  details.expirationDate = 1;
  return details;
}
