import { describe, expect, it } from 'vitest';
import { only } from '../../../test/support/consent-values';

const REFUSED_JSON =
  'eyJuZWNlc3NhcnkiOnRydWUsImZ1bmN0aW9uYWwiOmZhbHNlLCJwZXJmb3JtYW5jZSI6ZmFsc2UsImFuYWx5dGljcyI6ZmFsc2UsImFkdmVydGlzZW1lbnQiOmZhbHNlLCJvdGhlcnMiOmZhbHNlfQ==';
/** A real value whose third character was altered, so that it is no longer base64 of JSON. */
const DAMAGED =
  'ey2JuZWNlc3NhcnkiOnRydWUsImZ1bmN0aW9uYWwiOnRydWUsInBlcmZvcm1hbmNlIjp0cnVlLCJhbmFseXRpY3MiOnRydWUsImFkdmVydGlzZW1lbnQiOnRydWUsIm90aGVycyI6dHJ1ZX0=';

describe('CookieLawInfo (cookielawinfo-checkbox-*, CookieLawInfoConsent, viewed_cookie_policy)', () => {
  it('reads the checkboxes as one record', () => {
    const record = only([
      { name: 'cookielawinfo-checkbox-necessary', value: 'yes' },
      { name: 'cookielawinfo-checkbox-functional', value: 'no' },
      { name: 'cookielawinfo-checkbox-performance', value: 'no' },
      { name: 'cookielawinfo-checkbox-analytics', value: 'no' },
      { name: 'cookielawinfo-checkbox-advertisement', value: 'no' },
      { name: 'cookielawinfo-checkbox-others', value: 'no' },
      { name: 'CookieLawInfoConsent', value: REFUSED_JSON },
      { name: 'viewed_cookie_policy', value: 'yes' },
    ]);
    expect(record).toMatchObject({
      platform: 'CookieLawInfo',
      status: 'read',
      answered: true,
      categories: { functional: 'denied', analytics: 'denied', marketing: 'denied' },
    });
    expect(record.cookieNames).toHaveLength(8);
  });

  it('reads the single non-necessary switch of older versions as all three categories', () => {
    const record = only([
      { name: 'cookielawinfo-checkbox-necessary', value: 'yes' },
      { name: 'cookielawinfo-checkbox-non-necessary', value: 'no' },
    ]);
    expect(record).toMatchObject({
      status: 'read',
      categories: { functional: 'denied', analytics: 'denied', marketing: 'denied' },
    });
  });

  it('reads CookieLawInfoConsent alone, with booleans written as strings', () => {
    const value = btoa(
      JSON.stringify({ ver: '1', necessary: 'true', functional: 'true', analytics: 'false', advertisement: 'true' }),
    );
    const record = only([{ name: 'CookieLawInfoConsent', value }]);
    expect(record).toMatchObject({
      status: 'read',
      categories: { functional: 'granted', analytics: 'denied', marketing: 'granted' },
    });
  });

  it('reports a damaged CookieLawInfoConsent alone as unreadable, and beside checkboxes as a note', () => {
    expect(only([{ name: 'CookieLawInfoConsent', value: DAMAGED }]).status).toBe('unreadable');
    const record = only([
      { name: 'cookielawinfo-checkbox-analytics', value: 'yes' },
      { name: 'CookieLawInfoConsent', value: DAMAGED },
    ]);
    expect(record).toMatchObject({ status: 'read', categories: { analytics: 'granted' } });
    if (record.status === 'read') expect(record.notes.join(' ')).toMatch(/CookieLawInfoConsent/);
  });

  it('reports a checkbox that is neither yes nor no as unreadable', () => {
    expect(only([{ name: 'cookielawinfo-checkbox-analytics', value: 'maybe' }]).status).toBe('unreadable');
  });
});
