import { type CookieIdentity, cookieKey } from '../core/cookie-key';
import { cookieHost, registrableDomain } from '../core/domains';
import type { Labeller } from '../core/label';
import type { Category, Label } from '../core/types';
import type {
  CookieRecord,
  DeletionReport,
  FailedDeletion,
  HistoryBatch,
  SiteSettings,
  TabStatus,
  UndoReport,
} from '../shared/protocol';
import { Badge, type BadgeOptions } from './badge';
import type {
  BrowserApi,
  CookieChange,
  CookieStore,
  MessageListener,
  NavigationDetails,
  PortLike,
  RequestDetails,
  TabInfo,
} from './browser-api';
import { CookieMirror, type MirrorEntry } from './cookie-mirror';
import { mapLimit, removeExact, restoreExact } from './deletion';
import { LivePorts, type TabSnapshot } from './live-ports';
import { createConnectListener, createMessageListener, type Handlers } from './message-router';
import { ReadyGate } from './ready-gate';
import { SerialQueue } from './serial-queue';
import { parseSiteSettings, SettingsStore } from './settings';
import { SiteCleaner } from './site-cleaner';
import { StorageWriter } from './storage-writer';
import { cookiesOfTab, DEFAULT_STORE, topSite } from './tab-cookies';
import { labelsForTab } from './tab-labels';
import { type TabState, TabTracker, webHost } from './tab-tracker';
import { realTimers, type Timers } from './timers';
import { countByCategory, HISTORY_KEY, type RemovedCookie, UndoHistory } from './undo-history';

/**
 * The worker's composition: builds each concern's module and connects them. The browser listeners
 * are registered by `registerListeners` (listeners.ts) on the worker's first turn; they call the
 * `on*` methods here, which hold events until start-up is done and then apply them in order.
 */

export interface BackgroundOptions {
  labeller: Labeller;
  /** Milliseconds since the epoch. */
  clock?: () => number;
  badge?: BadgeOptions;
  pushDelayMs?: number;
  /** How many cookies are removed or restored at once. */
  concurrency?: number;
  /** For the badge's and the live pages' debouncing. */
  timers?: Timers;
}

export interface Background {
  /** Loads state and the mirror; safe to call again (a failed start is retried). */
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
  readonly handlers: Handlers;
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
  const concurrency = options.concurrency ?? 8;

  const gate = new ReadyGate();
  const deletions = new SerialQueue();
  const sessionWriter = new StorageWriter(api.storageSession);
  const mirror = new CookieMirror(labeller, nowSeconds);
  const timers = options.timers ?? realTimers;
  const live = new LivePorts(tabSnapshot, options.pushDelayMs, timers);
  const badge = new Badge(api.action, api.tabs, badgeCount, options.badge, timers);
  const settings = new SettingsStore(api.storageLocal, () => {
    live.markAll();
    badge.schedule();
  });
  const history = new UndoHistory(sessionWriter, clock, (list) => live.pushHistory(list));
  const tracker = new TabTracker(sessionWriter, onTabChanged);
  const cleaner = new SiteCleaner(tracker, settings, labeller, nowSeconds, clock, RESTORE_GRACE_MS);
  /** Keys with an automatic removal under way, so a burst of sets queues one removal. */
  const cleaning = new Set<string>();
  const storeLookups = new Set<number>();

  let starting: Promise<void> | null = null;
  const start = () => {
    starting ??= init().catch((error: unknown) => {
      starting = null;
      console.error('Cookie Inspector: the worker failed to start', error);
      throw error;
    });
    return starting;
  };

  async function init(): Promise<void> {
    const [session] = await Promise.all([api.storageSession.get(null), settings.load()]);
    tracker.restore(session);
    history.restore(session[HISTORY_KEY]);
    const stores = await api.cookies.getAllCookieStores();
    const storeIds = new Set([DEFAULT_STORE, ...stores.map((s) => s.id)]);
    const cookies = await Promise.all(
      [...storeIds].map((storeId) => api.cookies.getAll({ storeId, partitionKey: {} })),
    );
    // Events that arrived meanwhile are held by the gate and replayed on top of this read, in
    // order, so the mirror ends where the browser is.
    mirror.replaceAll(cookies.flat());
    await reconcileTabs(stores);
    gate.open();
    badge.schedule();
  }

