import type { CookieLike } from './types';

/**
 * Everything that makes a cookie distinct in the browser: two cookies with the same name on
 * another domain, path, store or partition are different cookies and must never be confused.
 */
export interface CookieIdentity {
  name: string;
  domain: string;
  path: string;
  storeId: string;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
}

/** A stable string for a cookie's identity; JSON so that no character in a name can collide. */
export function cookieKey(cookie: CookieLike): string {
  const p = cookie.partitionKey;
  return JSON.stringify([
    cookie.storeId ?? '0',
    p?.topLevelSite ?? null,
    p?.hasCrossSiteAncestor ?? null,
    cookie.domain,
    cookie.path ?? '/',
    cookie.name,
  ]);
}

export function identityOf(cookie: CookieLike): CookieIdentity {
  const id: CookieIdentity = {
    name: cookie.name,
    domain: cookie.domain,
    path: cookie.path ?? '/',
    storeId: cookie.storeId ?? '0',
  };
  if (cookie.partitionKey) id.partitionKey = { ...cookie.partitionKey };
  return id;
}
