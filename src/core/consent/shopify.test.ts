import { describe, expect, it } from 'vitest';
import { readOne, unreadableOne } from '../../../test/support/consent-values';

function trackingConsent(cmp: Record<string, string>, extra: object = {}): string {
  return encodeURIComponent(JSON.stringify({ con: { CMP: cmp }, v: '2.1', region: 'DEBY', reg: '', ...extra }));
}

describe('Shopify (_tracking_consent)', () => {
  it('reads the choices of the CMP fields', () => {
    const record = readOne('_tracking_consent', trackingConsent({ a: '1', m: '0', p: '1', s: '' }));
    expect(record).toMatchObject({
      platform: 'Shopify',
      answered: true,
      categories: { analytics: 'granted', marketing: 'denied', functional: 'granted' },
      details: { region: 'DEBY', version: '2.1' },
    });
    expect(record.groups.map((group) => group.name)).toEqual(['a', 'm', 'p']);
    expect(record.notes.join(' ')).toMatch(/sale of data/);
  });

  it('says the person has not answered when every field is empty, whatever the regional defaults', () => {
    const real =
      '%7B%22con%22%3A%7B%22CMP%22%3A%7B%22a%22%3A%22%22%2C%22m%22%3A%22%22%2C%22p%22%3A%22%22%2C%22s%22%3A%22%22%7D%7D%2C%22v%22%3A%222.1%22%2C%22region%22%3A%22USCA%22%2C%22reg%22%3A%22%22%2C%22purposes%22%3A%7B%22a%22%3Atrue%2C%22p%22%3Atrue%2C%22m%22%3Atrue%2C%22t%22%3Atrue%7D%2C%22display_banner%22%3Afalse%2C%22sale_of_data_region%22%3Atrue%2C%22consent_id%22%3A%221051BA20-246e-4911-a1f3-2d13c00ee3c8%22%7D';
    const record = readOne('_tracking_consent', real);
    expect(record.answered).toBe(false);
    expect(record.categories).toEqual({});
    expect(record.details.region).toBe('USCA');
  });

  it('reports an older or unknown shape and values other than 1, 0 or empty as unreadable', () => {
    for (const value of [
      encodeURIComponent('{"v":"2.0","con":{"GDPR":"1"}}'),
      trackingConsent({ a: 'yes', m: '0', p: '', s: '' }),
      trackingConsent({ a: '1' }),
      '%7B%22con%22',
    ]) {
      expect(unreadableOne('_tracking_consent', value).status, value).toBe('unreadable');
    }
  });
});
