import type { Labeller } from '../core/label';
import { type PushMessage, siteSettingsOf } from '../shared/protocol';
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
import { CleaningBudget, type CleaningBudgetOptions } from './cleaning-budget';
import { CookieMirror } from './cookie-mirror';
import { RemovalWitness } from './deletion';
import { Deletions } from './deletions';
import { createHandlers } from './handlers';
import { LivePorts, type TabSnapshot } from './live-ports';
import { createConnectListener, createMessageListener } from './message-router';
import { ReadyGate } from './ready-gate';
import { SettingsStore } from './settings';
import { SiteCleaner } from './site-cleaner';
import { StorageWriter } from './storage-writer';
import { type TabChange, TabTracker } from './tab-tracker';
import { storeOfTab, TabViews } from './tab-view';
import { realTimers, type Timers } from './timers';
import { AUTOMATIC_WRITE_DELAY_MS, HISTORY_KEY, UndoHistory } from './undo-history';

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
  /**
   * How keeping a site clean backs off from a site that keeps setting cookies, and how long the
   * record of an automatic removal may wait to be written. `false` turns both off (the benchmark's
   * figures for the worker without them).
   */
  backOff?: BackOffOptions | false;
}

export interface BackOffOptions extends Partial<Pick<CleaningBudgetOptions, 'budget' | 'totalBudget' | 'windowMs'>> {
  /** For the end of a paused site's window and the delayed history writes (tests fire them by hand). */
  timers?: Timers;
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

/** The stores that still have a tab open (leaving out `closedTabId`, which may not be gone from the list yet). */
function openStores(stores: readonly CookieStore[], closedTabId?: number): Set<string> {
  return new Set(stores.filter((s) => s.tabIds.some((id) => id !== closedTabId)).map((s) => s.id));
}

export function createBackground(api: BrowserApi, options: BackgroundOptions): Background {
  const { labeller } = options;
  const clock = options.clock ?? Date.now;
  const nowSeconds = () => clock() / 1000;
  const timers = options.timers ?? realTimers;

  const backOff = options.backOff === false ? null : (options.backOff ?? {});
  const backOffTimers = backOff?.timers ?? timers;

  const gate = new ReadyGate(options.heldEventLimit);
  const sessionWriter = new StorageWriter(api.storageSession, undefined, backOffTimers);
  const mirror = new CookieMirror(labeller, nowSeconds);
  const settings = new SettingsStore(api.storageLocal, () => {
    live.markAll();
    badge.schedule();
  });
  const tracker = new TabTracker(sessionWriter, onTabChanged);
  const views = new TabViews(api, tracker, mirror, labeller, settings, nowSeconds);
  const live = new LivePorts(snapshot, options.pushDelayMs, timers);
  const badge = new Badge(api.action, api.tabs, (tabId) => views.optionalCount(tabId), options.badge, timers);
  /** Stores other than the ordinary one whose tabs are not private (Firefox containers): the rest are. */
  const persistentStores = new Set<string>();
  const isPrivateStore = (storeId: string) => storeId !== api.cookies.defaultStoreId && !persistentStores.has(storeId);
  const history = new UndoHistory(sessionWriter, {
    now: clock,
    onChange: (list) => live.pushHistory(list),
    isPrivateStore,
    automaticWriteDelayMs: backOff ? AUTOMATIC_WRITE_DELAY_MS : 0,
  });
  const cleaner = new SiteCleaner(tracker, mirror, settings, labeller, nowSeconds, clock, RESTORE_GRACE_MS);
  const budget = backOff
    ? new CleaningBudget({
        ...backOff,
        clock,
        timers: backOffTimers,
        onWindowEnd: (_site, keys) => {
          for (const key of keys) {
            const entry = mirror.get(key);
            if (entry) deletions.clean(entry, true);
          }
        },
        onPauseChange: () => live.markAll(),
      })
    : null;
  const witness = new RemovalWitness();
  const deletions = new Deletions(api.cookies, history, cleaner, nowSeconds, {
    concurrency: options.concurrency,
    budget,
    witness,
  });
  const handlers = createHandlers({
    views,
    deletions,
    settings,
    history,
    mirror,
    sweep,
    snapshot,
    storeOf,
    defaultStoreId: api.cookies.defaultStoreId,
  });
  const storeLookups = new Set<number>();
  /** Forgetting closed private stores' history, for `settled`. */
  let housekeeping: Promise<void> = Promise.resolve();

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
    // A private window closed while the worker was stopped: its removals go with it.
    if (history.hasPrivate()) history.dropClosedStores(openStores(await api.cookies.getAllCookieStores()));
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
    for (const tab of open) {
      if (!tab.incognito) persistentStores.add(storeOfTab(stores, tab.id, api.cookies.defaultStoreId));
    }
    persistentStores.delete(api.cookies.defaultStoreId);
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
          const storeId = storeOfTab(stores, tabId, api.cookies.defaultStoreId);
          tracker.setStore(tabId, storeId);
          if (storeId !== api.cookies.defaultStoreId) learnStore(tabId, storeId);
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

  /** A tab of a store other than the ordinary one: a container's (not private) or a private window's. */
  function learnStore(tabId: number, storeId: string): void {
    api.tabs
      .get(tabId)
      .then((tab) => {
        if (tab && !tab.incognito) persistentStores.add(storeId);
      })
      .catch(() => undefined);
  }

  function onCookieChanged(change: CookieChange): void {
    witness.observe(change);
    const entry = mirror.apply(change);
    live.markAll();
    badge.schedule();
    if (!entry) return;
    const verdict = cleaner.verdict(entry);
    if (verdict && !budget?.defers(verdict.site, entry.key)) deletions.clean(entry);
  }

  function sweep(site: string): void {
    for (const entry of cleaner.sweep(site)) deletions.clean(entry);
  }

  function onTabRemoved(tabId: number): void {
    tracker.removed(tabId);
    if (!history.hasPrivate()) return;
    housekeeping = housekeeping
      .then(() => api.cookies.getAllCookieStores())
      .then((stores) => history.dropClosedStores(openStores(stores, tabId)))
      .catch(() => undefined);
  }

  /** What the pages see of a tab: its view, and whether keeping its site clean is paused. */
  async function snapshot(tabId: number): Promise<TabSnapshot> {
    const shot = await views.snapshot(tabId);
    const { site, siteSettings } = shot.view;
    if (site && siteSettings?.keepClean && budget?.isPaused(site)) {
      shot.view = { ...shot.view, siteSettings: { ...siteSettings, cleaningThrottled: true } };
    }
    return shot;
  }

  async function storeOf(tabId: number): Promise<string> {
    const known = tracker.get(tabId)?.storeId;
    if (known) return known;
    return storeOfTab(await api.cookies.getAllCookieStores(), tabId, api.cookies.defaultStoreId);
  }

  /** A page's live port, through which history pushes carry only the batches of its tab's store. */
  function scopedPort(port: PortLike, tabId: number): PortLike {
    return {
      name: port.name,
      sender: port.sender,
      onDisconnect: port.onDisconnect,
      disconnect: () => port.disconnect(),
      postMessage: (message: PushMessage) => {
        if (message.type !== 'history') return port.postMessage(message);
        // Until the tab's store is known, no batch is known to be its own.
        const storeId = tracker.get(tabId)?.storeId ?? null;
        port.postMessage({ ...message, history: message.history.filter((b) => b.storeId === storeId) });
      },
    };
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
    onTabRemoved: gated(onTabRemoved),
    onTabReplaced: gated((_added: number, removed: number) => tracker.removed(removed)),
    onTabActivated: gated(() => badge.schedule()),
    onMessage: createMessageListener(api.runtime, handlers, start),
    onConnect: createConnectListener(api.runtime, (port, tabId) => {
      void start().then(
        () => live.connect(scopedPort(port, tabId), tabId),
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
      await housekeeping;
      await sessionWriter.flush();
    },
  };
}
