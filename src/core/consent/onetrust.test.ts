import { describe, expect, it } from 'vitest';
import { only, readOne, seconds } from '../../../test/support/consent-values';
import { readConsent } from './read-consent';

/** The shape OneTrust writes after a person saved their choices (values changed, fields as found on sites). */
function optanon(groups: string, extra = 'interactionCount=1'): string {
  return [
    'isGpcEnabled=0',
    'datestamp=Mon+Dec+04+2023+10%3A00%3A00+GMT%2B0100+(Central+European+Standard+Time)',
    'version=202310.1.0',
    'browserGpcFlag=0',
    'isIABGlobal=false',
    'hosts=',
    'consentId=2f1a8c6e-4b7d-4c39-9a51-0d6e5f3b2a10',
    extra,
    'isAnonUser=1',
    'landingPath=NotLandingPage',
    `groups=${encodeURIComponent(groups)}`,
    'geolocation=DE%3BBY',
    'AwaitingReconsent=false',
  ].join('&');
}

describe('OneTrust (OptanonConsent)', () => {
  it('maps the standard groups and takes the answer time from OptanonAlertBoxClosed', () => {
    const record = only([
      { name: 'OptanonConsent', value: optanon('C0001:1,C0002:0,C0003:1,C0004:0,C0005:0') },
      { name: 'OptanonAlertBoxClosed', value: '2023-12-04T09:00:00.123Z' },
    ]);
    expect(record).toMatchObject({
      status: 'read',
      platform: 'OneTrust',
      cookieNames: ['OptanonConsent', 'OptanonAlertBoxClosed'],
      answered: true,
      decidedAt: seconds('2023-12-04T09:00:00Z'),
      categories: { functional: 'granted', analytics: 'denied', marketing: 'denied' },
      details: { interactionCount: 1, lastWrittenAt: seconds('2023-12-04T09:00:00Z'), version: '202310.1.0' },
    });
    if (record.status === 'read') {
      expect(record.groups).toContainEqual({ name: 'C0001', state: 'granted', category: 'essential' });
      expect(record.groups).toContainEqual({ name: 'C0005', state: 'denied', category: 'marketing' });
    }
  });

  it('counts marketing granted when targeting is accepted and social media refused', () => {
    const record = readOne('OptanonConsent', optanon('C0001:1,C0004:1,C0005:0'));
    expect(record.categories.marketing).toBe('granted');
    expect(record.decidedAt).toBeNull();
    expect(record.notes.join(' ')).toMatch(/OptanonAlertBoxClosed/);
  });

  it('lists groups the site named itself without a category', () => {
    const record = readOne('OptanonConsent', 'groups=C0001%3A1%2CC0002%3A0%2CC0008%3A0%2CSTACK42%3A0');
    expect(record.categories).toEqual({ analytics: 'denied' });
    expect(record.groups).toContainEqual({ name: 'STACK42', state: 'denied', category: null });
    expect(record.notes.join(' ')).toMatch(/C0008, STACK42/);
    expect(record.answered).toBeNull();
  });

  it('does not guess the meaning of the older numeric groups', () => {
    const record = readOne('OptanonConsent', 'groups=1%3A1%2C2%3A0%2C3%3A1%2C4%3A0%2CBG57%3A0');
    expect(record.categories).toEqual({});
    expect(record.groups.map((group) => group.name)).toEqual(['1', '2', '3', '4', 'BG57']);
  });

  it('says the person has not answered when nobody interacted with the banner', () => {
    const record = readOne('OptanonConsent', optanon('C0001:1,C0002:1,C0004:1', 'interactionCount=0'));
    expect(record.answered).toBe(false);
    expect(record.notes.join(' ')).toMatch(/defaults/);
  });

  it('reports a record without groups, with a malformed group or bad escapes as unreadable', () => {
    for (const value of [
      'isGpcEnabled=0&interactionCount=1',
      'groups=C0001%3Ayes',
      'groups=C0001%3A1%2C%2CC0002%3A0',
      'groups=C0001%3A1%2CC0001%3A0',
      'groups=C0001%3A1&datestamp=%E0%A4%A',
    ]) {
      const record = only([{ name: 'OptanonConsent', value }]);
      expect(record.status, value).toBe('unreadable');
    }
  });

  it('reports OptanonAlertBoxClosed without OptanonConsent as a record it cannot read', () => {
    const record = only([{ name: 'OptanonAlertBoxClosed', value: '2024-05-14T22:49:17.156Z' }]);
    expect(record.status).toBe('unreadable');
    if (record.status === 'unreadable') expect(record.reason).toMatch(/OptanonConsent/);
  });

  it('pairs each OptanonConsent with the OptanonAlertBoxClosed of its own host', () => {
    const records = readConsent([
      { name: 'OptanonConsent', value: 'groups=C0002%3A1', domain: '.shop.example.com' },
      { name: 'OptanonAlertBoxClosed', value: '2024-01-02T00:00:00Z', domain: '.shop.example.com' },
      { name: 'OptanonConsent', value: 'groups=C0002%3A0', domain: '.blog.example.com' },
    ]);
    expect(records.map((record) => [record.domain, record.status === 'read' ? record.decidedAt : 'x'])).toEqual([
      ['blog.example.com', null],
      ['shop.example.com', seconds('2024-01-02T00:00:00Z')],
    ]);
  });
});
