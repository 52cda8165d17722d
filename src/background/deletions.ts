import { type CookieIdentity, cookieKey } from '../core/cookie-key';
import type { Category } from '../core/types';
import type { BrowserCookie, DeletionReport, FailedDeletion, RemovalOptions, UndoReport } from '../shared/protocol';
import type { CookiesApi } from './browser-api';
import type { CleaningBudget } from './cleaning-budget';
import type { MirrorEntry } from './cookie-mirror';
import { mapLimit, type RemovalWitness, removeAllExact, removeExact, restoreExact } from './deletion';
import { SerialQueue } from './serial-queue';
import type { SiteCleaner } from './site-cleaner';
import { countByCategory, NOT_KEPT_FOR_UNDO, type RemovedCookie, type UndoHistory, zeroCounts } from './undo-history';

/**
 * Deletion batches, automatic cleaning and undo, one job at a time so that the history records
 * batches in the order they happened. Every removed cookie goes into the history with all its
 * attributes; every batch is reported per category with what vanished and what failed.
 */

export interface DeletionTarget {
  identity: CookieIdentity;
  /** The category it had where the user saw it, for the report and the history. */
  category: Category;
  /** The cookie as the worker last saw it (its value), to tell whether its undo record fits. */
  known?: BrowserCookie;
}

export interface DeletionsOptions {
  /** How many cookies are removed or restored at once. */
  concurrency?: number;
  /** Automatic cleaning's allowance per site; null: no limit. */
  budget?: CleaningBudget | null;
  /** Tells what each removal actually took (from the browser's change events). */
  witness?: RemovalWitness;
}

export class Deletions {
  private readonly queue = new SerialQueue();
  /**
   * Keys with an automatic removal queued, with the value the site last set: a burst of sets queues
   * one removal, and the removal only takes that value (not one undo has put back since).
   */
  private readonly cleaning = new Map<string, { value: string; sweep: boolean }>();
  private readonly concurrency: number;
  private readonly budget: CleaningBudget | null;
  private readonly witness: RemovalWitness | undefined;

  constructor(
    private readonly cookies: CookiesApi,
    private readonly history: UndoHistory,
    private readonly cleaner: SiteCleaner,
    /** Seconds since the epoch. */
    private readonly now: () => number,
    options: DeletionsOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 8;
    this.budget = options.budget ?? null;
    this.witness = options.witness;
  }

  deleteBatch(
    targets: readonly DeletionTarget[],
    site: string | null,
    options: RemovalOptions = {},
  ): Promise<DeletionReport> {
    return this.queue.run(async () => {
      // Asked before anything goes: afterwards, the person could only be told that undo is lost.
      const fits = this.history.fits(targets.map((t) => t.known ?? t.identity));
      if (!fits && !options.allowWithoutUndo) {
        return {
          batchId: null,
          removed: zeroCounts(),
          removedTotal: 0,
          vanished: [],
          failed: [],
          needsConfirmation: { reason: 'no-undo', cookies: targets.length },
        };
      }
      const outcomes = await removeAllExact(
        this.cookies,
        targets.map((t) => t.identity),
        this.concurrency,
        this.witness,
      );
      const removed: RemovedCookie[] = [];
      const vanished: CookieIdentity[] = [];
      const failed: FailedDeletion[] = [];
      outcomes.forEach((outcome, i) => {
        if (outcome.kind === 'removed') removed.push({ cookie: outcome.cookie, category: targets[i].category });
        else if (outcome.kind === 'vanished') vanished.push(outcome.identity);
        else failed.push(outcome.failure);
      });
      // Agreed to go without undo: a record would only push every other batch out of the history.
      const recorded = removed.length > 0 && (fits || this.history.fits(removed.map((r) => r.cookie)));
      const batchId = recorded ? this.history.record('manual', site, removed) : null;
      const report: DeletionReport = {
        batchId,
        removed: countByCategory(removed),
        removedTotal: removed.length,
        vanished,
        failed,
      };
      if (batchId) {
        await this.history.flush();
        if (this.history.get(batchId)?.unsaved) report.undoUnsaved = true;
      }
      return report;
    });
  }

  /** A cookie a site kept clean must not have: removed as soon as possible, recorded as automatic. */
  /**
   * `sweep`: the one removal at the end of a paused site's window, which its budget does not stop.
   */
  clean(entry: MirrorEntry, sweep = false): void {
    const queued = this.cleaning.get(entry.key);
    this.cleaning.set(entry.key, { value: entry.cookie.value, sweep: sweep || queued?.sweep === true });
    if (queued) return;
    void this.queue
      .run(async () => {
        // Only sets that come before this job reads the store are covered by it; one that lands while
        // it runs may come after its last read, so it must queue a removal of its own.
        const wanted = this.cleaning.get(entry.key);
        this.cleaning.delete(entry.key);
        // The job may have waited behind a large batch or an undo: decide again on the cookie as it
        // is now. Cleaning turned off, an exception added, or undo's value back: leave it.
        const due = this.cleaner.recheck(entry.key);
        if (!due || !wanted || due.entry.cookie.value !== wanted.value) return;
        if (!wanted.sweep && this.budget && !this.budget.take(due.site, entry.key)) return;
        const outcome = await removeExact(this.cookies, due.entry.cookie, this.witness);
        if (outcome.kind === 'removed') {
          this.history.record('automatic', due.site, [{ cookie: outcome.cookie, category: due.category }]);
        } else if (outcome.kind === 'failed') {
          console.warn(`Cookie Inspector: could not clean ${entry.cookie.name}: ${outcome.failure.error}`);
        }
      })
      .catch((error: unknown) => console.warn('Cookie Inspector: a cleaning job failed', error));
  }

  undo(batchId: string): Promise<UndoReport> {
    return this.queue.run(async () => {
      const batch = this.history.get(batchId);
      if (!batch) throw new Error(`There is no deletion ${batchId} in this session's history.`);
      if (batch.undone) throw new Error('That deletion has already been undone.');
      if (batch.undoable === false) throw new Error(NOT_KEPT_FOR_UNDO);
      const now = this.now();
      const pending = batch.cookies.filter((c) => !c.restored);
      for (const { cookie } of pending) {
        this.cleaner.expectRestore(cookieKey(cookie), cookie.value);
        this.budget?.forgive(cookieKey(cookie));
      }
      const outcomes = await mapLimit(pending, this.concurrency, (c) => restoreExact(this.cookies, c.cookie, now));
      const expired: CookieIdentity[] = [];
      const failed: FailedDeletion[] = [];
      const restoredKeys = new Set<string>();
      for (const outcome of outcomes) {
        if (outcome.kind === 'restored') {
          restoredKeys.add(cookieKey(outcome.cookie));
          continue;
        }
        const identity = outcome.kind === 'expired' ? outcome.identity : outcome.failure.identity;
        if (outcome.kind === 'expired') expired.push(identity);
        else failed.push(outcome.failure);
        this.cleaner.restoreDone(cookieKey(identity));
      }
      // A batch with failures stays undoable, so the user can try again.
      this.history.settleUndo(batchId, restoredKeys, failed.length === 0);
      return { batchId, restored: restoredKeys.size, expired, failed };
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }
}
