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
