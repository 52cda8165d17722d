import type { Labeller } from '../core/label';
import { siteSettingsOf } from '../shared/protocol';
import { BADGE_COLOR, Badge, type BadgeOptions } from './badge';
import type {
  BrowserApi,
  CookieChange,
  CookieStore,
  MessageListener,
  NavigationDetails,
  PortLike,
  RequestDetails,
} from './browser-api';
import { CookieMirror } from './cookie-mirror';
import { Deletions } from './deletions';
import { createHandlers } from './handlers';
import { LivePorts } from './live-ports';
import { createConnectListener, createMessageListener } from './message-router';
import { ReadyGate } from './ready-gate';
import { SettingsStore } from './settings';
import { SiteCleaner } from './site-cleaner';
import { StorageWriter } from './storage-writer';
import { type TabChange, TabTracker } from './tab-tracker';
import { storeOfTab, TabViews } from './tab-view';
import { realTimers, type Timers } from './timers';
import { HISTORY_KEY, UndoHistory } from './undo-history';

/**
 * The worker's composition: builds each concern's module and connects them. The browser listeners
 * are registered by `registerListeners` (listeners.ts) on the worker's first turn; they call the
 * `on*` methods here, which hold events until start-up is done and then apply them in order.
 *
 *   cookies.onChanged -> mirror -> cleaner (-> deletions -> history)
 *                               -> live ports, badge (debounced)
 *   webRequest, webNavigation, tabs -> tab tracker (-> storage.session) -> live ports, badge
 *   runtime messages -> router (sender check, validation, ready) -> handlers -> views, deletions, settings
 */

export interface BackgroundOptions {
  labeller: Labeller;
  /** Milliseconds since the epoch. */
  clock?: () => number;
  badge?: BadgeOptions;
  pushDelayMs?: number;
  /** How many cookies are removed or restored at once. */
  concurrency?: number;
  /** For the badge's and the live pages' debouncing, and for retrying a failed start-up. */
  timers?: Timers;
  /** How many browser events start-up may hold before it drops the oldest (tests make it small). */
  heldEventLimit?: number;
}

export interface Background {
  /** Loads state and the mirror; safe to call again (a failed start is also retried by itself). */
  start(): Promise<void>;
  onCookieChanged(change: CookieChange): void;
  onRequest(details: RequestDetails): void;
  onCommitted(details: NavigationDetails): void;
  onTabUpdated(tabId: number, change: { url?: string }): void;
  onTabRemoved(tabId: number): void;
  onTabReplaced(addedTabId: number, removedTabId: number): void;
  onTabActivated(): void;
  onMessage: MessageListener;
  onConnect(port: PortLike): void;
  readonly mirror: CookieMirror;
  /** Resolves once queued deletions, storage writes, pushes and badge updates are done (tests). */
  settled(): Promise<void>;
}

/** A failed start-up is tried again after this, then twice as long each time, up to the maximum. */
export const START_RETRY_FIRST_MS = 1000;
const START_RETRY_MAX_MS = 60_000;
/** Full reads at start-up when events keep overflowing the gate; after that, the replay is trusted. */
const MAX_READS = 3;

/** How long undo's own "cookie set" events are spared from cleaning, at most. */
const RESTORE_GRACE_MS = 10_000;

