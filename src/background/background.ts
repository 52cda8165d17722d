import type { Labeller } from '../core/label';
import type { PushMessage } from '../shared/protocol';
import { AutomaticCleaning } from './automatic-cleaning';
import { Badge, type BadgeOptions } from './badge';
import type {
  BrowserApi,
  CookieChange,
  MessageListener,
  NavigationDetails,
  PortLike,
  RequestDetails,
} from './browser-api';
import { CleaningBudget, type CleaningBudgetOptions } from './cleaning-budget';
import { CookieMirror } from './cookie-mirror';
import { RemovalWitness } from './cookie-operations';
import { createHandlers } from './handlers';
import { KeptScreens } from './kept-screens';
import { LivePorts, type TabSnapshot } from './live-ports';
import { createConnectListener, createMessageListener } from './message-router';
import { ReadyGate } from './ready-gate';
import { RemovalQueue } from './removal-queue';
import { SettingsStore } from './settings';
import { SiteCleaner } from './site-cleaner';
import { createStartup, type StartupPhase } from './startup';
import { StorageWriter } from './storage-writer';
import { TabStores } from './tab-stores';
import { type TabChange, TabTracker } from './tab-tracker';
import { TabViews } from './tab-view';
import { realTimers, type Timers } from './timers';
import { AUTOMATIC_WRITE_DELAY_MS, UndoHistory } from './undo-history';

/**
 * The worker's composition: builds each concern's module and connects them, and holds no rule of
 * its own (start-up is startup.ts, which store a tab uses is tab-stores.ts, when cleaning acts is
 * automatic-cleaning.ts). The browser listeners are registered by `registerListeners`
 * (listeners.ts) on the worker's first turn; they call the `on*` methods here, which hold events
 * until start-up is done and then apply them in order.
 *
 *   cookies.onChanged -> mirror -> automatic cleaning (cleaner's verdict, budget)
 *                                    -> removal queue (in its turn, automatic cleaning decides again) -> history
 *                               -> live ports, badge (debounced)
 *   webRequest, webNavigation, tabs -> tab tracker (-> storage.session) -> live ports, badge,
 *                                      tab stores (store lookup) -> automatic cleaning (catch-up)
 *   runtime messages -> router (sender check, validation, ready) -> handlers -> views, removal queue, settings
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
  /** Told as a waking worker passes each phase of its start (see StartupPhase). */
  mark?: (phase: StartupPhase) => void;
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

/** How long undo's own "cookie set" events are spared from cleaning, at most. */
const RESTORE_GRACE_MS = 10_000;

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
  const badge = new Badge(api.action, api.tabs, countForBadge, options.badge, timers);
  const stores = new TabStores(api, tracker);
  const kept = new KeptScreens(sessionWriter, tabSnapshot, (tabId) => {
    // A tab whose store is not known yet may be a private window's, and a closed tab is known no more:
    // nothing is kept for either.
    const storeId = tracker.get(tabId)?.storeId ?? null;
    return storeId === null || stores.isPrivate(storeId);
  });
  const history = new UndoHistory(sessionWriter, {
    now: clock,
    onChange: (list) => live.pushHistory(list),
    isPrivateStore: (storeId) => stores.isPrivate(storeId),
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
            if (entry) cleaning.clean(entry, true);
          }
        },
        onPauseChange: () => live.markAll(),
      })
    : null;
  const witness = new RemovalWitness();
  const queue = new RemovalQueue(api.cookies, history, nowSeconds, {
    concurrency: options.concurrency,
    witness,
    restoring: { expect: (key, value) => cleaning.expect(key, value), failed: (key) => cleaning.failed(key) },
  });
  const cleaning = new AutomaticCleaning(cleaner, queue, budget, settings, tracker);
  const handlers = createHandlers({
    views,
    deletions: queue,
    settings,
    history,
    mirror,
    sweep: (site) => cleaning.sweep(site),
    snapshot,
    storeOf: (tabId) => stores.storeOf(tabId),
    defaultStoreId: api.cookies.defaultStoreId,
  });
  const start = createStartup({
    api,
    gate,
    mirror,
    tracker,
    stores,
    history,
    kept,
    settings,
    badge,
    timers,
    warm: () => labeller.warm?.(),
    mark: options.mark,
  });
  /** Forgetting closed private stores' history, for `settled`. */
  let housekeeping: Promise<void> = Promise.resolve();

  function onTabChanged(tabId: number, change?: TabChange): void {
    live.markTab(tabId);
    badge.schedule();
    cleaning.tabChanged(tabId, change);
    stores.lookUp(tabId, (known) => {
      cleaning.storeKnown(known);
      // The tab's cookies are its store's: its count, and the first screen kept for it, can be made now.
      badge.schedule();
    });
  }

  function onCookieChanged(change: CookieChange): void {
    witness.observe(change);
    const entry = mirror.apply(change);
    live.markAll();
    badge.schedule();
    if (entry) cleaning.cookieChanged(entry);
  }

  /** The badge counts the active tabs after every change: their kept screens are brought up to date with it. */
  function countForBadge(tabId: number): number | null {
    const count = views.optionalCount(tabId);
    kept.refresh(tabId);
    return count;
  }

  function onTabRemoved(tabId: number): void {
    tracker.removed(tabId);
    views.forget(tabId);
    kept.forget(tabId);
    if (!history.hasPrivate()) return;
    housekeeping = housekeeping
      .then(() => stores.openStores(tabId))
      .then((open) => history.dropClosedStores(open))
      .catch(() => undefined);
  }

  /** What a page asked for of a tab. */
  async function snapshot(tabId: number): Promise<TabSnapshot> {
    const shot = await tabSnapshot(tabId);
    options.mark?.('first-snapshot');
    return shot;
  }

  /** What the pages see of a tab: its view, and whether keeping its site clean is paused. */
  async function tabSnapshot(tabId: number): Promise<TabSnapshot> {
    const shot = await views.snapshot(tabId);
    const { site, siteSettings } = shot.view;
    if (site && siteSettings?.keepClean && budget?.isPaused(site)) {
      shot.view = { ...shot.view, siteSettings: { ...siteSettings, cleaningThrottled: true } };
    }
    return shot;
  }

  /** A page's live port, through which history pushes carry only the batches of its tab's store. */
  function scopedPort(port: PortLike, tabId: number): PortLike {
    return {
      name: port.name,
      sender: port.sender,
      onDisconnect: port.onDisconnect,
      onMessage: port.onMessage,
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
    onTabReplaced: gated((_added: number, removed: number) => {
      tracker.removed(removed);
      views.forget(removed);
      kept.forget(removed);
    }),
    onTabActivated: gated(() => badge.schedule()),
    onMessage: createMessageListener(api.runtime, handlers, start),
    onConnect: createConnectListener(api.runtime, (port, tabId, connectOptions) => {
      void start().then(
        () => live.connect(scopedPort(port, tabId), tabId, connectOptions),
        () => port.disconnect(),
      );
    }),
    mirror,
    async settled() {
      await start();
      await queue.idle();
      await live.settled();
      await badge.settled();
      await kept.settled();
      await queue.idle();
      await housekeeping;
      await sessionWriter.flush();
    },
  };
}
