import { KEPT_SCREEN_PREFIX, type KeptScreen } from '../shared/protocol';
import { type TabSnapshot, toLead } from './live-ports';
import type { StorageWriter } from './storage-writer';

/**
 * The popup's first screen of each tab the badge counts (the active one of each window), kept in
 * storage.session: a popup opened while the worker sleeps shows it at once, and the worker's own
 * snapshot replaces it when the worker is up (a cold worker takes 150 to 250 ms to answer on a
 * 2-core machine, most of it the browser starting the worker and reading every cookie). The worker
 * wakes for every cookie change and navigation and brings the screen up to date then, so what the
 * popup finds is the worker's last view of the tab; the popup also checks that the tab still shows
 * the same address. Private windows' tabs get none: their cookies stay out of storage.
 */
export class KeptScreens {
  /** What was last written for each tab, so an unchanged screen is not written again. */
  private readonly written = new Map<number, string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly writer: StorageWriter,
    private readonly snapshot: (tabId: number) => Promise<TabSnapshot>,
    private readonly isPrivateTab: (tabId: number) => boolean,
  ) {}

  /** Brings the tab's kept screen up to date, after the tabs before it (one at a time, in order). */
  refresh(tabId: number): void {
    this.queue = this.queue.then(() => this.keep(tabId)).catch(() => undefined);
  }

  forget(tabId: number): void {
    this.written.delete(tabId);
    this.writer.delete(keyOf(tabId));
  }

  /** Drops the screens, found in storage as start-up read it, of tabs closed while the worker was stopped. */
  retain(session: Readonly<Record<string, unknown>>, isOpen: (tabId: number) => boolean): void {
    for (const key of Object.keys(session)) {
      if (!key.startsWith(KEPT_SCREEN_PREFIX)) continue;
      const tabId = Number(key.slice(KEPT_SCREEN_PREFIX.length));
      if (!isOpen(tabId)) this.forget(tabId);
    }
  }

  /** A private window's tab, or one the worker no longer knows (closed): its screen goes, if it had one. */
  private unkeepable(tabId: number): boolean {
    if (!this.isPrivateTab(tabId)) return false;
    if (this.written.has(tabId)) this.forget(tabId);
    return true;
  }

  /** Resolves once the refreshes asked for so far are done (tests). */
  settled(): Promise<void> {
    return this.queue;
  }

  private async keep(tabId: number): Promise<void> {
    if (this.unkeepable(tabId)) return;
    const { view } = await this.snapshot(tabId);
    // Asked again: the tab may have closed (and been forgotten) while the browser was asked about it.
    if (this.unkeepable(tabId)) return;
    const screen: KeptScreen = { ...toLead(view, 'groups'), keptAt: Date.now() };
    const signature = whatItShows(screen);
    if (this.written.get(tabId) === signature) return;
    this.written.set(tabId, signature);
    // Joins the next storage write, or goes within a second: a busy page changes its screen often.
    this.writer.putSoon(keyOf(tabId), screen, KEPT_WRITE_DELAY_MS);
  }
}

const KEPT_WRITE_DELAY_MS = 1000;

/**
 * What the screen shows at a glance: the page, the counts, and which cookies head the list with
 * their labels. A value or an expiry that changed is not worth a write: a site that sets a cookie
 * again every millisecond would otherwise rewrite the screen as often (the popup shows values
 * only when asked, by which time the worker's own snapshot has replaced the kept screen).
 */
function whatItShows({ view, lead }: KeptScreen): string {
  const { cookies, ...page } = view;
  const rows = cookies.map(({ key, label }) => [key, label.category, label.vendor, label.purpose, label.ifDeleted]);
  return JSON.stringify([page, lead ?? null, rows]);
}

function keyOf(tabId: number): string {
  return `${KEPT_SCREEN_PREFIX}${tabId}`;
}
