import { nextDelay } from '../shared/backoff';
import type { BrowserCookie } from '../shared/protocol';
import { BADGE_COLOR, type Badge } from './badge';
import type { BrowserApi, CookieStore, TabInfo } from './browser-api';
import type { CookieMirror } from './cookie-mirror';
import type { KeptScreens } from './kept-screens';
import type { ReadyGate } from './ready-gate';
import type { SettingsStore } from './settings';
import type { TabStores } from './tab-stores';
import type { TabTracker } from './tab-tracker';
import type { Timers } from './timers';
import { HISTORY_KEY, type UndoHistory } from './undo-history';

/**
 * The worker's start-up: loads what storage kept, reads every cookie and open tab, then opens the
 * ready gate so that the events held meanwhile replay on top. A failed start-up is tried again by
 * itself, backing off; one under way is shared by everyone who asks.
 */

/** A failed start-up is tried again after this, then twice as long each time, up to the maximum. */
export const START_RETRY_FIRST_MS = 1000;
const START_RETRY_MAX_MS = 60_000;
/** Full reads at start-up when events keep overflowing the gate; after that, the replay is trusted. */
const MAX_READS = 3;

export interface StartupDeps {
  api: Pick<BrowserApi, 'storageSession' | 'cookies' | 'tabs' | 'webNavigation' | 'action'>;
  gate: ReadyGate;
  mirror: CookieMirror;
  tracker: TabTracker;
  stores: TabStores;
  history: UndoHistory;
  kept: Pick<KeptScreens, 'retain'>;
  settings: SettingsStore;
  badge: Badge;
  timers: Timers;
  /** Compiles the labeller while the first reads are under way (Labeller.warm). */
  warm?: () => void;
  /** Told as start-up passes each phase: the worker marks them for the benchmarks (see index.ts). */
  mark?: (phase: StartupPhase) => void;
}

/**
 * What a waking worker does before it can answer, in order: `compiled` the catalog (while the
 * browser reads), `read` every cookie and tab, `mirrored` them (labelled), `ready` (events replayed),
 * then `first-snapshot`, the first tab view built for a page (background.ts).
 */
export type StartupPhase = 'compiled' | 'read' | 'mirrored' | 'ready' | 'first-snapshot';

interface BrowserRead {
  all: CookieStore[];
  cookies: BrowserCookie[];
  open: TabInfo[];
}

/** Returns `start`: safe to call again; resolves once the worker is ready. */
export function createStartup(deps: StartupDeps): () => Promise<void> {
  const { api, gate, mirror, tracker, stores, history, kept, settings, badge, timers, warm } = deps;
  const mark = deps.mark ?? (() => undefined);
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
          nextDelay(failedStarts - 1, { baseMs: START_RETRY_FIRST_MS, maxMs: START_RETRY_MAX_MS }),
        );
        throw error;
      },
    );
    return starting;
  };

  async function init(): Promise<void> {
    // The browser's answers take longer than compiling the catalog: ask first, compile meanwhile.
    const stored = Promise.all([api.storageSession.get(null), settings.load()]);
    const firstRead = readCookies();
    // Awaited below; this only keeps a failure while `stored` is awaited from being reported as unhandled.
    firstRead.catch(() => undefined);
    warm?.();
    mark('compiled');
    const [session] = await stored;
    tracker.restore(session);
    history.restore(session[HISTORY_KEY]);
    await readBrowser(firstRead);
    // The tracker now knows exactly the open tabs: a tab closed while the worker was stopped loses its screen.
    kept.retain(session, (tabId) => tracker.get(tabId) !== undefined);
    // A private window closed while the worker was stopped: its removals go with it.
    if (history.hasPrivate()) history.dropClosedStores(await stores.openStores());
    void api.action.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(() => undefined);
    badge.schedule();
    mark('ready');
  }

  /**
   * Reads every cookie and open tab, then opens the gate. Events that arrived meanwhile are held by
   * the gate and replayed on top of this read, in order, so the mirror ends where the browser is.
   * If the gate had to drop events (start-up kept failing in a busy browser), the replay has holes:
   * read again, holding the events that come during that read.
   */
  async function readBrowser(firstRead: Promise<BrowserRead>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { all, cookies, open } = await (attempt === 1 ? firstRead : readCookies());
      mark('read');
      mirror.replaceAll(cookies);
      mark('mirrored');
      await reconcileTabs(all, open);
      const dropped = gate.open();
      if (dropped === 0 || attempt >= MAX_READS) return;
      console.warn(`Cookie Inspector: ${dropped} browser events were dropped while starting; reading again`);
      gate.close();
    }
  }

  /**
   * Every cookie of every store, partitioned ones included, the stores with their tabs, and the open
   * tabs. All asked at once, before the caller compiles the catalog: the default store holds nearly
   * every cookie, so it is not kept waiting for the list of stores (the others are private windows
   * and containers). Events meanwhile wait in the gate, so the parts need not be read in one instant.
   */
  async function readCookies(): Promise<BrowserRead> {
    const { defaultStoreId } = api.cookies;
    const read = (storeId: string) => api.cookies.getAll({ storeId, partitionKey: {} });
    const [all, fromDefault, open] = await Promise.all([
      api.cookies.getAllCookieStores(),
      read(defaultStoreId),
      api.tabs.query({}),
    ]);
    const others = [...new Set(all.map((s) => s.id))].filter((id) => id !== defaultStoreId);
    const cookies = await Promise.all(others.map(read));
    return { all, cookies: fromDefault.concat(...cookies), open };
  }

  /** Tabs closed while the worker was stopped are forgotten; tabs it never saw are learnt. */
  async function reconcileTabs(all: CookieStore[], open: TabInfo[]): Promise<void> {
    tracker.retain(new Set(open.map((t) => t.id)));
    stores.learnOpenTabs(all, open);
    await Promise.all(
      open.map(async (tab) => {
        const storeId = stores.storeOfTab(all, tab.id);
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

  return start;
}
