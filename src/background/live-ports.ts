import { summarize } from '../shared/cookie-summary';
import { firstScreen } from '../shared/first-screen';
import {
  type CookieRecord,
  type CookieSummary,
  type HistoryBatch,
  type LeadOrder,
  type PushMessage,
  REST_REQUEST,
  type TabView,
} from '../shared/protocol';
import type { PortLike } from './browser-api';
import { realTimers, type Timers } from './timers';

/**
 * Live updates for open popups and panels, one port per page and tab. After the first snapshot a
 * page gets only what changed (cookies added or changed, keys removed), computed by diffing the
 * tab's cookies against what was last sent, after a short delay so a burst becomes one message.
 * A navigation or a settings change sends a fresh snapshot. Ports die with the worker; pages
 * reconnect, and every connection starts with a snapshot, so nothing here must survive a restart.
 */

export interface TabSnapshot {
  view: TabView;
  /** Mirror version of each cookie in the view, by key. */
  versions: ReadonlyMap<string, number>;
}

interface Subscriber {
  port: PortLike;
  tabId: number;
  sent: ReadonlyMap<string, number>;
  /** The view's page and settings as last sent: when they change, a snapshot is due. */
  frame: string;
  /** Sent the first screen only, and waiting for the page to ask for the rest (REST_REQUEST). */
  held: boolean;
}

export class LivePorts {
  private readonly subscribers = new Set<Subscriber>();
  private readonly dirty = new Set<number>();
  private timer: unknown = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly snapshot: (tabId: number) => Promise<TabSnapshot>,
    private readonly delayMs = 50,
    private readonly timers: Timers = realTimers,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  /** With `lead`, the first snapshot comes in two parts: the first screen, then the rest (see PushMessage). */
  async connect(port: PortLike, tabId: number, options: { lead?: LeadOrder } = {}): Promise<void> {
    const subscriber: Subscriber = { port, tabId, sent: new Map(), frame: '', held: false };
    this.subscribers.add(subscriber);
    port.onDisconnect.addListener(() => this.subscribers.delete(subscriber));
    port.onMessage.addListener((message) => {
      if (message === REST_REQUEST) void this.release(subscriber);
    });
    try {
      const snapshot = await this.snapshot(tabId);
      if (options.lead) this.sendInTwo(subscriber, snapshot, options.lead);
      else await this.send(subscriber, snapshot);
    } catch (error) {
      // A tab that closed in the meantime: nothing to show, the page will notice.
      this.subscribers.delete(subscriber);
      port.disconnect();
      console.warn(`Cookie Inspector: no live view for tab ${tabId}`, error);
    }
  }

  /** Something that may change what this tab shows happened. */
  markTab(tabId: number): void {
    if (![...this.subscribers].some((s) => s.tabId === tabId)) return;
    this.dirty.add(tabId);
    this.schedule();
  }

  markAll(): void {
    for (const s of this.subscribers) this.dirty.add(s.tabId);
    if (this.dirty.size > 0) this.schedule();
  }

  pushHistory(history: HistoryBatch[]): void {
    this.post({ type: 'history', history });
  }

  /** Resolves once no push is pending. */
  async settled(): Promise<void> {
    while (this.timer !== null) await new Promise((r) => setTimeout(r, this.delayMs));
    await this.flushing;
  }

