import { identityOf } from '../core/cookie-key';
import type { Category } from '../core/types';
import { nextDelay } from '../shared/backoff';
import type {
  BrowserCookie,
  Client,
  CookieRecord,
  CookieSummary,
  DeletionReport,
  HistoryBatch,
  LeadOrder,
  LinkState,
  PushMessage,
  RequestOf,
  SiteSettings,
  TabView,
  UndoReport,
} from '../shared/protocol';
import { siteSettingsOf } from '../shared/protocol';
import { errorText, WorkerUnavailableError } from './client-errors';

/**
 * One tab's cookies as the pages see them: a snapshot from the worker kept current by live pushes,
 * plus the outcome of the last action. Plain state and callbacks, no Preact, so the logic is tested
 * against a fake client without a DOM.
 */

export type Phase =
  /** First answer not in yet. */
  | 'loading'
  | 'ready'
  /** The worker cannot be reached, or its live port dropped: retrying on its own; the list may be stale. */
  | 'restarting'
  /** The worker answered with an error. */
  | 'failed';

export type Outcome =
  | { kind: 'removed'; report: DeletionReport }
  | { kind: 'restored'; report: UndoReport }
  /** Nothing removed yet: the removal could not be undone, and the person is asked first. */
  | { kind: 'no-undo'; cookies: number; request: RemovalRequest }
  | { kind: 'error'; message: string; workerDown: boolean };

/** A removal as sent, so that it can be sent again once the person agrees to go without undo. */
export type RemovalRequest =
  | { kind: 'deleteOptional'; payload: RequestOf<'deleteOptional'> }
  | { kind: 'deleteCookies'; payload: RequestOf<'deleteCookies'> }
  | { kind: 'deleteCategory'; payload: RequestOf<'deleteCategory'> };

/** Sends a removal; a worker that asks for agreement first gets a `no-undo` outcome back. */
async function requestRemoval(client: Client, request: RemovalRequest): Promise<Outcome> {
  const report = await sendRemoval(client, request);
  return report.needsConfirmation
    ? { kind: 'no-undo', cookies: report.needsConfirmation.cookies, request }
    : { kind: 'removed', report };
}

/** The same removal, agreed to without undo. */
function withoutUndo(request: RemovalRequest): RemovalRequest {
  switch (request.kind) {
    case 'deleteOptional':
      return { kind: request.kind, payload: { ...request.payload, allowWithoutUndo: true } };
    case 'deleteCookies':
      return { kind: request.kind, payload: { ...request.payload, allowWithoutUndo: true } };
    case 'deleteCategory':
      return { kind: request.kind, payload: { ...request.payload, allowWithoutUndo: true } };
  }
}

function sendRemoval(client: Client, request: RemovalRequest): Promise<DeletionReport> {
  switch (request.kind) {
    case 'deleteOptional':
      return client.request(request.kind, request.payload);
    case 'deleteCookies':
      return client.request(request.kind, request.payload);
    case 'deleteCategory':
      return client.request(request.kind, request.payload);
  }
}

export interface TabState {
  phase: Phase;
  view: TabView | null;
  /** The tab's cookies, kept in step with `view.cookies` by live changes. */
  records: CookieRecord[];
  error: string | null;
  busy: boolean;
  outcome: Outcome | null;
  /**
   * The worker's summary of every cookie while `records` holds only the first screen's (a `lead`
   * store's first snapshot); null once all have arrived, when the page summarises them itself.
   */
  leadSummary: CookieSummary | null;
  /** The undo history of the tab's cookie store, newest first; kept only with the `history` option. */
  history: HistoryBatch[];
}

export interface TabStoreOptions {
  /** Coalesces bursts of pushes into one notification; tests pass a synchronous one. */
  schedule?: (run: () => void) => void;
  /** Delay before the nth retry while the worker is unreachable, in milliseconds. */
  retryDelay?: (attempt: number) => number;
  /** How often to ask again while the tab is still loading, in milliseconds. */
  loadingPoll?: number;
  /**
   * How long to wait for the live port's opening snapshot before asking with a request. The worker
   * starts every port with one, so the request is only the fallback that notices a worker that
   * does not answer; sending both at once would make the worker build and send 1,000 cookies twice.
   */
  requestDelay?: number;
  timers?: { set(run: () => void, ms: number): unknown; clear(handle: unknown): void };
  /** Ask for the first screen in this order first: see PushMessage in src/shared/protocol.ts. */
  lead?: LeadOrder;
  /** Keep the undo history (the panel's Undo button): asked for at the start and after each action, then pushed. */
  history?: boolean;
  /**
   * Show the tab's first screen as the worker last kept it (Client.keptScreen) until the worker's
   * own snapshot arrives: a popup opened while the worker sleeps need not wait for it to start.
   */
  kept?: boolean;
}

/** Asking the worker again after a failed request: soon at first, at most every two seconds. */
const RETRY_BACKOFF = { baseMs: 150, maxMs: 2000 };

