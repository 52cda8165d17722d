import { identityOf } from '../../src/core/cookie-key';
import { removableInOneClick, removableWithCategory } from '../../src/core/deletion-policy';
import type { Category } from '../../src/core/types';
import { emptyCounts, summarize } from '../../src/shared/cookie-summary';
import { firstScreen } from '../../src/shared/first-screen';
import type {
  Client,
  CookieRecord,
  DeletionReport,
  HistoryBatch,
  KeptScreen,
  LeadOrder,
  LinkState,
  PushMessage,
  RequestKind,
  RequestOf,
  ResponseOf,
  Settings,
  TabView,
} from '../../src/shared/protocol';
import { siteSettingsOf } from '../../src/shared/protocol';
import { RequestFailedError, WorkerUnavailableError } from '../../src/ui/client-errors';

/**
 * A worker in memory, for rendering the pages without an extension: it answers every request the
 * way the protocol describes, pushes live changes, and can be told to fail. Tests and the component
 * fixture page drive it.
 */
export class FakeClient implements Client {
  readonly requests: Array<{ kind: RequestKind; payload: unknown }> = [];
  /** While true every request fails as if the worker were not running. */
  down = false;
  /** How long each request takes, for tests of what a page shows and does while it waits. */
  latencyMs = 0;
  private readonly failures = new Map<RequestKind, string>();
  private readonly listeners = new Map<number, Set<(message: PushMessage) => void>>();
  private readonly links = new Map<(message: PushMessage) => void, (state: LinkState) => void>();
  private readonly scheduled = new Set<Promise<void>>();
  private readonly batches = new Map<string, { tabId: number; records: CookieRecord[] }>();
  private nextBatch = 1;
  settings: Settings = { includeUnknown: false, sites: {} };
  /** Names of cookies the browser refuses to remove: they stay and are reported as failed. */
  readonly undeletable = new Set<string>();
  /**
   * Past this many cookies a removal could not be undone: like the worker, it is refused until
   * asked again with `allowWithoutUndo`, and then done without an undo batch.
   */
  noUndoOver = Number.POSITIVE_INFINITY;

  constructor(private readonly views: Map<number, TabView> = new Map()) {}

  /** What `getHistory` answers; tests set it, and push it with `push(tabId, { type: 'history', ... })`. */
  history: HistoryBatch[] = [];

  /** What `keptScreen` finds for each tab (see Client.keptScreen); a promise to decide when it comes. */
  readonly keptScreens = new Map<number, KeptScreen | Promise<KeptScreen | null>>();

  async keptScreen(tabId: number): Promise<KeptScreen | null> {
    return (await this.keptScreens.get(tabId)) ?? null;
  }

  setView(view: TabView): void {
    this.views.set(view.tabId, view);
  }

  view(tabId: number): TabView | undefined {
    return this.views.get(tabId);
  }

  /** The next request of this kind fails with this error (as the worker would reply). */
  failNext(kind: RequestKind, error: string): void {
    this.failures.set(kind, error);
  }

  subscriberCount(tabId: number): number {
    return this.listeners.get(tabId)?.size ?? 0;
  }

  /** Like the worker, open every live port with a snapshot (unless the worker is down). */
  snapshotOnSubscribe = true;

  /**
   * The worker's live ports push what a request changed about 50 ms after the reply (they gather a
   * burst into one message): the pages see the outcome first and the cookies change after it.
   */
  pushDelay = 50;

  /**
   * When a page that asked for its first screen first gets the rest. The real page asks after its
   * next paint (runtime-client.ts); the panel's fixture page does the same, tests go on at once.
   */
  afterPaint: (task: () => void) => void = (task) => queueMicrotask(task);

  /** The first-screen order each subscriber asked for. */
  private readonly leads = new Map<(message: PushMessage) => void, LeadOrder>();

  subscribe(
    tabId: number,
    onPush: (message: PushMessage) => void,
    onLink?: (state: LinkState) => void,
    options: { lead?: LeadOrder } = {},
  ): () => void {
    const set = this.listeners.get(tabId) ?? new Set();
    set.add(onPush);
    this.listeners.set(tabId, set);
    if (onLink) this.links.set(onPush, onLink);
    if (options.lead) this.leads.set(onPush, options.lead);
    if (this.snapshotOnSubscribe && !this.down && this.views.has(tabId)) {
      queueMicrotask(() => {
        if (set.has(onPush)) this.sendSnapshot(tabId, onPush);
      });
    }
    return () => {
      set.delete(onPush);
      this.links.delete(onPush);
      this.leads.delete(onPush);
    };
  }

