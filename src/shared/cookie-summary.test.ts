import { describe, expect, it } from 'vitest';
import { record, sampleRecords } from '../../test/support/records';
import { groupRecords, matchesQuery } from './cookie-groups';
import { summarize } from './cookie-summary';

describe('summarize', () => {
  it('counts categories, third-party and partitioned cookies', () => {
    const s = summarize(sampleRecords(), false);
    expect(s.total).toBe(7);
    expect(s.byCategory).toEqual({ essential: 2, functional: 1, analytics: 2, marketing: 1, unknown: 1 });
    expect(s.optional).toBe(5);
    expect(s.thirdParty).toBe(1);
    expect(s.partitioned).toBe(1);
  });

  it('counts unknown cookies as removable only when the user opted in', () => {
    expect(summarize(sampleRecords(), false).removable).toBe(4);
    expect(summarize(sampleRecords(), true).removable).toBe(5);
  });

  it('keeps a sign-in cookie that is also a tracker, and groups it by vendor for the person to choose', () => {
    const records = [
      record('c_user', 'marketing', { domain: '.facebook.com' }, { vendor: 'Meta', ifDeleted: 'signs-out' }),
      record('xs', 'marketing', { domain: '.facebook.com' }, { vendor: 'Meta', ifDeleted: 'signs-out' }),
      record('fr', 'marketing', { domain: '.facebook.com' }, { vendor: 'Meta', ifDeleted: 'nothing' }),
      record('sess', 'unknown', {}, { ifDeleted: 'signs-out' }),
    ];
    const s = summarize(records, true);
    expect(s.removable).toBe(1);
    expect(s.keptForConsequence.map((g) => [g.vendor, g.ifDeleted, g.records.map((r) => r.cookie.name)])).toEqual([
      ['Meta', 'signs-out', ['c_user', 'xs']],
      [null, 'signs-out', ['sess']],
    ]);
  });

  it('handles a tab without cookies', () => {
    expect(summarize([], true)).toMatchObject({ total: 0, optional: 0, removable: 0 });
  });
});

describe('groupRecords', () => {
  it('puts optional groups first and essential last, leaving out empty groups', () => {
    const groups = groupRecords(sampleRecords());
    expect(groups.map((g) => g.category)).toEqual(['marketing', 'analytics', 'functional', 'unknown', 'essential']);
    expect(groupRecords([record('a', 'essential')]).map((g) => g.category)).toEqual(['essential']);
  });

  it('sorts rows by name so that a changed cookie keeps its place', () => {
    const records = [record('b', 'analytics'), record('A', 'analytics'), record('a', 'analytics')];
    expect(groupRecords(records)[0].records.map((r) => r.cookie.name)).toEqual(['A', 'a', 'b']);
  });

  it('searches by name, vendor or domain, ignoring case', () => {
    const ga = record('_ga', 'analytics', { domain: '.shop.test' }, { vendor: 'Google Analytics' });
    expect(matchesQuery(ga, 'GOOGLE')).toBe(true);
    expect(matchesQuery(ga, '_g')).toBe(true);
    expect(matchesQuery(ga, 'shop.test')).toBe(true);
    expect(matchesQuery(ga, 'facebook')).toBe(false);
    expect(matchesQuery(ga, '   ')).toBe(true);
    const groups = groupRecords(sampleRecords(), 'google');
    expect(groups.map((g) => [g.category, g.records.length])).toEqual([['analytics', 2]]);
  });
});
