import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import type { CookieRecord, TabView } from '../shared/protocol';
import { ChangeTracker, type LiveRow } from './change-tracker';

/** How long a new, changed or removed row stays marked. */
export const HOLD_MS = 1600;

/**
 * The tab's cookies as rows that show what just changed. The tracker is fed whenever the store
 * hands over a new list, and a timer clears each mark when its moment is over.
 */
export function useLiveRows(
  records: CookieRecord[],
  view: TabView | null,
  holdMs = HOLD_MS,
): { rows: LiveRow[]; tracker: ChangeTracker } {
  const tracker = useMemo(() => new ChangeTracker(holdMs, () => performance.now()), [holdMs]);
  const seen = useRef<{ records: CookieRecord[] | null; view: TabView | null }>({ records: null, view: null });
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  const fed = useRef(0);

  // Fed during render, so the rows and their marks arrive in the same paint as the data.
  if (seen.current.records !== records) {
    const before = seen.current.view;
    const fresh = before === null || (view !== before && view?.url !== before.url);
    tracker.update(records, fresh);
    seen.current = { records, view };
    fed.current++;
  }

  const stamp = `${fed.current}:${version}`;
  useEffect(() => {
    const next = tracker.nextExpiry();
    if (next === null) return;
    const timer = setTimeout(
      () => {
        if (tracker.prune()) bump(1);
      },
      Math.max(0, next - performance.now()) + 16,
    );
    return () => clearTimeout(timer);
  }, [tracker, stamp]);

  const rows = useMemo(() => tracker.rows(), [tracker, stamp]);
  return { rows, tracker };
}
