import { describe, expect, it } from 'vitest';
import { cookie, record } from '../../test/support/records';
import { COLUMNS, expiresText, partitionText, priorityOf, sameSiteText, visibleColumns } from './columns';
import { durationText } from './declaration-strings';

describe('columns', () => {
  it('has the DevTools columns and ours, what matters first: category, vendor and what deleting does', () => {
    expect(COLUMNS.map((c) => c.id)).toEqual([
      'name',
      'category',
      'vendor',
      'ifDeleted',
      'domain',
      'value',
      'purpose',
      'party',
      'path',
      'expires',
      'size',
      'httpOnly',
      'secure',
      'sameSite',
      'partitionKey',
      'priority',
      'source',
    ]);
    // Beside the detail pane at 1280 px, the panel's table is about 800 px wide.
    const leading = COLUMNS.slice(0, 4).reduce((sum, c) => sum + c.width, 0);
    expect(leading).toBeLessThanOrEqual(800);
  });

  it('names a cookie without a name the way the popup does, rather than leaving the cell blank', () => {
    const name = COLUMNS.find((c) => c.id === 'name')!;
    expect(name.text(record(''))).toBe('(no name)');
    expect(name.text(record('sid'))).toBe('sid');
    expect(name.sortValue(record(''))).toBe('');
  });

  it('shows the priority column only when a cookie has one', () => {
    expect(visibleColumns([record('a')]).some((c) => c.id === 'priority')).toBe(false);
    const withPriority = record('b', 'analytics', { priority: 'High' } as Record<string, unknown>);
    expect(priorityOf(withPriority.cookie)).toBe('High');
    expect(visibleColumns([record('a'), withPriority]).some((c) => c.id === 'priority')).toBe(true);
  });

  it('writes attributes the way DevTools does', () => {
    expect(expiresText(cookie({ name: 'a', session: true, expirationDate: undefined }))).toBe('Session');
    expect(expiresText(cookie({ name: 'a', expirationDate: 1_800_000_000.5 }))).toBe('2027-01-15T08:00:00.500Z');
    expect(sameSiteText(cookie({ name: 'a', sameSite: 'no_restriction' }))).toBe('None');
    expect(sameSiteText(cookie({ name: 'a', sameSite: 'unspecified' }))).toBe('');
    expect(partitionText(cookie({ name: 'a' }))).toBe('');
    expect(
      partitionText(
        cookie({ name: 'a', partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: true } }),
      ),
    ).toBe('https://a.test (cross-site)');
  });

  it('keeps cell text short and values whole elsewhere', () => {
    const long = record('a', 'analytics', { value: 'x'.repeat(5000) });
    const value = COLUMNS.find((c) => c.id === 'value');
    expect(value?.text(long).length).toBe(300);
    expect(value?.sortValue(long)).toBe('x'.repeat(5000));
  });

  it('describes declared durations in words', () => {
    expect(durationText({ kind: 'session' })).toBe('Session');
    expect(durationText({ kind: 'duration', seconds: 63_115_200 })).toBe('2 years');
    expect(durationText({ kind: 'duration', seconds: 1800 })).toBe('30 minutes');
    expect(durationText({ kind: 'variable', note: 'set by the admin' })).toBe('Varies: set by the admin');
    expect(durationText({ kind: 'unknown' })).toBe('Unknown');
  });
});
