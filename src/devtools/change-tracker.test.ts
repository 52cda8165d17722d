import { describe, expect, it } from 'vitest';
import { record } from '../../test/support/records';
import { ChangeTracker, sameState } from './change-tracker';

function tracker() {
  let now = 1000;
  const t = new ChangeTracker(500, () => now);
  return { t, advance: (ms: number) => (now += ms) };
}

function marks(t: ChangeTracker): Record<string, string | null> {
  return Object.fromEntries(t.rows().map((r) => [r.record.cookie.name, r.change]));
}

describe('ChangeTracker', () => {
  it('marks nothing on the first list or on a fresh page', () => {
    const { t } = tracker();
    t.update([record('a'), record('b')]);
    expect(marks(t)).toEqual({ a: null, b: null });
    t.update([record('c')], true);
    expect(marks(t)).toEqual({ c: null });
    expect(t.nextExpiry()).toBeNull();
  });

  it('marks new, changed and removed cookies, then clears the marks', () => {
    const { t, advance } = tracker();
    const a = record('a');
    t.update([a, record('b')]);
    expect(t.update([record('a', 'analytics', { value: 'changed' }), record('c')])).toEqual({
      new: 1,
      changed: 1,
      removed: 1,
    });
    expect(marks(t)).toEqual({ a: 'changed', c: 'new', b: 'removed' });
    // An update reports only its own changes, not the marks still showing from earlier ones.
    expect(t.update([record('a', 'analytics', { value: 'changed' }), record('c'), record('d')])).toEqual({
      new: 1,
      changed: 0,
      removed: 0,
    });
    expect(marks(t)).toEqual({ a: 'changed', c: 'new', d: 'new', b: 'removed' });
    expect(t.nextExpiry()).toBe(1500);
    advance(499);
    expect(t.prune()).toBe(false);
    advance(1);
    expect(t.prune()).toBe(true);
    expect(marks(t)).toEqual({ a: null, c: null, d: null });
  });

  it('does not mark a record that was replaced by an identical one', () => {
    const { t } = tracker();
    t.update([record('a')]);
    t.update([record('a')]);
    expect(marks(t)).toEqual({ a: null });
  });

  it('keeps a cookie that is new and then changes marked as new, and brings a removed one back as new', () => {
    const { t } = tracker();
    t.update([]);
    t.update([record('a')]);
    t.update([record('a', 'analytics', { value: 'x' })]);
    expect(marks(t)).toEqual({ a: 'new' });
    t.update([]);
    expect(marks(t)).toEqual({ a: 'removed' });
    t.update([record('a')]);
    expect(marks(t)).toEqual({ a: 'new' });
    expect(t.rows()).toHaveLength(1);
  });

  it('compares records by what they show', () => {
    expect(sameState(record('a'), record('a'))).toBe(true);
    expect(sameState(record('a'), record('a', 'marketing'))).toBe(false);
    expect(sameState(record('a'), record('a', 'analytics', { httpOnly: true }))).toBe(false);
  });
});
