import type { HistoryBatch } from '../shared/protocol';

/** The newest removal on this site that can still be undone. */
export function lastUndoable(history: readonly HistoryBatch[], site: string | null): HistoryBatch | null {
  return (
    history.find((b) => !b.undone && b.undoable !== false && b.count > 0 && (site === null || b.site === site)) ?? null
  );
}
