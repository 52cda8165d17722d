import { readableDuration } from '../core/lifetime';
import type { Category, IfDeleted, LabelSource, Party } from '../core/types';
import type { BrowserCookie } from '../shared/protocol';
import { formatNumber, uiLanguage } from './i18n';
import { t } from './t';

/**
 * Human text for the parts of a cookie the list shows. From src/core only types and the small pure
 * lifetime helpers: the page must not pull the catalog or the labelling code into its bundle.
 */

const CATEGORY_KEYS = {
  essential: 'categoryEssential',
  functional: 'categoryFunctional',
  analytics: 'categoryAnalytics',
  marketing: 'categoryMarketing',
  unknown: 'categoryUnknown',
} as const;

export function categoryName(category: Category): string {
  return t(CATEGORY_KEYS[category]);
}

const IF_DELETED_KEYS = {
  'signs-out': 'ifDeletedSignsOut',
  'security-check': 'ifDeletedSecurityCheck',
  'empties-cart': 'ifDeletedEmptiesCart',
  'asks-consent': 'ifDeletedAsksConsent',
  'forgets-preference': 'ifDeletedForgetsPreference',
  'resets-widget': 'ifDeletedResetsWidget',
  nothing: 'ifDeletedNothing',
  unknown: 'ifDeletedUnknown',
} as const;

/** What deleting a cookie does, in a few words ("Signs you out"). */
export function ifDeletedName(ifDeleted: IfDeleted): string {
  return t(IF_DELETED_KEYS[ifDeleted] ?? 'ifDeletedUnknown');
}

const CONSEQUENCE_VERBS = {
  'signs-out': 'verbSignsOut',
  'security-check': 'verbSecurityCheck',
  'empties-cart': 'verbEmptiesCart',
  'asks-consent': 'verbAsksConsent',
} as const;

/**
 * The consequence spelt out before a removal the person chooses knowingly: "would sign you out of
 * Facebook". `who` is the vendor, or the site when nothing identifies the cookie. Null for a
 * consequence nobody needs warning of.
 */
export function consequenceText(ifDeleted: IfDeleted, who: string): string | null {
  const key = CONSEQUENCE_VERBS[ifDeleted as keyof typeof CONSEQUENCE_VERBS];
  return key ? t(key, who) : null;
}

// Messages rather than Intl.NumberFormat's unit style: its first use in a browser process costs
// 20 to 40 ms while ICU loads its unit data, on the popup's first screen (a unit test checks the
// messages say what Intl says).
const DURATION_KEYS = {
  year: 'durationYear',
  month: 'durationMonth',
  day: 'durationDay',
  hour: 'durationHour',
  minute: 'durationMinute',
  second: 'durationSecond',
} as const;

/** A span of time in the largest unit that reads well, in the UI's language; null under a second. */
export function formatDuration(seconds: number): string | null {
  const d = readableDuration(seconds);
  return d ? t.plural(DURATION_KEYS[d.unit], d.value) : null;
}

/** "Until the browser closes", or how long the cookie still lives, in the largest unit that reads well. */
export function formatLifetime(cookie: Pick<BrowserCookie, 'session' | 'expirationDate'>, nowSeconds: number): string {
  if (cookie.session || cookie.expirationDate === undefined) return t('lifetimeSession');
  return formatDuration(Math.max(0, cookie.expirationDate - nowSeconds)) ?? t('lifetimeExpiring');
}

export function formatExpiry(cookie: Pick<BrowserCookie, 'session' | 'expirationDate'>): string {
  if (cookie.session || cookie.expirationDate === undefined) return t('expiresWithBrowser');
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(cookie.expirationDate * 1000),
  );
}

const SAME_SITE_KEYS = {
  no_restriction: 'sameSiteNone',
  lax: 'sameSiteLax',
  strict: 'sameSiteStrict',
} as const;

/** The flags a cookie carries, as short words; unspecified SameSite says nothing, so it is left out. */
export function cookieFlags(cookie: BrowserCookie): string[] {
  const flags: string[] = [];
  if (cookie.secure) flags.push(t('flagSecure'));
  if (cookie.httpOnly) flags.push(t('flagHttpOnly'));
  if (cookie.sameSite !== 'unspecified') flags.push(t(SAME_SITE_KEYS[cookie.sameSite]));
  if (cookie.partitionKey) flags.push(t('flagPartitioned'));
  return flags;
}

export function partyName(party: Party): string {
  return party === 'first' ? t('partyFirst') : party === 'third' ? t('partyThird') : t('partyUnknown');
}

const SOURCE_KEYS = {
  exact: 'sourceExact',
  'exact-nocase': 'sourceExactNocase',
  pattern: 'sourcePattern',
  domain: 'sourceDomain',
  heuristic: 'sourceHeuristic',
  none: 'sourceNone',
} as const;

export function sourceName(source: LabelSource): string {
  return t(SOURCE_KEYS[source]);
}

/** "Catalog name, 95% sure"; a label found by nothing gets no percentage. */
export function labelBasis(source: LabelSource, confidence: number): string {
  if (source === 'none') return sourceName(source);
  return t('labelBasis', sourceName(source), formatNumber(Math.round(confidence * 100)));
}

/** Bytes the browser counts against its cookie limits: name plus value, in UTF-8. */
export function cookieSize(cookie: Pick<BrowserCookie, 'name' | 'value'>): number {
  return new TextEncoder().encode(cookie.name + cookie.value).length;
}

export function formatBytes(bytes: number): string {
  return t.plural('bytes', bytes);
}
