export interface RowRange {
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * The rows of a fixed-height list that meet the viewport, plus `overscan` rows on each side so
 * that keyboard moves and small scrolls find their row already rendered.
 */
export function visibleRange(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): RowRange {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.min(count - 1, Math.max(0, first - overscan));
  return { start, end: Math.max(start + 1, Math.min(count, last + overscan)) };
}

/** The scroll position that brings row `index` fully into view, or null if it already is. */
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
