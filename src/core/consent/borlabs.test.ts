import { describe, expect, it } from 'vitest';
import { readOne, unreadableOne } from '../../../test/support/consent-values';

const ALL_GROUPS =
  '%7B%22consents%22%3A%7B%22essential%22%3A%5B%22borlabs-cookie%22%5D%2C%22statistics%22%3A%5B%22google-analytics%22%5D%2C%22marketing%22%3A%5B%22google-adsense%22%2C%22facebook-pixel%22%5D%2C%22external-media%22%3A%5B%22facebook%22%2C%22googlemaps%22%2C%22youtube%22%5D%7D%2C%22domainPath%22%3A%22example.com%2F%22%2C%22expires%22%3A%22Sat%2C%2007%20Sep%202024%2002%3A24%3A51%20GMT%22%2C%22uid%22%3A%22anonymous%22%2C%22version%22%3A%221%22%7D';
const ESSENTIAL_ONLY =
  '%7B%22consents%22%3A%7B%22essential%22%3A%5B%22borlabs-cookie%22%2C%22wpml%22%5D%7D%2C%22domainPath%22%3A%22example.com%2F%22%2C%22expires%22%3A%22Sat%2C%2007%20Sep%202024%2002%3A24%3A51%20GMT%22%2C%22uid%22%3A%22anonymous%22%2C%22v3%22%3Atrue%2C%22version%22%3A1%7D';

describe('Borlabs Cookie (borlabs-cookie)', () => {
  it('reads the accepted groups and their services', () => {
    const record = readOne('borlabs-cookie', ALL_GROUPS);
    expect(record.platform).toBe('Borlabs Cookie');
    expect(record.categories).toEqual({ analytics: 'granted', marketing: 'granted' });
    expect(record.groups).toContainEqual({ name: 'external-media', state: 'granted', category: null });
  });

  it('reads groups missing from the record as refused, and says why', () => {
    const record = readOne('borlabs-cookie', ESSENTIAL_ONLY);
    expect(record.categories).toEqual({ analytics: 'denied', marketing: 'denied' });
    expect(record.notes.join(' ')).toMatch(/only the groups/);
    expect(record.details).toMatchObject({ borlabsVersion: 3 });
  });

  it('reports wrong JSON and a record without consents as unreadable', () => {
    for (const value of [
      '%7B%22consents%22%3A',
      encodeURIComponent('{"consents":["essential"]}'),
      encodeURIComponent('{"consents":{"statistics":"google-analytics"}}'),
      encodeURIComponent('{"uid":"anonymous"}'),
      'all',
    ]) {
      expect(unreadableOne('borlabs-cookie', value).status, value).toBe('unreadable');
    }
  });
});
