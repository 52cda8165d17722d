import { describe, expect, it } from 'vitest';
import { readOne, unreadableOne } from '../../../test/support/consent-values';

describe('Klaro (klaro)', () => {
  it('reads each service but decides no category, since the cookie does not say what a service is for', () => {
    const record = readOne(
      'klaro',
      '%7B%22necessary-cookies%22%3Atrue%2C%22preferences%22%3Afalse%2C%22google-analytics%22%3Afalse%2C%22google-ads%22%3Afalse%7D',
    );
    expect(record.platform).toBe('Klaro');
    expect(record.categories).toEqual({});
    expect(record.groups).toEqual([
      { name: 'necessary-cookies', state: 'granted', category: null },
      { name: 'preferences', state: 'denied', category: null },
      { name: 'google-analytics', state: 'denied', category: null },
      { name: 'google-ads', state: 'denied', category: null },
    ]);
    expect(record.notes.join(' ')).toMatch(/per service/);
  });

  it('reports values that are not an object of booleans as unreadable', () => {
    for (const value of ['%7B%22matomo%22%3A1%7D', '%5Btrue%5D', '%7B', 'yes']) {
      expect(unreadableOne('klaro', value).status, value).toBe('unreadable');
    }
  });
});
