/**
 * Which items of a long list to render: those that meet the viewport plus a margin. One rule for
 * both lists: the popup's, whose heights are measured once an item has been on screen and
 * estimated before that (`windowRange`), and the panel's grid, whose rows all have one height
 * (`visibleRange`).
 */

export interface WindowRange {
  start: number;
  /** Exclusive. */
  end: number;
  /** Height of the items before `start`. */
  before: number;
  /** Height of the items from `end` on. */
  after: number;
}

/** `offsets[i]` is where item i starts; `offsets[n]` is the total height. */
export function prefixOffsets(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i] + heights[i];
  return offsets;
}

/** Where item `i` starts, for `i` from 0 to `count` (the total height). */
type OffsetAt = (i: number) => number;

/** First index whose item ends after `y`. */
function firstEndingAfter(count: number, offsetAt: OffsetAt, y: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsetAt(mid + 1) > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function rangeOver(count: number, offsetAt: OffsetAt, top: number, bottom: number, margin: number): WindowRange {
  if (count <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const total = offsetAt(count);
  const start = Math.min(count - 1, firstEndingAfter(count, offsetAt, Math.max(0, top - margin)));
  let end = start;
  const limit = Math.min(total, bottom + margin);
  while (end < count && offsetAt(end) < limit) end++;
  end = Math.max(end, start + 1);
  return { start, end, before: offsetAt(start), after: total - offsetAt(end) };
}

/** For items of measured or estimated heights, given their `prefixOffsets`. */
export function windowRange(offsets: readonly number[], top: number, bottom: number, margin: number): WindowRange {
  return rangeOver(offsets.length - 1, (i) => offsets[i], top, bottom, margin);
}

export interface RowRange {
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * For rows of one height (the panel's grid): no offsets array, so a scroll costs the same for
 * 50 rows as for 50,000. `overscan` rows on each side let keyboard moves and small scrolls find
 * their row already rendered.
 */
export function visibleRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const { start, end } = rangeOver(
    count,
    (i) => i * rowHeight,
    top,
    top + Math.max(0, viewportHeight),
    overscan * rowHeight,
  );
  return { start, end };
}

/** The scroll position that brings row `index` of a fixed-height list fully into view, or null if it already is. */
export function scrollToReveal(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  headerHeight = 0,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  const visibleHeight = viewportHeight - headerHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + visibleHeight) return bottom - visibleHeight;
  return null;
}

/** Items `start` to `end` (exclusive), rendered together. */
export interface Segment {
  start: number;
  end: number;
}

/**
 * The window plus the item at `keep` (the one holding the keyboard focus) when that lies outside
 * it, with its neighbours so the arrow keys find the next row. Unmounting the focused item would
 * drop the focus to the page.
 */
export function segmentsKeeping(range: WindowRange, count: number, keep: number): Segment[] {
  const main = { start: range.start, end: range.end };
  if (keep < 0 || keep >= count) return [main];
  const island = { start: Math.max(0, keep - 1), end: Math.min(count, keep + 2) };
  if (island.end >= main.start && island.start <= main.end) {
    return [{ start: Math.min(main.start, island.start), end: Math.max(main.end, island.end) }];
  }
  return island.start < main.start ? [island, main] : [main, island];
}
