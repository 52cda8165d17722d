import { describe, expect, it } from 'vitest';
import { readOne, unreadableOne } from '../../../test/support/consent-values';

const STAMP = '%27BvqlZ34xqOpzSOaxY1VgwOy5CZ1lfC4Xs2JNiDqz9M4rNuyyAY56Jg==%27';

describe('Cookiebot (CookieConsent)', () => {
  it('reads a real explicit refusal with its UTC time', () => {
    const record = readOne(
      'CookieConsent',
      `{stamp:${STAMP}%2Cnecessary:true%2Cpreferences:false%2Cstatistics:false%2Cmarketing:false%2Cmethod:%27explicit%27%2Cver:1%2Cutc:1697932000537}`,
    );
    expect(record).toMatchObject({
      platform: 'Cookiebot',
      answered: true,
      decidedAt: 1697932000,
      categories: { functional: 'denied', analytics: 'denied', marketing: 'denied' },
      details: { method: 'explicit', version: 1 },
    });
  });

  it('reads the region and a partial acceptance', () => {
    const record = readOne(
      'CookieConsent',
      `{stamp:${STAMP}%2Cnecessary:true%2Cpreferences:true%2Cstatistics:true%2Cmarketing:false%2Cmethod:%27explicit%27%2Cver:3%2Cutc:1701600000000%2Cregion:%27de%27}`,
    );
    expect(record.categories).toEqual({ functional: 'granted', analytics: 'granted', marketing: 'denied' });
    expect(record.details.region).toBe('de');
    expect(record.decidedAt).toBe(1701600000);
  });

  it('reads the short form some sites write without stamp or time', () => {
    const record = readOne('CookieConsent', '{necessary:true%2Cpreferences:false%2Cstatistics:true%2Cmarketing:true}');
    expect(record.categories).toEqual({ functional: 'denied', analytics: 'granted', marketing: 'granted' });
    expect(record.decidedAt).toBeNull();
    expect(record.answered).toBeNull();
  });

  it('says when consent was implied rather than given', () => {
    const record = readOne(
      'CookieConsent',
      "{stamp:'abc'%2Cnecessary:true%2Cpreferences:true%2Cstatistics:true%2Cmarketing:true%2Cmethod:'implied'%2Cver:1}",
    );
    expect(record.answered).toBe(false);
    expect(record.notes.join(' ')).toMatch(/implied/);
  });

  it('reads -1 as a region where Cookiebot asks nothing, deciding no category', () => {
    const record = readOne('CookieConsent', '-1');
    expect(record.answered).toBe(false);
    expect(record.categories).toEqual({});
    expect(record.notes.join(' ')).toMatch(/region/);
  });

  it('reports values it cannot parse exactly as unreadable', () => {
    for (const value of [
      '{necessary:true%2Cpreferences:maybe}',
      `{stamp:${STAMP}`,
      '{stamp:%27abc%2Cnecessary:true}',
      'necessary:true',
      '{}',
      '{necessary:true%2Cnecessary:false}',
      '{necessary:true%2C}',
      '%E0%A4%A',
    ]) {
      expect(unreadableOne('CookieConsent', value).status, value).toBe('unreadable');
    }
  });
});
