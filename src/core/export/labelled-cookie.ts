import type { CookieLike, Label } from '../types';

/**
 * What every export format takes: a cookie as the browser (or a hand-written file) describes it,
 * with the label the core gave it. The worker's `CookieRecord` and the CLI's labelled input both
 * have this shape.
 */
export interface LabelledCookie {
  cookie: CookieLike;
  label: Label;
}

/** Where the cookies were seen, written into the formats that have room for it. */
export interface ExportContext {
  /** URL of the inspected page, when there is one. */
  url?: string | null;
  /** Registrable domain of the inspected page. */
  site?: string | null;
  /** Seconds since the epoch: the moment of the export, passed in so that output is reproducible. */
  now: number;
}

const encoder = new TextEncoder();

/**
 * Bytes of name plus value in UTF-8: what the browser counts against its per-cookie limit of
 * 4096. DevTools counts UTF-16 code units instead, which differs only for non-ASCII text.
 */
export function cookieSize(cookie: Pick<CookieLike, 'name' | 'value'>): number {
  return encoder.encode(cookie.name).length + encoder.encode(cookie.value ?? '').length;
}

/** A persistent cookie's expiry as an ISO 8601 date, or null for a session cookie. */
export function expiresIso(cookie: Pick<CookieLike, 'session' | 'expirationDate'>): string | null {
  if (cookie.session === true || cookie.expirationDate === undefined) return null;
  const ms = cookie.expirationDate * 1000;
  // Dates beyond what `Date` represents (the browser caps expiry at 400 days, but files need not).
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null;
}

/** Whether the cookie is also sent to subdomains: an explicit `hostOnly`, else the leading dot. */
export function includesSubdomains(cookie: Pick<CookieLike, 'hostOnly' | 'domain'>): boolean {
  return cookie.hostOnly === undefined ? cookie.domain.startsWith('.') : !cookie.hostOnly;
}
