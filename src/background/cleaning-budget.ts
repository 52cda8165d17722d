import { realTimers, type Timers } from './timers';

/**
 * How much automatic cleaning one site may cause. A site kept clean that sets its cookie again as
 * soon as it goes would otherwise keep the worker, the browser's cookie store and storage.session
 * busy for as long as its tab is open. In each window a site may have CLEANING_BUDGET removals of a
 * cookie already removed in that window (the fight) and CLEANING_TOTAL_BUDGET removals in all (a
 * site that sets a new name each time). Past either, its removals wait for the end of the window,
 * when what it set meanwhile is taken once. A site that kept on past the budget all through the
 * window starts the next one paused too; one that calmed down is cleaned as usual again.
 *
 * The end of a window is a one-shot timer, and the time is also checked on every event of the
 * site, so a worker that was stopped and started again (and lost the timer) still catches up.
 */

export const CLEANING_BUDGET = 60;
export const CLEANING_TOTAL_BUDGET = 10 * CLEANING_BUDGET;
export const CLEANING_WINDOW_MS = 60_000;
/** Windows of sites not heard from for a while are forgotten past this many. */
const MAX_IDLE_WINDOWS = 64;

interface SiteWindow {
  start: number;
  /** Keys removed in this window: removing one of them again is the site fighting back. */
  removed: Set<string>;
  again: number;
  total: number;
  paused: boolean;
  /** Removals asked for while paused, and the keys they were for. */
  deferred: number;
  deferredKeys: Set<string>;
  timer: unknown;
}

export interface CleaningBudgetOptions {
  clock: () => number;
  timers?: Timers;
  /** The window of `site` ended while paused: clean what it set meanwhile (these keys), once. */
  onWindowEnd(site: string, keys: ReadonlySet<string>): void;
  /** A site was paused or resumed (the pages say so). */
  onPauseChange?(): void;
  budget?: number;
  totalBudget?: number;
  windowMs?: number;
}

export class CleaningBudget {
  private readonly windows = new Map<string, SiteWindow>();
  private readonly clock: () => number;
  private readonly timers: Timers;
  private readonly budget: number;
  private readonly totalBudget: number;
  private readonly windowMs: number;

  constructor(private readonly options: CleaningBudgetOptions) {
    this.clock = options.clock;
    this.timers = options.timers ?? realTimers;
    this.budget = options.budget ?? CLEANING_BUDGET;
    this.totalBudget = options.totalBudget ?? CLEANING_TOTAL_BUDGET;
    this.windowMs = options.windowMs ?? CLEANING_WINDOW_MS;
  }

  /**
   * For a cookie event that calls for a removal: whether the site is paused (the removal is then
   * remembered for the end of the window instead). Ends a window that is over.
   */
  defers(site: string, key: string): boolean {
    const window = this.current(site);
    if (!window.paused) return false;
    this.defer(window, key);
    return true;
  }

  /** Whether an automatic removal of `key` on `site` may run now; counts it when it may. */
  take(site: string, key: string): boolean {
    const window = this.current(site);
    const again = window.removed.has(key);
    if (!window.paused && (window.total >= this.totalBudget || (again && window.again >= this.budget))) {
      this.pause(site, window);
    }
    if (window.paused) {
      this.defer(window, key);
      return false;
    }
    window.total++;
    if (again) window.again++;
    else window.removed.add(key);
    return true;
  }

  /** Undo put this cookie back: the end of a paused window must not take it again. */
  forgive(key: string): void {
    for (const window of this.windows.values()) window.deferredKeys.delete(key);
  }

  /** Whether removals on `site` wait for the end of the window now (for the pages; changes nothing). */
  isPaused(site: string): boolean {
    const window = this.windows.get(site);
    return window?.paused === true && this.clock() < window.start + this.windowMs;
  }

  private current(site: string): SiteWindow {
    const now = this.clock();
    const window = this.windows.get(site);
    if (window && now >= window.start + this.windowMs) this.end(site, window, now);
    return this.windows.get(site) ?? this.open(site, now, false);
  }

  private open(site: string, start: number, paused: boolean): SiteWindow {
    const window: SiteWindow = {
      start,
      removed: new Set(),
      again: 0,
      total: 0,
      paused: false,
      deferred: 0,
      deferredKeys: new Set(),
      timer: null,
    };
    this.windows.set(site, window);
    if (paused) this.pause(site, window);
    this.forgetIdle(start);
    return window;
  }

  private pause(site: string, window: SiteWindow): void {
    window.paused = true;
    const left = Math.max(0, window.start + this.windowMs - this.clock());
    window.timer = this.timers.set(() => {
      window.timer = null;
      if (this.windows.get(site) === window)
        this.end(site, window, Math.max(this.clock(), window.start + this.windowMs));
    }, left);
    this.options.onPauseChange?.();
  }

  private defer(window: SiteWindow, key: string): void {
    window.deferred++;
    window.deferredKeys.add(key);
  }

  private end(site: string, window: SiteWindow, now: number): void {
    if (window.timer !== null) this.timers.clear(window.timer);
    window.timer = null;
    this.windows.delete(site);
    if (!window.paused) return;
    // Still fighting: the next window starts paused, and the site is cleaned once a window.
    const stillFighting = window.deferred > this.budget;
    if (stillFighting) this.open(site, now, true);
    else this.options.onPauseChange?.();
    if (window.deferredKeys.size > 0) this.options.onWindowEnd(site, window.deferredKeys);
  }

  private forgetIdle(now: number): void {
    if (this.windows.size <= MAX_IDLE_WINDOWS) return;
    for (const [site, window] of this.windows) {
      if (!window.paused && now >= window.start + this.windowMs) this.windows.delete(site);
    }
  }
}