  private schedule(): void {
    if (this.timer !== null) return;
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.flushing = this.flushing.then(() => this.flush());
    }, this.delayMs);
  }

  private async flush(): Promise<void> {
    const tabs = [...this.dirty];
    this.dirty.clear();
    for (const tabId of tabs) {
      // A page still painting its first screen gets every change with the rest, when it asks.
      const subscribers = [...this.subscribers].filter((s) => s.tabId === tabId && !s.held);
      if (subscribers.length === 0) continue;
      let snapshot: TabSnapshot;
      try {
        snapshot = await this.snapshot(tabId);
      } catch {
        continue;
      }
      for (const subscriber of subscribers) await this.send(subscriber, snapshot);
    }
  }

  /** What changed since the page's last message; with `evenIfNothing`, an empty `changes` too. */
  private async send(subscriber: Subscriber, snapshot: TabSnapshot, evenIfNothing = false): Promise<void> {
    const { view, versions } = snapshot;
    const frame = frameOf(view);
    if (frame !== subscriber.frame) {
      this.postTo(subscriber, { type: 'snapshot', view });
    } else {
      const upserts = view.cookies.filter((r) => subscriber.sent.get(r.key) !== versions.get(r.key));
      const removals = [...subscriber.sent.keys()].filter((key) => !versions.has(key));
      if (upserts.length === 0 && removals.length === 0 && !evenIfNothing) return;
      this.postTo(subscriber, { type: 'changes', tabId: view.tabId, upserts, removals });
    }
    subscriber.frame = frame;
    subscriber.sent = versions;
  }

  /**
   * A long list crosses to the page in two messages: the first screen's rows with the summary of
   * all, which the page can show at once, then the rest, once the page has painted and asks for it
   * (`release`). Chrome copies a message as a whole before the page sees any of it, so one message
   * of every cookie keeps the page waiting for all of them; and the rest arriving before the first
   * paint would hold that paint up as much.
   */
  private sendInTwo(subscriber: Subscriber, snapshot: TabSnapshot, order: LeadOrder): void {
    const { view, versions } = snapshot;
    const split = splitForLead(view.cookies, view.includeUnknown, order);
    if (split === null) {
      void this.send(subscriber, snapshot);
      return;
    }
    this.postTo(subscriber, toLead(view, order));
    subscriber.frame = frameOf(view);
    subscriber.sent = new Map(split.lead.map((r) => [r.key, versions.get(r.key) ?? -1]));
    subscriber.held = true;
  }

  /**
   * The rest of a held page's cookies, as they are now: whatever changed since its first screen
   * comes with them. Always a message, even an empty one, since it tells the page it has them all.
   */
  private async release(subscriber: Subscriber): Promise<void> {
    if (!subscriber.held) return;
    subscriber.held = false;
    let snapshot: TabSnapshot;
    try {
      snapshot = await this.snapshot(subscriber.tabId);
    } catch {
      return;
    }
    await this.send(subscriber, snapshot, true);
  }

  private post(message: PushMessage): void {
    for (const subscriber of this.subscribers) this.postTo(subscriber, message);
  }

  private postTo(subscriber: Subscriber, message: PushMessage): void {
    try {
      subscriber.port.postMessage(message);
    } catch {
      // The page closed between our last check and this message.
      this.subscribers.delete(subscriber);
    }
  }
}

/** The view's page and settings: when they change, a page needs a new snapshot, not changes. */
function frameOf(view: TabView): string {
  return JSON.stringify([view.url, view.site, view.status, view.siteSettings, view.includeUnknown]);
}

interface LeadSplit {
  lead: CookieRecord[];
  summary: CookieSummary;
}

/**
 * A tab's view is kept ready while its cookies do not change (tab-view.ts), and so are its splits:
 * the popup opened again on an unchanged tab sends what it sent last time without sorting and
 * counting every cookie again. One split per order and unknown-cookie setting.
 */
const splits = new WeakMap<readonly CookieRecord[], Map<string, LeadSplit | null>>();

/** The first snapshot a page asking for `order` is sent: its first screen and the summary of all, or all. */
export function toLead(view: TabView, order: LeadOrder): Extract<PushMessage, { type: 'snapshot' }> {
  const split = splitForLead(view.cookies, view.includeUnknown, order);
  return split
    ? { type: 'snapshot', view: { ...view, cookies: split.lead }, lead: split.summary }
    : { type: 'snapshot', view };
}

/** The first screen's records and the summary of all; null when the first screen is all. */
function splitForLead(cookies: readonly CookieRecord[], includeUnknown: boolean, order: LeadOrder): LeadSplit | null {
  const id = `${order}:${includeUnknown}`;
  let known = splits.get(cookies);
  if (!known) {
    known = new Map();
    splits.set(cookies, known);
  }
  const cached = known.get(id);
  if (cached !== undefined) return cached;
  const lead = firstScreen(cookies, order);
  let split: LeadSplit | null = null;
  if (lead.length < cookies.length) split = { lead, summary: summarize(cookies, includeUnknown) };
  known.set(id, split);
  return split;
}