  push(tabId: number, message: PushMessage): void {
    for (const listener of this.listeners.get(tabId) ?? []) listener(message);
  }

  /** The worker stopped: every live port of the tab drops (the runtime client then reconnects). */
  dropPorts(tabId: number): void {
    for (const listener of this.listeners.get(tabId) ?? []) this.links.get(listener)?.('lost');
  }

  /** The ports are open again: like the worker, each starts with a snapshot (if it sends one). */
  reopenPorts(tabId: number): void {
    for (const listener of this.listeners.get(tabId) ?? []) {
      this.links.get(listener)?.('restored');
      if (this.snapshotOnSubscribe && this.views.has(tabId)) this.sendSnapshot(tabId, listener);
    }
  }

  /**
   * A port's opening snapshot, as the worker sends it: whole, or for a page that asked for its first
   * screen first, that screen with the summary of all, and the rest once the page asks (PushMessage).
   * A port copies only what it sends.
   */
  private sendSnapshot(tabId: number, onPush: (message: PushMessage) => void): void {
    const order = this.leads.get(onPush);
    const view = this.currentView(tabId, false);
    const lead = order ? firstScreen(view.cookies, order) : view.cookies;
    if (lead.length === view.cookies.length) {
      onPush({ type: 'snapshot', view: structuredClone(view) });
      return;
    }
    const inLead = new Set(lead.map((r) => r.key));
    onPush(
      structuredClone({
        type: 'snapshot',
        view: { ...view, cookies: lead },
        lead: summarize(view.cookies, view.includeUnknown),
      }),
    );
    this.afterPaint(() => {
      if (!this.listeners.get(tabId)?.has(onPush)) return;
      const rest = structuredClone(view.cookies.filter((r) => !inLead.has(r.key)));
      onPush({ type: 'changes', tabId, upserts: rest, removals: [] });
    });
  }

  /** Resolves once the pushes that earlier requests caused have been delivered. */
  async pushed(): Promise<void> {
    await Promise.all([...this.scheduled]);
  }

  private pushLater(tabId: number, message: PushMessage): void {
    const done = new Promise<void>((resolve) =>
      setTimeout(() => {
        this.scheduled.delete(done);
        this.push(tabId, message);
        resolve();
      }, this.pushDelay),
    );
    this.scheduled.add(done);
  }

  /** Cookies set or changed on the tab, pushed at once (tests drive the timing of outside changes). */
  upsert(tabId: number, records: CookieRecord[]): void {
    this.push(tabId, this.applyUpserts(tabId, records));
  }

  remove(tabId: number, keys: string[]): void {
    this.push(tabId, this.applyRemovals(tabId, keys));
  }

  private applyUpserts(tabId: number, records: CookieRecord[]): PushMessage {
    const view = this.mustView(tabId);
    const keys = new Set(records.map((r) => r.key));
    view.cookies = [...view.cookies.filter((r) => !keys.has(r.key)), ...records];
    return { type: 'changes', tabId, upserts: records, removals: [] };
  }

  private applyRemovals(tabId: number, keys: string[]): PushMessage {
    const view = this.mustView(tabId);
    const gone = new Set(keys);
    view.cookies = view.cookies.filter((r) => !gone.has(r.key));
    return { type: 'changes', tabId, upserts: [], removals: keys };
  }

