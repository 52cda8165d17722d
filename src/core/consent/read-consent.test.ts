import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readConsent, refusedCategories } from './index';
import { CONSENT_PLATFORMS, type ConsentCookie, type ConsentRecord } from './types';

const OWNED_NAMES = [
  'euconsent-v2',
  'OptanonConsent',
  'OptanonAlertBoxClosed',
  'CookieConsent',
  'didomi_token',
  'uc_settings',
  'uc_user_interaction',
  'cookieyes-consent',
  'cookielawinfo-checkbox-analytics',
  'cookielawinfo-checkbox-non-necessary',
  'CookieLawInfoConsent',
  'viewed_cookie_policy',
  'cmplz_statistics',
  'cmplz_banner-status',
  'borlabs-cookie',
  'klaro',
  'osano_consentmanager',
  '_tracking_consent',
];

/** Real values of every platform, cut and altered by the fuzzer to reach deep into each parser. */
const SEEDS = [
  'CPt3fQAPt3fQACNAFAENDLCgAAAAAAAAACiQAAAOCgDAB-AIsAZ8A6QDBAHBAAAA.YAAAAAAAAAAA',
  'isGpcEnabled=0&datestamp=Mon+Dec+04+2023+10%3A00%3A00+GMT%2B0100+(CET)&interactionCount=1&groups=C0001%3A1%2CC0002%3A0',
  '2023-12-04T09:00:00.123Z',
  '{stamp:%27abc%27%2Cnecessary:true%2Cpreferences:false%2Cstatistics:false%2Cmarketing:false%2Cmethod:%27explicit%27%2Cver:1%2Cutc:1697932000537}',
  'eyJ1c2VyX2lkIjoiMSIsInVwZGF0ZWQiOiIyMDIxLTAzLTE3VDE2OjQ2OjMyLjM0NFoiLCJwdXJwb3NlcyI6eyJlbmFibGVkIjpbImNvb2tpZXMiXX19',
  '{"controllerId":"1b","id":"Tr","services":[{"id":"Hk","history":[{"status":true,"timestamp":1700000000000,"type":"explicit"}]}]}',
  'consentid:abc,consent:yes,action:yes,necessary:yes,functional:no,analytics:no,performance:no,advertisement:no',
  'yes',
  'allow',
  '%7B%22consents%22%3A%7B%22essential%22%3A%5B%22borlabs-cookie%22%5D%7D%2C%22version%22%3A1%7D',
  '%7B%22matomo%22%3Atrue%7D',
  'eyJBTkFMWVRJQ1MiOiJERU5ZIn0=',
  '%7B%22con%22%3A%7B%22CMP%22%3A%7B%22a%22%3A%221%22%2C%22m%22%3A%22%22%2C%22p%22%3A%22%22%2C%22s%22%3A%22%22%7D%7D%2C%22v%22%3A%222.1%22%7D',
];

const mutatedSeed = fc
  .tuple(fc.constantFrom(...SEEDS), fc.nat(), fc.nat(), fc.string({ maxLength: 4, unit: 'binary' }))
  .map(([seed, cut, at, insert]) => {
    const end = cut % (seed.length + 1);
    const position = at % (end + 1);
    return seed.slice(0, position) + insert + seed.slice(position, end);
  });

const cookieArb: fc.Arbitrary<ConsentCookie> = fc.record({
  name: fc.oneof(fc.constantFrom(...OWNED_NAMES), fc.string()),
  value: fc.oneof(mutatedSeed, fc.string({ unit: 'binary' }), fc.base64String()),
  domain: fc.oneof(fc.constantFrom('.example.com', 'www.example.com', 'shop.example.co.uk', '', '.'), fc.string()),
});

