import type { CookieRecord } from '../shared/protocol';

export type Change = 'new' | 'changed' | 'removed';

export interface LiveRow {
  record: CookieRecord;
  /** Set for a moment after the cookie appeared, changed or went away; null otherwise. */
  change: Change | null;
}

interface Mark {
  change: Change;
  until: number;
}

/** Two records describe the same cookie state: what a row would show is identical. */
export function sameState(a: CookieRecord, b: CookieRecord): boolean {
  if (a === b) return true;
  return JSON.stringify([a.cookie, a.label]) === JSON.stringify([b.cookie, b.label]);
}

/**
 * Turns successive lists of a tab's cookies into rows that show what just happened: a cookie that
 * appeared or changed is marked for `holdMs`, and a removed one stays visible, marked, for as long
 * before it goes. The clock is passed in, so tests control time.
 */
export class ChangeTracker {
  private current = new Map<string, CookieRecord>();
  private readonly ghosts = new Map<string, CookieRecord>();
  private readonly marks = new Map<string, Mark>();
  private started = false;

  constructor(
    private readonly holdMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * `fresh`: a new page's cookies (first load, navigation). Marking all of them would only flash
   * the whole table, so they come in unmarked and earlier marks are dropped.
   *
   * Returns what this update changed (not what is still marked from earlier ones), for the
   * announcement of live changes.
   */
  update(records: readonly CookieRecord[], fresh = false): Record<Change, number> {
    const changed: Record<Change, number> = { new: 0, changed: 0, removed: 0 };
    const next = new Map(records.map((r) => [r.key, r] as const));
    if (!this.started || fresh) {
      this.started = true;
      this.current = next;
      this.ghosts.clear();
      this.marks.clear();
      return changed;
    }
    const until = this.now() + this.holdMs;
    for (const [key, record] of next) {
      const before = this.current.get(key);
      if (!before) {
        this.ghosts.delete(key);
        this.marks.set(key, { change: 'new', until });
        changed.new++;
      } else if (!sameState(before, record)) {
        // A cookie that is still "new" and changes again stays "new": that is what the user needs to know.
        if (this.marks.get(key)?.change !== 'new') this.marks.set(key, { change: 'changed', until });
        else this.marks.set(key, { change: 'new', until });
        changed.changed++;
      }
    }
    for (const [key, record] of this.current) {
      if (!next.has(key)) {
        this.ghosts.set(key, record);
        this.marks.set(key, { change: 'removed', until });
        changed.removed++;
      }
    }
    this.current = next;
    return changed;
  }

  /** Drops marks and removed rows whose moment has passed; true when anything changed. */
  prune(): boolean {
    const now = this.now();
    let changed = false;
    for (const [key, mark] of this.marks) {
      if (mark.until > now) continue;
      this.marks.delete(key);
      this.ghosts.delete(key);
      changed = true;
    }
    return changed;
  }

  /** When the next mark runs out (for a timer), or null when nothing is marked. */
  nextExpiry(): number | null {
    let next: number | null = null;
    for (const { until } of this.marks.values()) if (next === null || until < next) next = until;
    return next;
  }

  has(key: string): boolean {
    return this.current.has(key);
  }

  rows(): LiveRow[] {
    const out: LiveRow[] = [];
    for (const [key, record] of this.current) out.push({ record, change: this.marks.get(key)?.change ?? null });
    for (const [key, record] of this.ghosts) out.push({ record, change: this.marks.get(key)?.change ?? 'removed' });
    return out;
  }
}