const defaultTimers = {
  set: (run: () => void, ms: number): unknown => setTimeout(run, ms),
  clear: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class TabStore {
  private state: TabState = {
    phase: 'loading',
    view: null,
    records: [],
    error: null,
    busy: false,
    outcome: null,
    leadSummary: null,
    history: [],
  };
  private readonly byKey = new Map<string, CookieRecord>();
  private readonly listeners = new Set<() => void>();
  /** Pushes that arrived before the first view, replayed on top of it. */
  private pending: PushMessage[] | null = [];
  /**
   * Once the live port has sent a snapshot, it alone is the truth: its messages arrive in order,
   * while an answer to a request may have been computed before the latest push.
   */
  private portSnapshot = false;
  private notifyQueued = false;
  private retryTimer: unknown = null;
  private attempt = 0;
  private unsubscribe: (() => void) | null = null;
  private stopped = false;
  private readonly schedule: (run: () => void) => void;
  private readonly retryDelay: (attempt: number) => number;
  private readonly loadingPoll: number;
  private readonly requestDelay: number;
  private readonly timers: NonNullable<TabStoreOptions['timers']>;
  private readonly lead: LeadOrder | undefined;
  private readonly keepHistory: boolean;
  private readonly useKept: boolean;
  /** The worker has sent a snapshot on some port since the page opened (for the benchmark's mark). */
  private heardWorker = false;

  constructor(
    private readonly client: Client,
    readonly tabId: number,
    options: TabStoreOptions = {},
  ) {
    this.schedule = options.schedule ?? ((run) => setTimeout(run, 0));
    this.retryDelay = options.retryDelay ?? ((n) => nextDelay(n, RETRY_BACKOFF));
    this.loadingPoll = options.loadingPoll ?? 750;
    this.requestDelay = options.requestDelay ?? 250;
    this.timers = options.timers ?? defaultTimers;
    this.lead = options.lead;
    this.keepHistory = options.history ?? false;
    this.useKept = options.kept ?? false;
  }

  getState(): TabState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listen first, then ask if need be: a change that lands in between is buffered, not lost. */
  start(): void {
    this.unsubscribe = this.client.subscribe(
      this.tabId,
      (message) => this.onPush(message),
      (state) => this.onLink(state),
      { lead: this.lead },
    );
    if (!this.portSnapshot) this.later(this.requestDelay);
    if (this.keepHistory) this.loadHistory();
    if (this.useKept) this.loadKept();
  }

  /** The kept first screen, if it comes before anything from the worker; the worker's own replaces it. */
  private loadKept(): void {
    const kept = this.client.keptScreen?.(this.tabId);
    void kept?.then((screen) => {
      if (!screen || this.stopped || this.state.view !== null) return;
      performance.mark('tab-store:kept-view');
      this.applySnapshot(screen.view, screen.lead ?? null);
      // Still the worker's to answer: a worker that sends nothing is noticed as without the kept screen.
      this.later(this.requestDelay);
      this.flush();
    });
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.timers.clear(this.retryTimer);
  }

  /** Ask again now (the Retry button). */
  retry(): void {
    this.timers.clear(this.retryTimer);
    this.attempt = 0;
    if (this.state.phase === 'failed') this.set({ phase: 'loading', error: null });
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const view = await this.client.request('getTabView', { tabId: this.tabId });
      if (this.stopped) return;
      this.attempt = 0;
      if (this.portSnapshot) {
        if (this.state.phase !== 'ready') this.set({ phase: 'ready', error: null });
        return;
      }
      this.applySnapshot(view);
      const buffered = this.pending ?? [];
      this.pending = null;
      for (const message of buffered) this.onPush(message);
      this.flush();
    } catch (error) {
      if (this.stopped) return;
      if (error instanceof WorkerUnavailableError) {
        this.set({ phase: 'restarting', error: errorText(error) });
        this.later(this.retryDelay(this.attempt++));
      } else {
        this.set({ phase: 'failed', error: errorText(error) });
      }
    }
  }

  private later(ms: number): void {
    this.timers.clear(this.retryTimer);
    this.retryTimer = this.timers.set(() => void this.load(), ms);
  }

  /**
   * While the port is down no change reaches the page, so the list is only as good as the last
   * push: say so, and fetch the cookies again. The next port's opening snapshot normally arrives
   * first and cancels the request; the request covers a worker that sends none.
   */
  private onLink(state: LinkState): void {
    if (this.stopped || this.state.phase === 'failed') return;
    if (state === 'lost') {
      this.portSnapshot = false;
      if (this.state.phase === 'ready') this.set({ phase: 'restarting', error: null });
      this.later(this.requestDelay);
    } else if (this.state.phase === 'restarting') {
      // The backoff may have grown while the worker was away; it is back now.
      this.attempt = 0;
      this.later(0);
    }
  }

  private loadHistory(): void {
    this.client.request('getHistory', { tabId: this.tabId }).then(
      (history) => {
        if (!this.stopped) this.set({ history });
      },
      // Kept as it was: the next push or action brings it up to date.
      () => undefined,
    );
  }

  private onPush(message: PushMessage): void {
    if (message.type === 'history') {
      if (this.keepHistory) this.set({ history: message.history });
      return;
    }
    if (message.type === 'snapshot') {
      if (message.view.tabId !== this.tabId) return;
      // A snapshot needs nothing before it: show it now rather than wait for the request.
      const first = this.state.view === null;
      if (!this.heardWorker) performance.mark('tab-store:worker-view');
      this.heardWorker = true;
      this.portSnapshot = true;
      this.pending = null;
      this.applySnapshot(message.view, message.lead ?? null);
      if (first) this.flush();
      else this.queueNotify();
      return;
    }
    if (message.type !== 'changes' || message.tabId !== this.tabId) return;
    if (this.pending) {
      this.pending.push(message);
      return;
    }
    for (const key of message.removals) this.byKey.delete(key);
    for (const record of message.upserts) this.byKey.set(record.key, record);
    // After a lead snapshot, the first changes are the rest of its cookies: now all are here.
    this.state = { ...this.state, records: [...this.byKey.values()], leadSummary: null };
    this.queueNotify();
  }

  private applySnapshot(view: TabView, leadSummary: CookieSummary | null = null): void {
    // For the benchmarks: splits open-to-usable into waiting for the worker and rendering.
    if (this.state.view === null) performance.mark('tab-store:first-view');
    this.byKey.clear();
    for (const record of view.cookies) this.byKey.set(record.key, record);
    const recovered = this.state.phase === 'restarting' || this.state.phase === 'loading';
    this.state = {
      ...this.state,
      phase: 'ready',
      error: null,
      view,
      records: [...this.byKey.values()],
      leadSummary,
      outcome: recovered && this.state.outcome?.kind === 'error' ? null : this.state.outcome,
    };
    this.timers.clear(this.retryTimer);
    // The worker pushes a snapshot once the page commits; asking again covers a missed push.
    if (view.status === 'loading' && !this.portSnapshot) this.later(this.loadingPoll);
  }

  async removeOptional(): Promise<void> {
    await this.act(() => requestRemoval(this.client, { kind: 'deleteOptional', payload: { tabId: this.tabId } }));
  }

  async removeCookie(cookie: BrowserCookie): Promise<void> {
    await this.removeCookies([cookie]);
  }

  /** Cookies the person picked, consequences accepted (the page spelt them out first). */
  async removeCookies(cookies: readonly BrowserCookie[]): Promise<void> {
    await this.act(() =>
      requestRemoval(this.client, {
        kind: 'deleteCookies',
        payload: { tabId: this.tabId, cookies: cookies.map(identityOf) },
      }),
    );
  }

  /** The person agreed to the removal the worker asked about, though it cannot be undone. */
  async removeWithoutUndo(): Promise<void> {
    const asked = this.state.outcome;
    if (asked?.kind !== 'no-undo') return;
    await this.act(() => requestRemoval(this.client, withoutUndo(asked.request)));
  }

  /** Every optional cookie of one category (the panel's per-category button). */
  async removeCategory(category: Category): Promise<void> {
    await this.act(() =>
      requestRemoval(this.client, { kind: 'deleteCategory', payload: { tabId: this.tabId, category } }),
    );
  }

  async undo(batchId: string): Promise<void> {
    await this.act(async () => ({ kind: 'restored', report: await this.client.request('undo', { batchId }) }));
  }

  async setIncludeUnknown(includeUnknown: boolean): Promise<void> {
    await this.act(async () => {
      const settings = await this.client.request('setIncludeUnknown', { includeUnknown });
      this.patchView({ includeUnknown: settings.includeUnknown });
      return this.state.outcome;
    });
  }

  async setSiteSettings(settings: SiteSettings): Promise<void> {
    const site = this.state.view?.site;
    if (!site) return;
    await this.act(async () => {
      const all = await this.client.request('setSiteSettings', { site, settings });
      this.patchView({ siteSettings: siteSettingsOf(all, site), includeUnknown: all.includeUnknown });
      return this.state.outcome;
    });
  }

  dismissOutcome(): void {
    this.set({ outcome: null });
  }

  private patchView(patch: Partial<TabView>): void {
    if (this.state.view) this.set({ view: { ...this.state.view, ...patch } });
  }

  private async act(run: () => Promise<Outcome | null>): Promise<void> {
    if (this.state.busy) return;
    this.set({ busy: true });
    try {
      this.set({ busy: false, outcome: await run() });
    } catch (error) {
      this.set({
        busy: false,
        outcome: { kind: 'error', message: errorText(error), workerDown: error instanceof WorkerUnavailableError },
      });
    }
    if (this.keepHistory) this.loadHistory();
  }

  private set(patch: Partial<TabState>): void {
    this.state = { ...this.state, ...patch };
    this.flush();
  }

  private queueNotify(): void {
    if (this.notifyQueued) return;
    this.notifyQueued = true;
    this.schedule(() => this.flush());
  }

  private flush(): void {
    this.notifyQueued = false;
    for (const listener of this.listeners) listener();
  }
}
