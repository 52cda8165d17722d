/**
 * Which items of a long list to render: those that meet the viewport plus a margin. Heights are
 * measured once an item has been on screen and estimated before that.
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

/** First index whose item ends after `y`. */
function firstEndingAfter(offsets: readonly number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function windowRange(offsets: readonly number[], top: number, bottom: number, margin: number): WindowRange {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const total = offsets[n];
  const start = Math.min(n - 1, firstEndingAfter(offsets, Math.max(0, top - margin)));
  let end = start;
  const limit = Math.min(total, bottom + margin);
  while (end < n && offsets[end] < limit) end++;
  end = Math.max(end, start + 1);
  return { start, end, before: offsets[start], after: total - offsets[end] };
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
