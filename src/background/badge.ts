import type { ActionApi, TabsApi } from './browser-api';
import { realTimers, type Timers } from './timers';

/**
 * The toolbar badge: how many optional cookies the active tab has. A page load changes dozens of
 * cookies in a burst, so the count is recomputed after the burst settles (or at the latest after
 * `maxDelayMs` while a storm goes on), not on every event.
 */

export interface BadgeOptions {
  delayMs: number;
  maxDelayMs: number;
}

export const BADGE_COLOR = '#5b3d99';

export class Badge {
  private timer: unknown = null;
  private firstRequest = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly action: ActionApi,
    private readonly tabs: TabsApi,
    /** The count for a tab, or null when the tab shows nothing to count (unsupported page). */
    private readonly count: (tabId: number) => number | null,
    private readonly options: BadgeOptions = { delayMs: 150, maxDelayMs: 1000 },
    private readonly timers: Timers = realTimers,
  ) {}

  schedule(): void {
    const now = Date.now();
    if (this.timer === null) this.firstRequest = now;
    else this.timers.clear(this.timer);
    const waited = now - this.firstRequest;
    const delay = Math.max(0, Math.min(this.options.delayMs, this.options.maxDelayMs - waited));
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.running = this.running
        .then(() => this.update())
        .catch((error) => {
          console.warn('Cookie Inspector: could not update the badge', error);
        });
    }, delay);
  }

  /** Resolves once no update is scheduled or running. */
  async settled(): Promise<void> {
    while (this.timer !== null) await new Promise((r) => setTimeout(r, this.options.delayMs));
    await this.running;
  }

  async update(): Promise<void> {
    const active = await this.tabs.query({ active: true });
    await Promise.all(
      active.map((tab) => this.action.setBadgeText({ tabId: tab.id, text: badgeText(this.count(tab.id)) })),
    );
  }
}

export function badgeText(count: number | null): string {
  if (count === null || count === 0) return '';
  return count > 999 ? '999+' : String(count);
}