  async request<K extends RequestKind>(kind: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    this.requests.push({ kind, payload });
    await (this.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.latencyMs)) : Promise.resolve());
    if (this.down) throw new WorkerUnavailableError('Could not establish connection. Receiving end does not exist.');
    const failure = this.failures.get(kind);
    if (failure !== undefined) {
      this.failures.delete(kind);
      throw new RequestFailedError(failure);
    }
    return this.answer(kind, payload) as ResponseOf<K>;
  }

  private answer(kind: RequestKind, payload: unknown): unknown {
    switch (kind) {
      case 'getTabView':
        return this.currentView((payload as RequestOf<'getTabView'>).tabId);
      case 'deleteOptional': {
        const { tabId, allowWithoutUndo } = payload as RequestOf<'deleteOptional'>;
        const view = this.mustView(tabId);
        return this.delete(
          tabId,
          view.cookies.filter((r) => removableInOneClick(r.label, this.settings.includeUnknown)),
          allowWithoutUndo,
        );
      }
      case 'deleteCookies': {
        const { tabId, cookies, allowWithoutUndo } = payload as RequestOf<'deleteCookies'>;
        const view = this.mustView(tabId ?? -1);
        const wanted = new Set(cookies.map((c) => `${c.storeId}|${c.domain}|${c.path}|${c.name}`));
        return this.delete(
          view.tabId,
          view.cookies.filter(({ cookie: c }) => wanted.has(`${c.storeId}|${c.domain}|${c.path}|${c.name}`)),
          allowWithoutUndo,
        );
      }
      case 'deleteCategory': {
        const { tabId, category, allowWithoutUndo } = payload as RequestOf<'deleteCategory'>;
        const view = this.mustView(tabId);
        return this.delete(
          tabId,
          view.cookies.filter((r) => removableWithCategory(r.label, category)),
          allowWithoutUndo,
        );
      }
      case 'undo': {
        const { batchId } = payload as RequestOf<'undo'>;
        const batch = this.batches.get(batchId);
        if (!batch) throw new RequestFailedError(`No removal ${batchId} to undo.`);
        this.batches.delete(batchId);
        this.pushLater(batch.tabId, this.applyUpserts(batch.tabId, batch.records));
        return { batchId, restored: batch.records.length, expired: [], failed: [] };
      }
      case 'getHistory':
        return structuredClone(this.history);
      case 'getSettings':
        return structuredClone(this.settings);
      case 'setIncludeUnknown':
        this.settings = {
          ...this.settings,
          includeUnknown: (payload as RequestOf<'setIncludeUnknown'>).includeUnknown,
        };
        return structuredClone(this.settings);
      case 'setSiteSettings': {
        const { site, settings } = payload as RequestOf<'setSiteSettings'>;
        this.settings = { ...this.settings, sites: { ...this.settings.sites, [site]: settings } };
        return structuredClone(this.settings);
      }
    }
  }

  private delete(tabId: number, wanted: CookieRecord[], allowWithoutUndo = false): DeletionReport {
    const undoable = wanted.length <= this.noUndoOver;
    if (!undoable && !allowWithoutUndo) {
      return {
        batchId: null,
        removed: emptyCounts(),
        removedTotal: 0,
        vanished: [],
        failed: [],
        needsConfirmation: { reason: 'no-undo', cookies: wanted.length },
      };
    }
    const failed = wanted
      .filter((r) => this.undeletable.has(r.cookie.name))
      .map((r) => ({ identity: identityOf(r.cookie), error: `the browser kept ${r.cookie.name}` }));
    const records = wanted.filter((r) => !this.undeletable.has(r.cookie.name));
    const removed: Record<Category, number> = emptyCounts();
    for (const r of records) removed[r.label.category]++;
    const batchId = records.length > 0 && undoable ? `batch-${this.nextBatch++}` : null;
    if (batchId) this.batches.set(batchId, { tabId, records });
    if (records.length > 0)
      this.pushLater(
        tabId,
        this.applyRemovals(
          tabId,
          records.map((r) => r.key),
        ),
      );
    return { batchId, removed, removedTotal: records.length, vanished: [], failed };
  }

  /** The view as the worker would send it: a copy, as a port or a reply makes one, unless `copied` is false. */
  private currentView(tabId: number, copied = true): TabView {
    const view = this.mustView(tabId);
    const current = {
      ...view,
      includeUnknown: this.settings.includeUnknown,
      siteSettings: siteSettingsOf(this.settings, view.site),
    };
    return copied ? structuredClone(current) : current;
  }

  private mustView(tabId: number): TabView {
    const view = this.views.get(tabId);
    if (!view) throw new RequestFailedError(`No tab ${tabId}.`);
    return view;
  }
}
