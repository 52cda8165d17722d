import { describe, expect, it } from 'vitest';
import { only } from '../../../test/support/consent-values';
import { readConsent } from './read-consent';

describe('Complianz (cmplz_*)', () => {
  it('reads the category cookies as one record', () => {
    const record = only([
      { name: 'cmplz_functional', value: 'allow' },
      { name: 'cmplz_preferences', value: 'deny' },
      { name: 'cmplz_statistics', value: 'allow' },
      { name: 'cmplz_marketing', value: 'deny' },
      { name: 'cmplz_banner-status', value: 'dismissed' },
    ]);
    expect(record).toMatchObject({
      platform: 'Complianz',
      status: 'read',
      answered: true,
      categories: { functional: 'denied', analytics: 'granted', marketing: 'denied' },
    });
  });

  it('keeps the records of two hosts apart', () => {
    const records = readConsent([
      { name: 'cmplz_marketing', value: 'allow', domain: 'a.example.org' },
      { name: 'cmplz_marketing', value: 'deny', domain: 'b.example.org' },
    ]);
    expect(records.map((record) => (record.status === 'read' ? record.categories.marketing : null))).toEqual([
      'granted',
      'denied',
    ]);
  });

  it('reports a value other than allow or deny as unreadable', () => {
    expect(only([{ name: 'cmplz_statistics', value: 'yes' }]).status).toBe('unreadable');
  });
});
