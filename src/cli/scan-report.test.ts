import { describe, expect, it } from 'vitest';
import { record, tabView } from '../../test/support/records';
import type { ScanResult } from '../node/scan';
import { failOnMatches, jsonReport, markdownReport, tableReport } from './scan-report';

const SECRET = 's3cr3t-value';
const NOW = Date.UTC(2025, 0, 31, 12) / 1000;

function scanned(): Extract<ScanResult, { ok: true }> {
  return {
    url: 'https://shop.test/',
    ok: true,
    finalUrl: 'https://shop.test/',
    status: 200,
    view: tabView([
      record('PHPSESSID', 'essential', { value: SECRET, session: true, expirationDate: undefined }),
      record('_ga', 'analytics', { value: SECRET, domain: '.shop.test' }, { vendor: 'Google Analytics' }),
      record(
        'ad_freq',
        'marketing',
        { value: SECRET, domain: 'ads.test', partitionKey: { topLevelSite: 'https://shop.test' } },
        { party: 'third', vendor: null },
      ),
      record('x\u001b[31m', 'unknown', { value: SECRET }),
    ]),
  };
}

const failed: ScanResult = { url: 'https://down.test/', ok: false, kind: 'unreachable', error: 'refused' };

describe('scan reports', () => {
  it('gives an expiry beyond what a date can hold as null instead of failing', () => {
    const result = scanned();
    const far = tabView([record('far', 'unknown', { expirationDate: 1e300, session: false })]);
    const report = jsonReport([{ ...result, view: far }], NOW);
    const [ok] = report.results;
    if (!('cookies' in ok)) throw new Error('the page that loaded has no cookies listed');
    expect(ok.cookies[0].expires).toBeNull();
  });

  it('prints the popup breakdown and a row per cookie, with terminal escapes shown, not sent', () => {
    const text = tableReport(scanned());
    expect(text).toContain('https://shop.test/ (shop.test, HTTP 200)');
    expect(text).toContain('4 cookies: 1 essential · 0 functional · 1 analytics · 1 marketing · 1 unknown');
    expect(text).toContain('3 first-party · 1 third-party · 1 partitioned · one click removes 2');
    expect(text).toMatch(/^ {2}_ga\s+\.shop\.test\s+analytics\s+nothing\s+Google Analytics\s+first/m);
    expect(text).toMatch(/^ {2}ad_freq\s+ads\.test\s+marketing\s+nothing\s+-\s+third\s+\S+\s+partitioned$/m);
    expect(text).toContain('x\\u001b[31m');
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain(SECRET);
  });

  it('gives machines every label and attribute but never a value, and the errors', () => {
    const report = jsonReport([scanned(), failed], NOW);
    expect(report.scannedAt).toBe('2025-01-31T12:00:00.000Z');
    expect(JSON.stringify(report)).not.toContain(SECRET);
    const [ok, error] = report.results;
    expect(error).toEqual({ url: 'https://down.test/', error: { kind: 'unreachable', message: 'refused' } });
    expect(ok).toMatchObject({
      site: 'shop.test',
      status: 200,
      totals: { total: 4, firstParty: 3, thirdParty: 1, partitioned: 1 },
    });
    if (!('cookies' in ok)) throw new Error('the page that loaded has no cookies listed');
    const { cookies } = ok;
    // In the popup's order: essential first, unknown last.
    expect(cookies.map((c) => c.name)).toEqual(['PHPSESSID', '_ga', 'ad_freq', 'x\u001b[31m']);
    expect(cookies[0]).toMatchObject({ category: 'essential', session: true, expires: null, partitioned: false });
    expect(cookies[2]).toMatchObject({ category: 'marketing', party: 'third', partitioned: true });
  });

  it('writes one cookie declaration per page that loaded', () => {
    const text = markdownReport([failed, scanned()], NOW);
    expect(text.match(/^# Cookie declaration/gm)).toHaveLength(1);
    expect(text).toContain('# Cookie declaration for shop.test');
    expect(text).toMatch(/^\| `_ga` \| Google Analytics \| Analytics \|/m);
    expect(text).not.toContain(SECRET);
  });

  it('finds the cookies of the categories --fail-on names, and only those', () => {
    const results = [scanned(), failed];
    expect(failOnMatches(results, new Set(['marketing', 'analytics'])).map((m) => m.record.cookie.name)).toEqual([
      '_ga',
      'ad_freq',
    ]);
    expect(failOnMatches(results, new Set(['functional']))).toEqual([]);
  });

  it('adds the consent audit per state to every format, with each violation', () => {
    const base = scanned();
    const states = (['none', 'reject'] as const).map((state) => ({
      state,
      finalUrl: base.finalUrl,
      status: 200,
      view: base.view,
      ...(state === 'reject' ? { banner: { status: 'answered' as const, cmp: 'cookieyes' } } : {}),
    }));
    const result = { ...base, states };
    const md = markdownReport([result], NOW);
    expect(md).toContain('## Consent audit');
    expect(md).toMatch(/\| none \| before any answer \| PHPSESSID \| - \| \\_ga \| ad\\_freq \|/);
    expect(md).toContain('- reject: ad\\_freq on ads.test (marketing, unknown vendor)');
    expect(tableReport(result)).toMatch(
      /reject\s+answered \(cookieyes\)\s+1\s+0\s+1\s+1\s+1\s+analytics marketing\s+VIOLATIONS/,
    );
    const json = jsonReport([result], NOW).results[0];
    expect('consent' in json && json.consent?.violations.map((v) => `${v.state} ${v.cookie.name}`)).toEqual([
      'none _ga',
      'none ad_freq',
      'reject _ga',
      'reject ad_freq',
    ]);
    expect(JSON.stringify(json)).not.toContain(SECRET);
  });
});
