import type { BrowserApi, CookieStore, TabInfo } from './browser-api';
import type { TabTracker } from './tab-tracker';
import { storeOfTab } from './tab-view';

/**
 * Which cookie store each tab uses, and which stores are private. A private window's store, and
 * its undo history, must never reach a page of another store; Firefox's containers are stores
 * other than the ordinary one whose tabs are not private.
 */
export class TabStores {
  /** Stores other than the ordinary one whose tabs are not private (Firefox containers): the rest are. */
  private readonly persistent = new Set<string>();
  /** Tabs whose store is being looked up, so a burst of changes asks the browser once. */
  private readonly lookups = new Set<number>();

  constructor(
    private readonly api: Pick<BrowserApi, 'cookies' | 'tabs'>,
    private readonly tracker: TabTracker,
  ) {}

  isPrivate(storeId: string): boolean {
    return storeId !== this.api.cookies.defaultStoreId && !this.persistent.has(storeId);
  }

  /** At start-up: the stores of the open tabs that are not private are not private either. */
  learnOpenTabs(stores: readonly CookieStore[], open: readonly TabInfo[]): void {
    for (const tab of open) if (!tab.incognito) this.persistent.add(this.storeOfTab(stores, tab.id));
    this.persistent.delete(this.api.cookies.defaultStoreId);
  }

  /** The store that lists the tab; a tab no store lists yet is in the browser's ordinary one. */
  storeOfTab(stores: readonly CookieStore[], tabId: number): string {
    return storeOfTab(stores, tabId, this.api.cookies.defaultStoreId);
  }

  /** The cookie store of a tab, from the tracker when it knows it, else from the browser. */
  async storeOf(tabId: number): Promise<string> {
    const known = this.tracker.get(tabId)?.storeId;
    if (known) return known;
    return this.storeOfTab(await this.api.cookies.getAllCookieStores(), tabId);
  }

  /**
   * For a tab the tracker has no store for: asks the browser (one lookup at a time per tab),
   * records the answer in the tracker, then calls `known`. A failed lookup (or `known` throwing) is
   * dropped: the tab's next change asks again.
   */
  lookUp(tabId: number, known: (tabId: number) => void): void {
    const state = this.tracker.get(tabId);
    if (!state || state.storeId !== null || this.lookups.has(tabId)) return;
    this.lookups.add(tabId);
    this.api.cookies
      .getAllCookieStores()
      .then((stores) => {
        const storeId = this.storeOfTab(stores, tabId);
        this.tracker.setStore(tabId, storeId);
        if (storeId !== this.api.cookies.defaultStoreId) this.learnStore(tabId, storeId);
        known(tabId);
      })
      .catch(() => undefined)
      .finally(() => this.lookups.delete(tabId));
  }

  /** The stores that still have a tab open (leaving out `closedTabId`, which may not be gone from the list yet). */
  async openStores(closedTabId?: number): Promise<Set<string>> {
    const stores = await this.api.cookies.getAllCookieStores();
    return new Set(stores.filter((s) => s.tabIds.some((id) => id !== closedTabId)).map((s) => s.id));
  }

  /** A tab of a store other than the ordinary one: a container's (not private) or a private window's. */
  private learnStore(tabId: number, storeId: string): void {
    this.api.tabs
      .get(tabId)
      .then((tab) => {
        if (tab && !tab.incognito) this.persistent.add(storeId);
      })
      .catch(() => undefined);
  }
}
