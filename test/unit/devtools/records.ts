import type { Category, Label } from '../../../src/core/types';
import type { BrowserCookie, CookieRecord } from '../../../src/shared/protocol';

/** Small hand-made records for the panel's unit tests. */

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
    reason: 'test',
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
  return {
    key: JSON.stringify([c.storeId, c.domain, c.path, c.name]),
    cookie: c,
    label: label(category, labelOverrides),
  };
}
