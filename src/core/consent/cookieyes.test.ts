import { describe, expect, it } from 'vitest';
import { readOne, unreadableOne } from '../../../test/support/consent-values';

describe('CookieYes (cookieyes-consent)', () => {
  it('reads a real refusal', () => {
    const record = readOne(
      'cookieyes-consent',
      'consentid:ZWdYNjVtS2RqR0pSZ2NuT1V4S1E5bW1qR2RQRkNldUc,consent:no,action:yes,necessary:yes,functional:no,analytics:no,performance:no,advertisement:no,other:no',
    );
    expect(record).toMatchObject({
      platform: 'CookieYes',
      answered: true,
      categories: { functional: 'denied', analytics: 'denied', marketing: 'denied' },
    });
    expect(record.groups).toContainEqual({ name: 'other', state: 'denied', category: null });
  });

  it('counts analytics granted when analytics is accepted and performance refused', () => {
    const record = readOne(
      'cookieyes-consent',
      'consentid:abc,consent:yes,action:yes,necessary:yes,functional:yes,analytics:yes,performance:no,advertisement:no,lastRenewedDate:1700000000000',
    );
    expect(record.categories).toEqual({ functional: 'granted', analytics: 'granted', marketing: 'denied' });
    expect(record.details.lastRenewedDate).toBe(1700000000);
  });

  it('says the person has not answered when action is no', () => {
    const record = readOne(
      'cookieyes-consent',
      'consentid:abc,consent:no,action:no,necessary:yes,functional:no,analytics:no,performance:no,advertisement:no',
    );
    expect(record.answered).toBe(false);
  });

  it('reads a percent-encoded value', () => {
    const record = readOne('cookieyes-consent', 'consentid%3Aabc%2Cconsent%3Ayes%2Caction%3Ayes%2Cadvertisement%3Ayes');
    expect(record.categories).toEqual({ marketing: 'granted' });
  });

  it('reports malformed values as unreadable', () => {
    for (const value of [
      'consent:yes,analytics',
      'consent:yes,analytics:maybe',
      'analytics:yes,analytics:no',
      'consentid:abc,consent:yes',
      '',
    ]) {
      expect(unreadableOne('cookieyes-consent', value).status, value).toBe('unreadable');
    }
  });
});