export function createBackground(api: BrowserApi, options: BackgroundOptions): Background {
  const { labeller } = options;
  const clock = options.clock ?? Date.now;
  const nowSeconds = () => clock() / 1000;
  const timers = options.timers ?? realTimers;

  const gate = new ReadyGate(options.heldEventLimit);
  const sessionWriter = new StorageWriter(api.storageSession);
  const mirror = new CookieMirror(labeller, nowSeconds);
  const settings = new SettingsStore(api.storageLocal, () => {
    live.markAll();
    badge.schedule();
  });
  const tracker = new TabTracker(sessionWriter, onTabChanged);
  const views = new TabViews(api, tracker, mirror, labeller, settings, nowSeconds);
  const live = new LivePorts((tabId) => views.snapshot(tabId), options.pushDelayMs, timers);
  const badge = new Badge(api.action, api.tabs, (tabId) => views.optionalCount(tabId), options.badge, timers);
  const history = new UndoHistory(sessionWriter, clock, (list) => live.pushHistory(list));
  const cleaner = new SiteCleaner(tracker, mirror, settings, labeller, nowSeconds, clock, RESTORE_GRACE_MS);
  const deletions = new Deletions(api.cookies, history, cleaner, nowSeconds, options.concurrency);
  const handlers = createHandlers({ views, deletions, settings, history, mirror, sweep });
  const storeLookups = new Set<number>();

  let starting: Promise<void> | null = null;
  let failedStarts = 0;
  let retry: unknown = null;
  const start = (): Promise<void> => {
    if (retry !== null) timers.clear(retry);
    retry = null;
    starting ??= init().then(
      () => {
        failedStarts = 0;
      },
      (error: unknown) => {
        starting = null;
        failedStarts++;
        console.error('Cookie Inspector: the worker failed to start', error);
        // Browser events meanwhile wait in the gate, and cleaning with them: try again without
        // waiting for a page to ask, backing off so a browser that keeps failing is not hammered.
        retry = timers.set(
          () => {
            retry = null;
            start().catch(() => undefined);
          },
          Math.min(START_RETRY_MAX_MS, START_RETRY_FIRST_MS * 2 ** (failedStarts - 1)),
        );
        throw error;
      },
    );
    return starting;
  };

  async function init(): Promise<void> {
    const [session] = await Promise.all([api.storageSession.get(null), settings.load()]);
    tracker.restore(session);
    history.restore(session[HISTORY_KEY]);
    await readBrowser();
    void api.action.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(() => undefined);
    badge.schedule();
  }

  /**
   * Reads every cookie and open tab, then opens the gate. Events that arrived meanwhile are held by
   * the gate and replayed on top of this read, in order, so the mirror ends where the browser is.
   * If the gate had to drop events (start-up kept failing in a busy browser), the replay has holes:
   * read again, holding the events that come during that read.
   */
  async function readBrowser(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const stores = await api.cookies.getAllCookieStores();
      const storeIds = new Set([api.cookies.defaultStoreId, ...stores.map((s) => s.id)]);
      const cookies = await Promise.all(
        [...storeIds].map((storeId) => api.cookies.getAll({ storeId, partitionKey: {} })),
      );
      mirror.replaceAll(cookies.flat());
      await reconcileTabs(stores);
      const dropped = gate.open();
      if (dropped === 0 || attempt >= MAX_READS) return;
      console.warn(`Cookie Inspector: ${dropped} browser events were dropped while starting; reading again`);
      gate.close();
    }
  }

  /** Tabs closed while the worker was stopped are forgotten; tabs it never saw are learnt. */
  async function reconcileTabs(stores: CookieStore[]): Promise<void> {
    const open = await api.tabs.query({});
    tracker.retain(new Set(open.map((t) => t.id)));
    await Promise.all(
      open.map(async (tab) => {
        const storeId = storeOfTab(stores, tab.id, api.cookies.defaultStoreId);
        const known = tracker.get(tab.id);
        if (known) {
          if (known.storeId === null) tracker.setStore(tab.id, storeId);
          return;
        }
        const frames = await api.webNavigation.getAllFrames(tab.id);
        if (!tracker.get(tab.id)) {
          tracker.seed(
            tab.id,
            tab.url || null,
            frames.map((f) => f.url),
            storeId,
          );
        }
      }),
    );
  }

  function onTabChanged(tabId: number, change?: TabChange): void {
    live.markTab(tabId);
    badge.schedule();
    const state = tracker.get(tabId);
    // A frame's response can set its cookies before the browser tells us of the frame's request
    // (Firefox does): once the tab of a site kept clean learns of a new host, clean what came early.
    if (change === 'hosts' && state?.storeId && state.site && siteSettingsOf(settings.get(), state.site)?.keepClean) {
      sweep(state.site);
    }
    if (state && state.storeId === null && !storeLookups.has(tabId)) {
      storeLookups.add(tabId);
      api.cookies
        .getAllCookieStores()
        .then((stores) => {
          tracker.setStore(tabId, storeOfTab(stores, tabId, api.cookies.defaultStoreId));
          // The cleaner leaves a tab's cookies alone while its store is unknown: catch up now.
          const tab = tracker.get(tabId);
          for (const site of new Set([tab?.site, tab?.pendingSite])) {
            if (site && siteSettingsOf(settings.get(), site)?.keepClean) sweep(site);
          }
        })
        .catch(() => undefined)
        .finally(() => storeLookups.delete(tabId));
    }
  }

  function onCookieChanged(change: CookieChange): void {
    const entry = mirror.apply(change);
    live.markAll();
    badge.schedule();
    if (!entry) return;
    const verdict = cleaner.verdict(entry);
    if (verdict) deletions.clean(entry);
  }

  function sweep(site: string): void {
    for (const entry of cleaner.sweep(site)) deletions.clean(entry);
  }

  const gated =
    <A extends unknown[]>(handler: (...args: A) => void) =>
    (...args: A) =>
      gate.run(() => handler(...args));

  return {
    start,
    onCookieChanged: gated(onCookieChanged),
    onRequest: gated((d: RequestDetails) => tracker.requested(d)),
    onCommitted: gated((d: NavigationDetails) => tracker.committed(d)),
    onTabUpdated: gated((tabId: number, change: { url?: string }) => {
      if (change.url) tracker.urlChanged(tabId, change.url);
    }),
    onTabRemoved: gated((tabId: number) => tracker.removed(tabId)),
    onTabReplaced: gated((_added: number, removed: number) => tracker.removed(removed)),
    onTabActivated: gated(() => badge.schedule()),
    onMessage: createMessageListener(api.runtime, handlers, start),
    onConnect: createConnectListener(api.runtime, (port, tabId) => {
      void start().then(
        () => live.connect(port, tabId),
        () => port.disconnect(),
      );
    }),
    mirror,
    async settled() {
      await start();
      await deletions.idle();
      await live.settled();
      await badge.settled();
      await deletions.idle();
      await sessionWriter.flush();
    },
  };
}
