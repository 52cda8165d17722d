import { describe, expect, it } from 'vitest';
import { base64, readOne, seconds, unreadableOne } from '../../../test/support/consent-values';

/** The example token in Didomi's own documentation of its cookies. */
const DOCUMENTED =
  'eyJ1c2VyX2lkIjoiMTc4NDExNGMtZjhiMy02NTkwLWE2ZGYtYjlmYjI0MGJkZWE1IiwiY3JlYXRlZCI6IjIwMjEtMDMtMTdUMTY6NDY6MzIuMzQ0WiIsInVwZGF0ZWQiOiIyMDIxLTAzLTE3VDE2OjQ2OjMyLjM0NFoiLCJ2ZW5kb3JzIjp7ImVuYWJsZWQiOlsiYW1hem9uIiwiZ29vZ2xlIiwiYzpyZXNlYXV4c28tVkZlcEtyTFIiLCJjOnBhcnRlbmFpcmUtWDlTRFdrZzIiLCJjOnBlcnNvbm5hbGktWDNWY3h6UkQiLCJjOmdvb2dsZWFuYS1oN0tjM2U3WSIsImM6cHVibGljaXRlLXRGUkY0ZDM5Il19LCJwdXJwb3NlcyI6eyJlbmFibGVkIjpbInA0ZW05YThtIiwicGFydGVuYWlyZS1jQXNEZThqQyIsIkNMLVQxUmdtNyIsIk05TlJISmUzRyIsInE0emxKcWRjRCJdfSwidmVuZG9yc19saSI6eyJlbmFibGVkIjpbImdvb2dsZSJdfSwidmVyc2lvbiI6Mn0=';

function token(purposes: { enabled?: string[]; disabled?: string[] }, extra: object = {}): string {
  return base64(
    JSON.stringify({
      user_id: '18ad6573-df8a-6c2a-bdfe-8b9f900592d0',
      created: '2023-09-27T11:12:37.797Z',
      updated: '2023-09-27T11:12:37.797Z',
      vendors: { enabled: ['google', 'c:youtube-DWtjCUKb'], disabled: ['c:criteo'] },
      purposes,
      version: 2,
      ...extra,
    }),
  );
}

describe('Didomi (didomi_token)', () => {
  it("reads the documented token: the site's own purposes, its vendors and when it was updated", () => {
    const record = readOne('didomi_token', DOCUMENTED);
    expect(record.platform).toBe('Didomi');
    expect(record.decidedAt).toBe(seconds('2021-03-17T16:46:32.344Z'));
    expect(record.categories).toEqual({});
    expect(record.groups.map((group) => group.name)).toContain('p4em9a8m');
    expect(record.vendors?.granted).toEqual([
      'amazon',
      'google',
      'c:reseauxso-VFepKrLR',
      'c:partenaire-X9SDWkg2',
      'c:personnali-X3VcxzRD',
      'c:googleana-h7Kc3e7Y',
      'c:publicite-tFRF4d39',
    ]);
    expect(record.notes.join(' ')).toMatch(/euconsent-v2/);
  });

  it('maps the standard purposes Didomi names', () => {
    const record = readOne(
      'didomi_token',
      token({
        enabled: ['cookies', 'measure_content_performance', 'improve_products'],
        disabled: ['select_basic_ads', 'create_ads_profile', 'select_personalized_ads', 'geolocation_data'],
      }),
    );
    expect(record.categories).toEqual({ analytics: 'granted', marketing: 'denied' });
    expect(record.vendors).toEqual({ granted: ['google', 'c:youtube-DWtjCUKb'], denied: ['c:criteo'] });
    expect(record.groups).toContainEqual({ name: 'geolocation_data', state: 'denied', category: null });
  });

  it('treats refused storage (cookies) as refusing every cookie-based purpose', () => {
    const record = readOne(
      'didomi_token',
      token({ enabled: ['measure_content_performance', 'select_basic_ads'], disabled: ['cookies'] }),
    );
    expect(record.categories).toEqual({ analytics: 'denied', marketing: 'denied' });
  });

  it('reads the URL-safe alphabet without padding as well', () => {
    const urlSafe = token({ enabled: ['market_research'] })
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(readOne('didomi_token', urlSafe).categories).toEqual({ analytics: 'granted' });
  });

  it('reports bad base64, text that is not JSON and JSON of the wrong shape as unreadable', () => {
    for (const value of [
      'eyJ1c2VyX2lkIjoi$$',
      `${DOCUMENTED.slice(0, 101)}`,
      base64('not json'),
      base64('["cookies"]'),
      token({ enabled: 'cookies' as unknown as string[] }),
      base64(JSON.stringify({ user_id: 'x', purposes: { enabled: [1, 2] } })),
      'accepted',
    ]) {
      expect(unreadableOne('didomi_token', value).status, value).toBe('unreadable');
    }
  });
});
