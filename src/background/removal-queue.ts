import { type CookieIdentity, cookieKey } from '../core/cookie-key';
import type { Category } from '../core/types';
import type { BrowserCookie, DeletionReport, FailedDeletion, RemovalOptions, UndoReport } from '../shared/protocol';
import type { CookiesApi } from './browser-api';
import { mapLimit, type RemovalWitness, removeAllExact, removeExact, restoreExact } from './cookie-operations';
import { SerialQueue } from './serial-queue';
import { countByCategory, NOT_KEPT_FOR_UNDO, type RemovedCookie, type UndoHistory, zeroCounts } from './undo-history';

/**
 * The removal queue: deletion batches, automatic cleaning's removals and undo, one job at a time so
 * that the history records batches in the order they happened. Every removed cookie goes into the
 * history with all its attributes; every batch is reported per category with what vanished and
 * what failed. Single-cookie removal and restoration are cookie-operations.ts. When cleaning acts,
 * and whether a queued cleaning job is still due when its turn comes, is automatic-cleaning.ts:
 * the queue calls no cleaner and no budget, only the `decide` and `RestoreWatcher` it is given.
 */

export interface DeletionTarget {
  identity: CookieIdentity;
  /** The category it had where the user saw it, for the report and the history. */
  category: Category;
  /** The cookie as the worker last saw it (its value), to tell whether its undo record fits. */
  known?: BrowserCookie;
}

export interface RemovalQueueOptions {
  /** How many cookies are removed or restored at once. */
  concurrency?: number;
  /** Told before undo puts cookies back, so that its own "set" events are not cleaned away. */
  restoring?: RestoreWatcher;
  /** Tells what each removal actually took (from the browser's change events). */
  witness?: RemovalWitness;
}

/** An automatic removal that is due: the cookie as it is now, for which site, in which category. */
export interface DueRemoval {
  cookie: BrowserCookie;
  site: string;
  category: Category;
}

/**
 * Hears of undo's restorations: `expect` before a cookie is written back with its value, `failed`
 * when it was not (expired or refused), so that the expectation does not linger.
 */
export interface RestoreWatcher {
  expect(key: string, value: string): void;
  failed(key: string): void;
}

export class RemovalQueue {
  private readonly queue = new SerialQueue();
  private readonly concurrency: number;
  private readonly restoring: RestoreWatcher | undefined;
  private readonly witness: RemovalWitness | undefined;

  constructor(
    private readonly cookies: CookiesApi,
    private readonly history: UndoHistory,
    /** Seconds since the epoch. */
    private readonly now: () => number,
    options: RemovalQueueOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 8;
    this.restoring = options.restoring;
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

  /**
   * An automatic removal: `decide` runs when the job's turn comes (it may have waited behind a large
   * batch or an undo) and names the cookie to remove, or null to leave it; what goes is recorded as
   * automatic. Rejects only if `decide` throws.
   */
  removeWhenDue(decide: () => DueRemoval | null): Promise<void> {
    return this.queue.run(async () => {
      const due = decide();
      if (!due) return;
      const outcome = await removeExact(this.cookies, due.cookie, this.witness);
      if (outcome.kind === 'removed') {
        this.history.record('automatic', due.site, [{ cookie: outcome.cookie, category: due.category }]);
      } else if (outcome.kind === 'failed') {
        console.warn(`Cookie Inspector: could not clean ${due.cookie.name}: ${outcome.failure.error}`);
      }
    });
  }

  undo(batchId: string): Promise<UndoReport> {
    return this.queue.run(async () => {
      const batch = this.history.get(batchId);
      if (!batch) throw new Error(`There is no deletion ${batchId} in this session's history.`);
      if (batch.undone) throw new Error('That deletion has already been undone.');
      if (batch.undoable === false) throw new Error(NOT_KEPT_FOR_UNDO);
      const now = this.now();
      const pending = batch.cookies.filter((c) => !c.restored);
      // Undo's own "set" events must not be taken for a site setting the cookie again: told before
      // the first write (the event can arrive before `cookies.set` resolves).
      for (const { cookie } of pending) this.restoring?.expect(cookieKey(cookie), cookie.value);
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
        this.restoring?.failed(cookieKey(identity));
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