  async function reconcileTabs(stores: CookieStore[]): Promise<void> {
    const open = await api.tabs.query({});
    tracker.retain(new Set(open.map((t) => t.id)));
    await Promise.all(
      open.map(async (tab) => {
        const storeId = storeOfTab(stores, tab.id);
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

  function onTabChanged(tabId: number): void {
    live.markTab(tabId);
    badge.schedule();
    const state = tracker.get(tabId);
    if (state && state.storeId === null && !storeLookups.has(tabId)) {
      storeLookups.add(tabId);
      api.cookies
        .getAllCookieStores()
        .then((stores) => tracker.setStore(tabId, storeOfTab(stores, tabId)))
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
    if (verdict) cleanAutomatically(entry, verdict.site, verdict.category);
  }

  function cleanAutomatically(entry: MirrorEntry, site: string, category: Category): void {
    if (cleaning.has(entry.key)) return;
    cleaning.add(entry.key);
    void deletions
      .run(async () => {
        const outcome = await removeExact(api.cookies, entry.cookie);
        if (outcome.kind === 'removed') history.record('automatic', site, [{ cookie: outcome.cookie, category }]);
        else if (outcome.kind === 'failed') {
          console.warn(`Cookie Inspector: could not clean ${entry.cookie.name}: ${outcome.failure.error}`);
        }
      })
      .finally(() => cleaning.delete(entry.key));
  }

  // ---- Tabs as the pages see them ----

  interface TabCookies {
    tab: TabInfo;
    url: string | null;
    site: string | null;
    status: TabStatus;
    entries: MirrorEntry[];
    labels: Label[];
  }

  async function readTab(tabId: number): Promise<TabCookies> {
    const tab = await api.tabs.get(tabId);
    if (!tab) throw new Error(`There is no tab with id ${tabId}.`);
    const state = tracker.get(tabId) ?? (await seedTab(tab));
    const url = tab.url || null;
    const status = statusOf(tab);
    const site = status === 'ok' ? topSite({ url }) : null;
    if (status !== 'ok') return { tab, url, site, status, entries: [], labels: [] };
    const now = nowSeconds();
    const entries = cookiesOfTab(mirror, { url, hosts: state.hosts, storeId: state.storeId }, now).sort(byPlace);
    const labels = labelsForTab(entries, labeller, { topLevelUrl: url ?? undefined, now });
    return { tab, url, site, status, entries, labels };
  }

  async function seedTab(tab: TabInfo): Promise<TabState> {
    const [frames, stores] = await Promise.all([
      api.webNavigation.getAllFrames(tab.id),
      api.cookies.getAllCookieStores(),
    ]);
    return (
      tracker.get(tab.id) ??
      tracker.seed(
        tab.id,
        tab.url || null,
        frames.map((f) => f.url),
        storeOfTab(stores, tab.id),
      )
    );
  }

  async function tabSnapshot(tabId: number): Promise<TabSnapshot> {
    await start();
    const t = await readTab(tabId);
    const cookies: CookieRecord[] = t.entries.map((entry, i) => ({
      key: entry.key,
      cookie: entry.cookie,
      label: t.labels[i],
    }));
    const { includeUnknown } = settings.get();
    return {
      view: {
        tabId,
        url: t.url,
        site: t.site,
        status: t.status,
        cookies,
        siteSettings: settings.siteSettings(t.site),
        includeUnknown,
      },
      versions: new Map(t.entries.map((e) => [e.key, e.version])),
    };
  }

  function badgeCount(tabId: number): number | null {
    const state = tracker.get(tabId);
    if (!state?.url || !webHost(state.url)) return null;
    const now = nowSeconds();
    const entries = cookiesOfTab(mirror, state, now);
    const { includeUnknown } = settings.get();
    const labels = labelsForTab(entries, labeller, { topLevelUrl: state.url, now });
    return labels.filter((l) => removableInOneClick(l.category, includeUnknown)).length;
  }

  // ---- Deletion and undo ----

  interface Target {
    identity: CookieIdentity;
    category: Category;
  }

  function deleteBatch(targets: Target[], site: string | null): Promise<DeletionReport> {
    return deletions.run(async () => {
      const outcomes = await mapLimit(targets, concurrency, (t) => removeExact(api.cookies, t.identity));
      const removed: RemovedCookie[] = [];
      const vanished: CookieIdentity[] = [];
      const failed: FailedDeletion[] = [];
      outcomes.forEach((outcome, i) => {
        if (outcome.kind === 'removed') removed.push({ cookie: outcome.cookie, category: targets[i].category });
        else if (outcome.kind === 'vanished') vanished.push(outcome.identity);
        else failed.push(outcome.failure);
      });
      const batchId = removed.length > 0 ? history.record('manual', site, removed) : null;
      return { batchId, removed: countByCategory(removed), removedTotal: removed.length, vanished, failed };
    });
  }

  function targetsOf(t: TabCookies, keep: (label: Label) => boolean): Target[] {
    return t.entries.flatMap((entry, i) =>
      keep(t.labels[i]) ? [{ identity: entry.cookie, category: t.labels[i].category }] : [],
    );
  }

  function undo(batchId: string): Promise<UndoReport> {
    return deletions.run(async () => {
      const batch = history.get(batchId);
      if (!batch) throw new Error(`There is no deletion ${batchId} in this session's history.`);
      if (batch.undone) throw new Error('That deletion has already been undone.');
      const now = nowSeconds();
      for (const { cookie } of batch.cookies) cleaner.expectRestore(cookieKey(cookie), cookie.value);
      const outcomes = await mapLimit(batch.cookies, concurrency, (c) => restoreExact(api.cookies, c.cookie, now));
      const expired: CookieIdentity[] = [];
      const failed: FailedDeletion[] = [];
      let restored = 0;
      for (const outcome of outcomes) {
        if (outcome.kind === 'restored') restored++;
        else if (outcome.kind === 'expired') expired.push(outcome.identity);
        else failed.push(outcome.failure);
        if (outcome.kind !== 'restored')
          cleaner.restoreDone(cookieKey(outcome.kind === 'expired' ? outcome.identity : outcome.failure.identity));
      }
      // A batch with failures stays undoable, so the user can try again.
      history.setUndone(batchId, failed.length === 0);
      return { batchId, restored, expired, failed };
    });
  }

  function sweep(site: string): void {
    const now = nowSeconds();
    for (const { entry, category } of cleaner.sweep(site, (tab) => cookiesOfTab(mirror, tab, now))) {
      cleanAutomatically(entry, site, category);
    }
  }

  const handlers: Handlers = {
    getTabView: async ({ tabId }) => (await tabSnapshot(tabId)).view,
    deleteOptional: async ({ tabId }) => {
      const t = await readTab(tabId);
      const { includeUnknown } = settings.get();
      return deleteBatch(
        targetsOf(t, (l) => removableInOneClick(l.category, includeUnknown)),
        t.site,
      );
    },
    deleteCookies: async ({ tabId, cookies }) => {
      const t = tabId === null ? null : await readTab(tabId);
      const inTab = new Map(t?.entries.map((e, i) => [e.key, t.labels[i].category]));
      const unique = new Map(cookies.map((c) => [cookieKey(c), c]));
      const targets = [...unique].map(([key, identity]) => ({
        identity,
        category: inTab.get(key) ?? mirror.get(key)?.label.category ?? 'unknown',
      }));
      return deleteBatch(targets, t?.site ?? siteOfIdentities(cookies));
    },
    deleteCategory: async ({ tabId, category }) => {
      const t = await readTab(tabId);
      return deleteBatch(
        targetsOf(t, (l) => l.category === category),
        t.site,
      );
    },
    undo: ({ batchId }) => undo(batchId),
    getHistory: async (): Promise<HistoryBatch[]> => history.list(),
    getSettings: async () => settings.get(),
    setIncludeUnknown: ({ includeUnknown }) => settings.update((s) => ({ ...s, includeUnknown })),
    setSiteSettings: async ({ site, settings: value }) => {
      const next = parseSiteSettings(value) as SiteSettings;
      const wasClean = settings.siteSettings(site)?.keepClean === true;
      const result = await settings.update((s) => {
        const sites = { ...s.sites };
        if (isDefaultSiteSettings(next)) delete sites[site];
        else sites[site] = next;
        return { ...s, sites };
      });
      // Turning cleaning on cleans what is already there, not only what comes next.
      if (next.keepClean && !wasClean) sweep(site);
      return result;
    },
  };

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
      void live.connect(port, tabId);
    }),
    handlers,
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

/** What "remove optional cookies" takes: never essential, unknown only when the user chose so. */
export function removableInOneClick(category: Category, includeUnknown: boolean): boolean {
  return category !== 'essential' && (category !== 'unknown' || includeUnknown);
}

const WEB_STORE = /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore)(\/|$)/;

/** Whether the extension can show this tab's cookies. */
export function statusOf(tab: Pick<TabInfo, 'url' | 'pendingUrl'>): TabStatus {
  const url = tab.url ?? '';
  if (url === '' || (url === 'about:blank' && tab.pendingUrl)) return 'loading';
  // Extensions cannot see the web store's requests, so its list would be wrong: better none.
  if (!webHost(url) || WEB_STORE.test(url)) return 'unsupported';
  return 'ok';
}

function storeOfTab(stores: readonly CookieStore[], tabId: number): string {
  return stores.find((s) => s.tabIds.includes(tabId))?.id ?? DEFAULT_STORE;
}

function byPlace(a: MirrorEntry, b: MirrorEntry): number {
  const ha = cookieHost(a.cookie.domain);
  const hb = cookieHost(b.cookie.domain);
  if (ha !== hb) return ha < hb ? -1 : 1;
  if (a.cookie.name !== b.cookie.name) return a.cookie.name < b.cookie.name ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function isDefaultSiteSettings(s: SiteSettings): boolean {
  return !s.keepClean && s.allowedVendors.length === 0 && s.allowedCookies.length === 0;
}

function siteOfIdentities(cookies: readonly CookieIdentity[]): string | null {
  const sites = new Set(cookies.map((c) => registrableDomain(c.domain)));
  return sites.size === 1 ? [...sites][0] : null;
}
