import { describe, expect, it } from 'vitest';
import { record } from '../../test/support/records';
import { isFiltering, NO_FILTER, NO_VENDOR, rowMatcher, vendorsOf } from './row-filter';

const rows = [
  record('_ga', 'analytics', { httpOnly: false }, { vendor: 'Google Analytics', purpose: 'Counts visits' }),
  record('sid', 'essential', { httpOnly: true, session: true, expirationDate: undefined }, { vendor: 'Shop' }),
  record('ad_id', 'marketing', { domain: '.ads.test', sameSite: 'no_restriction' }, { party: 'third', vendor: 'Ads' }),
  record(
    'chips',
    'functional',
    { partitionKey: { topLevelSite: 'https://shop.test' } },
    { party: 'third', vendor: 'Chat' },
  ),
  record('mystery', 'unknown', { value: 'Needle-In-Value' }),
];

function names(filter: Partial<typeof NO_FILTER>): string[] {
  return rows.filter(rowMatcher({ ...NO_FILTER, ...filter })).map((r) => r.cookie.name);
}

describe('rowMatcher', () => {
  it('passes everything without a filter', () => {
    expect(names({})).toHaveLength(rows.length);
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, query: '  ' })).toBe(false);
  });

  it('filters by category, party and vendor', () => {
    expect(names({ categories: new Set(['analytics', 'marketing']) })).toEqual(['_ga', 'ad_id']);
    expect(names({ parties: new Set(['third']) })).toEqual(['ad_id', 'chips']);
    expect(names({ vendor: 'Shop' })).toEqual(['sid']);
    expect(names({ vendor: NO_VENDOR })).toEqual(['mystery']);
  });

  it('requires every chosen flag', () => {
    expect(names({ flags: new Set(['httpOnly']) })).toEqual(['sid']);
    expect(names({ flags: new Set(['httpOnly', 'session']) })).toEqual(['sid']);
    expect(names({ flags: new Set(['partitioned']) })).toEqual(['chips']);
    expect(names({ flags: new Set(['sameSiteNone']) })).toEqual(['ad_id']);
    expect(names({ flags: new Set(['httpOnly', 'sameSiteNone']) })).toEqual([]);
  });

  it('searches name, value, domain, vendor, purpose and category, ignoring case, every word', () => {
    expect(names({ query: 'needle-in' })).toEqual(['mystery']);
    expect(names({ query: 'ADS.TEST' })).toEqual(['ad_id']);
    expect(names({ query: 'counts visits' })).toEqual(['_ga']);
    expect(names({ query: 'google _ga' })).toEqual(['_ga']);
    expect(names({ query: 'google sid' })).toEqual([]);
    expect(names({ query: 'essential' })).toEqual(['sid']);
  });

  it('lists the vendors present, sorted', () => {
    expect(vendorsOf(rows)).toEqual(['Ads', 'Chat', 'Google Analytics', 'Shop']);
  });
});
