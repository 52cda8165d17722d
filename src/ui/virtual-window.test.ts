import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixOffsets, scrollToReveal, segmentsKeeping, visibleRange, windowRange } from './virtual-window';

describe('windowRange', () => {
  it('renders the items that meet the viewport plus the margin', () => {
    const offsets = prefixOffsets(new Array(100).fill(10));
    expect(windowRange(offsets, 200, 300, 0)).toEqual({ start: 20, end: 30, before: 200, after: 700 });
    expect(windowRange(offsets, 200, 300, 50)).toEqual({ start: 15, end: 35, before: 150, after: 650 });
  });

  it('renders one item for a list far below or above the viewport', () => {
    const offsets = prefixOffsets(new Array(100).fill(10));
    expect(windowRange(offsets, -5000, -4000, 100)).toMatchObject({ start: 0, end: 1 });
    expect(windowRange(offsets, 5000, 6000, 100)).toMatchObject({ start: 99, end: 100 });
    expect(windowRange(prefixOffsets([]), 0, 100, 0)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('always covers the viewport exactly with rendered items and spacers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: -2000, max: 40_000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 800 }),
        (heights, top, size, margin) => {
          const offsets = prefixOffsets(heights);
          const total = offsets[heights.length];
          const r = windowRange(offsets, top, top + size, margin);
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeGreaterThan(r.start);
          expect(r.end).toBeLessThanOrEqual(heights.length);
          const rendered = heights.slice(r.start, r.end).reduce((a, b) => a + b, 0);
          expect(r.before + rendered + r.after).toBe(total);
          // Every item that is (partly) inside the viewport is rendered.
          for (let i = 0; i < heights.length; i++) {
            const visible = offsets[i] < top + size && offsets[i + 1] > top;
            if (visible) expect(i >= r.start && i < r.end, `item ${i}`).toBe(true);
          }
        },
      ),
    );
  });
});

describe('segmentsKeeping', () => {
  const range = { start: 40, end: 60, before: 400, after: 400 };

  it('keeps the focused item and its neighbours rendered when it is out of the window', () => {
    expect(segmentsKeeping(range, 100, 5)).toEqual([
      { start: 4, end: 7 },
      { start: 40, end: 60 },
    ]);
    expect(segmentsKeeping(range, 100, 99)).toEqual([
      { start: 40, end: 60 },
      { start: 98, end: 100 },
    ]);
  });

  it('adds nothing when there is no focused item or it is in or next to the window', () => {
    expect(segmentsKeeping(range, 100, -1)).toEqual([{ start: 40, end: 60 }]);
    expect(segmentsKeeping(range, 100, 50)).toEqual([{ start: 40, end: 60 }]);
    expect(segmentsKeeping(range, 100, 61)).toEqual([{ start: 40, end: 63 }]);
    expect(segmentsKeeping(range, 100, 38)).toEqual([{ start: 37, end: 60 }]);
  });
});

describe('visibleRange (rows of one height)', () => {
  it('covers the viewport plus the overscan, within the list', () => {
    expect(visibleRange(5000, 20, 0, 200, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(5000, 20, 1000, 200, 5)).toEqual({ start: 45, end: 65 });
    expect(visibleRange(5000, 20, 99_990, 200, 5)).toEqual({ start: 4994, end: 5000 });
    expect(visibleRange(3, 20, 0, 800, 5)).toEqual({ start: 0, end: 3 });
    expect(visibleRange(0, 20, 0, 800, 5)).toEqual({ start: 0, end: 0 });
  });

  it('always renders at least one row of a non-empty list', () => {
    expect(visibleRange(10, 20, 5000, 0, 0)).toEqual({ start: 9, end: 10 });
  });

  it('picks the rows that windowRange picks over the same heights measured', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -500, max: 30_000 }),
        fc.integer({ min: -50, max: 1500 }),
        fc.integer({ min: 0, max: 20 }),
        (count, rowHeight, scrollTop, viewportHeight, overscan) => {
          const offsets = prefixOffsets(new Array(count).fill(rowHeight));
          const top = Math.max(0, scrollTop);
          const { start, end } = windowRange(offsets, top, top + Math.max(0, viewportHeight), overscan * rowHeight);
          expect(visibleRange(count, rowHeight, scrollTop, viewportHeight, overscan)).toEqual({ start, end });
        },
      ),
    );
  });
});

describe('scrollToReveal', () => {
  it('scrolls only as far as needed, below a sticky header', () => {
    expect(scrollToReveal(10, 20, 0, 200, 20)).toBe(40);
    expect(scrollToReveal(2, 20, 100, 200, 20)).toBe(40);
    expect(scrollToReveal(6, 20, 100, 200, 20)).toBeNull();
  });
});
