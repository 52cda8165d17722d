import { describe, expect, it } from 'vitest';
import { tabConsent } from './tab-consent';

const site = 'shop.example';
const cookie = (name: string, value: string, category: string, firstSeenAt?: number) => ({
  key: name,
  name,
  value,
  domain: '.shop.example',
  category,
  ...(firstSeenAt === undefined ? {} : { firstSeenAt }),
});
// Complianz records each choice in a cookie of its own; the answer time comes from none of them.
const refusedAll = [
  cookie('cmplz_statistics', 'deny', 'essential'),
  cookie('cmplz_marketing', 'deny', 'essential'),
  cookie('cmplz_functional', 'allow', 'essential'),
];

describe('the consent summary of a tab', () => {
  it('names what was refused and the cookies here against it', () => {
    const summary = tabConsent(site, [
      ...refusedAll,
      cookie('_fbp', 'fb.1.1.1', 'marketing'),
      cookie('_ga', 'GA1', 'analytics'),
    ]);
    expect(summary?.refused).toEqual(['analytics', 'marketing']);
    expect(summary?.againstRefusal.sort()).toEqual(['_fbp', '_ga']);
    expect(summary?.records.map((r) => r.platform)).toEqual(['Complianz']);
  });

  it('says nothing is here against the refusal when nothing is', () => {
    expect(tabConsent(site, [...refusedAll, cookie('lang', 'de', 'functional')])?.againstRefusal).toEqual([]);
  });

  it('marks optional cookies the worker saw set before the answer', () => {
    const answered = new Date('2026-12-03T10:00:00Z').getTime() / 1000;
    const onetrust = cookie(
      'OptanonConsent',
      `isGpcEnabled=0&datestamp=Thu+Dec+03+2026&version=202401.1.0&interactionCount=1&groups=C0001%3A1%2CC0002%3A0%2CC0004%3A0`,
      'essential',
    );
    const closed = cookie('OptanonAlertBoxClosed', '2026-12-03T10:00:00.000Z', 'essential');
    const summary = tabConsent(site, [
      onetrust,
      closed,
      cookie('_fbp', 'fb.1.1.1', 'marketing', answered - 60),
      cookie('_gcl_au', '1.1.1', 'marketing', answered + 60),
      cookie('IDE', 'x', 'marketing'),
    ]);
    expect(summary?.refused).toEqual(['analytics', 'marketing']);
    expect(summary?.decidedAt).toBe(answered);
    expect(summary?.setBeforeAnswer).toEqual(['_fbp']);
  });

  it('takes the answer time from when the worker saw the record set, for a platform that writes none', () => {
    const at = 1_800_000_000;
    const seen = refusedAll.map((c) => ({ ...c, firstSeenAt: at }));
    const summary = tabConsent(site, [
      ...seen,
      cookie('_fbp', 'fb.1.1.1', 'marketing', at - 30),
      cookie('_ga', 'GA1', 'analytics'),
    ]);
    expect(summary?.decidedAt).toBe(at);
    expect(summary?.setBeforeAnswer).toEqual(['_fbp']);
  });

  it('reports a record it cannot read, and guesses nothing from it', () => {
    const summary = tabConsent(site, [
      cookie('CookieConsent', '{garbage', 'essential'),
      cookie('_ga', 'GA1', 'analytics'),
    ]);
    expect(summary?.records).toEqual([expect.objectContaining({ platform: 'Cookiebot', readable: false })]);
    expect(summary?.refused).toEqual([]);
    expect(summary?.againstRefusal).toEqual([]);
  });

  it('is null without a consent record of the site, or without a site', () => {
    expect(tabConsent(site, [cookie('_ga', 'GA1', 'analytics')])).toBeNull();
    expect(tabConsent(null, refusedAll)).toBeNull();
  });
});
