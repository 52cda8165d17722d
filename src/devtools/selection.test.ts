import { describe, expect, it } from 'vitest';
import { activeIndex, EMPTY_SELECTION, moveTo, pick, retain, selectAll } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];

describe('selection', () => {
  it('replaces, toggles and extends like a file list', () => {
    let s = pick(EMPTY_SELECTION, order, 'b', 'replace');
    expect([...s.selected]).toEqual(['b']);
    s = pick(s, order, 'd', 'range');
    expect([...s.selected].sort()).toEqual(['b', 'c', 'd']);
    expect(s.active).toBe('d');
    s = pick(s, order, 'c', 'toggle');
    expect([...s.selected].sort()).toEqual(['b', 'd']);
    s = pick(s, order, 'a', 'range');
    expect([...s.selected].sort()).toEqual(['a', 'b', 'c']);
  });

  it('starts a Shift range at the clicked row when the anchor is filtered out', () => {
    const s = pick(EMPTY_SELECTION, order, 'a', 'replace');
    const filtered = ['c', 'd', 'e'];
    const first = pick(s, filtered, 'd', 'range');
    expect([...first.selected]).toEqual(['d']);
    expect(first.anchor).toBe('d');
    // The next Shift-click extends from there, not from the hidden row.
    expect([...pick(first, filtered, 'e', 'range').selected].sort()).toEqual(['d', 'e']);
  });

  it('moves with the keyboard, clamped to the list, extending with Shift', () => {
    let s = moveTo(EMPTY_SELECTION, order, 0, false);
    expect(s.active).toBe('a');
    s = moveTo(s, order, activeIndex(s, order) + 2, true);
    expect([...s.selected].sort()).toEqual(['a', 'b', 'c']);
    s = moveTo(s, order, 99, false);
    expect(s.active).toBe('e');
    expect([...s.selected]).toEqual(['e']);
    s = moveTo(s, order, -5, false);
    expect(s.active).toBe('a');
    expect(moveTo(s, [], 0, false)).toBe(s);
  });

  it('selects all and forgets only what no longer exists', () => {
    const all = selectAll(pick(EMPTY_SELECTION, order, 'c', 'replace'), order);
    expect(all.selected.size).toBe(5);
    expect(all.active).toBe('c');
    const kept = retain(all, (k) => k !== 'c' && k !== 'e');
    expect([...kept.selected].sort()).toEqual(['a', 'b', 'd']);
    expect(kept.active).toBeNull();
    expect(retain(kept, () => true)).toBe(kept);
  });
});
