import { fromText } from '../../src/core/if-deleted';
import type { Category, Label } from '../../src/core/types';
import type { BrowserCookie, CookieRecord, TabView } from '../../src/shared/protocol';

/** Test cookies: what the worker would send for a tab, without the catalog. */

export function cookie(overrides: Partial<BrowserCookie> & { name: string }): BrowserCookie {
  return {
    value: 'v',
    domain: 'shop.test',
    path: '/',
    secure: true,
    httpOnly: false,
    sameSite: 'lax',
    hostOnly: true,
    session: false,
    expirationDate: 2_000_000_000,
    storeId: '0',
    ...overrides,
  };
}

export function label(category: Category, overrides: Partial<Label> = {}): Label {
  return {
    category,
    vendor: category === 'unknown' ? null : 'Vendor',
    purpose: category === 'unknown' ? null : `A ${category} cookie`,
    lifetime: { kind: 'unknown' },
    party: 'first',
    source: category === 'unknown' ? 'none' : 'exact',
    confidence: category === 'unknown' ? 0 : 0.95,
    entryId: null,
    reason: `listed as ${category}`,
    ...fromText(category, category === 'unknown' ? null : `A ${category} cookie`, ''),
    ...overrides,
  };
}

export function record(
  name: string,
  category: Category = 'analytics',
  cookieOverrides: Partial<BrowserCookie> = {},
  labelOverrides: Partial<Label> = {},
): CookieRecord {
  const c = cookie({ name, ...cookieOverrides });
  const key = JSON.stringify([c.storeId, c.partitionKey?.topLevelSite ?? null, c.domain, c.path, c.name]);
  return { key, cookie: c, label: label(category, labelOverrides) };
}

export function tabView(cookies: CookieRecord[], overrides: Partial<TabView> = {}): TabView {
  return {
    tabId: 7,
    url: 'https://shop.test/',
    site: 'shop.test',
    status: 'ok',
    cookies,
    siteSettings: null,
    includeUnknown: false,
    ...overrides,
  };
}

/** A realistic mix: two essential, one functional, two analytics, one marketing, one unknown. */
export function sampleRecords(): CookieRecord[] {
  return [
    record(
      'session_id',
      'essential',
      { httpOnly: true, session: true, expirationDate: undefined },
      {
        vendor: 'Shop',
        purpose: 'Keeps you signed in',
      },
    ),
    record('csrf_token', 'essential', { sameSite: 'strict' }, { vendor: 'Shop', purpose: 'Protects forms' }),
    record('lang', 'functional', {}, { vendor: 'Shop', purpose: 'Remembers your language' }),
    record(
      '_ga',
      'analytics',
      { domain: '.shop.test', hostOnly: false },
      {
        vendor: 'Google Analytics',
        purpose: 'Tells visits apart',
      },
    ),
    record('_gid', 'analytics', { domain: '.shop.test', hostOnly: false }, { vendor: 'Google Analytics' }),
    record(
      'IDE',
      'marketing',
      {
        domain: '.ads.test',
        hostOnly: false,
        sameSite: 'no_restriction',
        partitionKey: { topLevelSite: 'https://shop.test' },
      },
      { vendor: 'Ad Network', purpose: 'Shows ads based on your visits', party: 'third' },
    ),
    record('mystery', 'unknown'),
  ];
}
