import { siteSettingsOf } from '../shared/protocol';
import type { CleaningBudget } from './cleaning-budget';
import type { MirrorEntry } from './cookie-mirror';
import type { RemovalQueue, RestoreWatcher } from './removal-queue';
import type { SettingsStore } from './settings';
import type { SiteCleaner } from './site-cleaner';
import type { TabChange, TabTracker } from './tab-tracker';

/**
 * When "keep this site clean" acts: on a cookie being set, when the user turns it on (a sweep of
 * what is there), and when a tab of such a site learns something that lets the cleaner decide
 * (a new host, its cookie store). The cleaner gives the verdict, the budget may defer it, and the
 * removal queue removes. The cleaner is asked twice, deliberately: when the cookie is set, and
 * again when the queued removal's turn comes (it may have waited behind a batch or an undo).
 * Calls go one way: this module to the cleaner, the budget and the queue; the queue calls back
 * only the `decide` it is handed and, for undo, this module as its `RestoreWatcher`.
 */
export class AutomaticCleaning implements RestoreWatcher {
  /**
   * Keys with an automatic removal queued, with the value the site last set: a burst of sets queues
   * one removal, and the removal only takes that value (not one undo has put back since).
   */
  private readonly queued = new Map<string, { value: string; sweep: boolean }>();

  constructor(
    private readonly cleaner: SiteCleaner,
    private readonly queue: RemovalQueue,
    private readonly budget: CleaningBudget | null,
    private readonly settings: SettingsStore,
    private readonly tracker: TabTracker,
  ) {}

  /** A cookie was set or changed. */
  cookieChanged(entry: MirrorEntry): void {
    const verdict = this.cleaner.verdict(entry);
    if (verdict && !this.budget?.defers(verdict.site, entry.key)) this.clean(entry);
  }

  /**
   * A cookie a site kept clean must not have: removed as soon as possible, recorded as automatic.
   * `sweep`: the one removal at the end of a paused site's window, which its budget does not stop.
   */
  clean(entry: MirrorEntry, sweep = false): void {
    const queued = this.queued.get(entry.key);
    this.queued.set(entry.key, { value: entry.cookie.value, sweep: sweep || queued?.sweep === true });
    if (queued) return;
    this.queue
      .removeWhenDue(() => {
        // Only sets that come before this job reads the store are covered by it; one that lands while
        // it runs may come after its last read, so it must queue a removal of its own.
        const wanted = this.queued.get(entry.key);
        this.queued.delete(entry.key);
        // Decide again on the cookie as it is now. Cleaning turned off, an exception added, or
        // undo's value back: leave it.
        const due = this.cleaner.recheck(entry.key);
        if (!due || !wanted || due.entry.cookie.value !== wanted.value) return null;
        if (!wanted.sweep && this.budget && !this.budget.take(due.site, entry.key)) return null;
        return { cookie: due.entry.cookie, site: due.site, category: due.category };
      })
      .catch((error: unknown) => console.warn('Cookie Inspector: a cleaning job failed', error));
  }

  /**
   * Undo is putting this cookie back: the cleaner must not take its own "set" event for the site
   * setting it again (undo writes into the cleaner's record of restorations for that), and the
   * budget must not count what undo puts back.
   */
  expect(key: string, value: string): void {
    this.cleaner.expectRestore(key, value);
    this.budget?.forgive(key);
  }

  /** Undo could not put it back: no "set" event of it is coming. */
  failed(key: string): void {
    this.cleaner.restoreDone(key);
  }

  /** Cleans what is already there on the site's open tabs. */
  sweep(site: string): void {
    for (const entry of this.cleaner.sweep(site)) this.clean(entry);
  }

  /**
   * A frame's response can set its cookies before the browser tells us of the frame's request
   * (Firefox does): once the tab of a site kept clean learns of a new host, clean what came early.
   */
  tabChanged(tabId: number, change?: TabChange): void {
    const state = this.tracker.get(tabId);
    if (change === 'hosts' && state?.storeId && state.site && this.keptClean(state.site)) this.sweep(state.site);
  }

  /** The cleaner leaves a tab's cookies alone while its store is unknown: catch up once it is known. */
  storeKnown(tabId: number): void {
    const tab = this.tracker.get(tabId);
    for (const site of new Set([tab?.site, tab?.pendingSite])) {
      if (site && this.keptClean(site)) this.sweep(site);
    }
  }

  private keptClean(site: string): boolean {
    return siteSettingsOf(this.settings.get(), site)?.keepClean === true;
  }
}
