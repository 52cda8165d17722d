import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CookieRecord, TabView } from '../shared/protocol';
import { type Change, ChangeTracker, type LiveRow } from './change-tracker';

/** How long a new, changed or removed row stays marked. */
export const HOLD_MS = 1600;

export interface LiveChanges {
  /** What the latest list of cookies changed, for the announcement; marks fading out are not changes. */
  counts: Record<Change, number>;
  /** Counts up with every list that changed something, so that equal counts are announced again. */
  seq: number;
}

export interface LiveRows {
  rows: LiveRow[];
  changes: LiveChanges;
}

/**
 * The tab's cookies as rows that show what just changed. The tracker is fed whenever the store
 * hands over a new list, and a timer clears each mark when its moment is over.
 *
 * The tracker is fed in a layout effect, not during render: the render that brings a new list
 * shows the rows of the previous one, and the rows follow in a re-render before the browser paints.
 */
export function useLiveRows(
  records: CookieRecord[],
  view: TabView | null,
  complete = true,
  holdMs = HOLD_MS,
): LiveRows {
  const tracker = useMemo(() => new ChangeTracker(holdMs, () => performance.now()), [holdMs]);
  const fedView = useRef<TabView | null>(null);
  /** The tracker holds only a first screen: the rest, when it comes, is no news. */
  const leadShown = useRef(false);
  const [live, setLive] = useState<LiveRows>(() => ({
    rows: [],
    changes: { counts: { new: 0, changed: 0, removed: 0 }, seq: 0 },
  }));

  // Only a new list feeds the tracker; `view` is read to tell a new page from an update, but a view
  // that changes alone (settings) changes no cookie. A first screen that comes again (the worker
  // restarted) would mark every other cookie removed: the rows stay as they are until the rest is in.
  useLayoutEffect(() => {
    const before = fedView.current;
    const newPage = before === null || (view !== before && view?.url !== before.url);
    fedView.current = view;
    if (!complete && !newPage) return;
    const fresh = newPage || leadShown.current;
    leadShown.current = !complete;
    const counts = tracker.update(records, fresh);
    const changed = counts.new + counts.changed + counts.removed > 0;
    setLive((old) => ({
      rows: tracker.rows(),
      changes: changed ? { counts, seq: old.changes.seq + 1 } : old.changes,
    }));
  }, [tracker, records]);

  useEffect(() => {
    const next = tracker.nextExpiry();
    if (next === null) return;
    const timer = setTimeout(
      () => {
        if (tracker.prune()) setLive((old) => ({ ...old, rows: tracker.rows() }));
      },
      Math.max(0, next - performance.now()) + 16,
    );
    return () => clearTimeout(timer);
  }, [tracker, live.rows]);

  return live;
}