describe('readConsent', () => {
  it('reads the records of several platforms and sites and leaves other cookies alone', () => {
    const records = readConsent([
      { name: '_ga', value: 'GA1.1.1.1', domain: '.example.com' },
      { name: 'cmplz_marketing', value: 'deny', domain: 'www.example.com' },
      { name: 'klaro', value: '%7B%22matomo%22%3Atrue%7D', domain: '.Example.ORG' },
      { name: 'euconsent-v2', value: 'not a TC string', domain: '.example.com' },
    ]);
    expect(records.map((record) => [record.site, record.domain, record.platform, record.status])).toEqual([
      ['example.com', 'example.com', 'IAB TCF v2', 'unreadable'],
      ['example.com', 'www.example.com', 'Complianz', 'read'],
      ['example.org', 'example.org', 'Klaro', 'read'],
    ]);
  });

  it('gives a reason in words for every unreadable record', () => {
    const records = readConsent([{ name: 'didomi_token', value: '!!!', domain: 'example.com' }]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/\w+ \w+/) });
  });

  it('skips entries that are not cookies instead of throwing', () => {
    const hostile = [
      null,
      1,
      { name: 'klaro' },
      { name: 'klaro', value: 5, domain: 'x' },
    ] as unknown as ConsentCookie[];
    expect(readConsent(hostile)).toEqual([]);
  });

  it('never throws on random cookies, and every record is read or says why not', () => {
    fc.assert(
      fc.property(fc.array(cookieArb, { maxLength: 6 }), (cookies) => {
        const records = readConsent(cookies);
        for (const record of records) {
          expect(CONSENT_PLATFORMS).toContain(record.platform);
          if (record.status === 'unreadable') expect(record.reason.length).toBeGreaterThan(10);
          else expect(record.status).toBe('read');
        }
        // Plain data: it crosses the message boundary unchanged.
        expect(JSON.parse(JSON.stringify(records))).toEqual(records);
        expect(readConsent(cookies)).toEqual(records);
      }),
      { numRuns: 2000 },
    );
  });
});

function readRecord(site: string, categories: object, answered: boolean | null = true): ConsentRecord {
  return {
    status: 'read',
    platform: 'OneTrust',
    cookieNames: ['OptanonConsent'],
    domain: site,
    site,
    answered,
    decidedAt: null,
    categories,
    groups: [],
    details: {},
    notes: [],
  };
}

describe('refusedCategories', () => {
  it('lists what a record of the site refused and no record of it granted', () => {
    const records = [
      readRecord('example.com', { analytics: 'denied', marketing: 'denied', functional: 'granted' }),
      readRecord('example.com', { marketing: 'granted' }),
      readRecord('other.org', { functional: 'denied' }),
    ];
    expect(refusedCategories(records, 'example.com')).toEqual(['analytics']);
    expect(refusedCategories(records, 'other.org')).toEqual(['functional']);
    expect(refusedCategories(records, 'nowhere.net')).toEqual([]);
  });

  it('ignores defaults nobody chose and records it could not read', () => {
    const records: ConsentRecord[] = [
      readRecord('example.com', { analytics: 'denied' }, false),
      readRecord('example.com', { marketing: 'granted' }, false),
      readRecord('example.com', { marketing: 'denied' }, null),
      {
        status: 'unreadable',
        platform: 'Osano',
        cookieNames: ['osano_consentmanager'],
        domain: 'example.com',
        site: 'example.com',
        reason: 'opaque token',
      },
    ];
    expect(refusedCategories(records, 'example.com')).toEqual(['marketing']);
  });

  it('reads the site of a tab from real cookies end to end', () => {
    const records = readConsent([
      {
        name: 'CookieConsent',
        value: '{necessary:true%2Cpreferences:true%2Cstatistics:false%2Cmarketing:false%2Cmethod:%27explicit%27}',
        domain: 'www.example.com',
      },
      {
        name: 'euconsent-v2',
        value: 'CPt3fQAPt3fQACNAFAENDLCgAAAAAAAAACiQAAAOCgDAB-AIsAZ8A6QDBAHBAAAA.YAAAAAAAAAAA',
        domain: '.example.com',
      },
    ]);
    expect(refusedCategories(records, 'example.com')).toEqual(['analytics', 'marketing']);
  });
});
