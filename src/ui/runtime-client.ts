import { nextDelay } from '../shared/backoff';
import {
  type Client,
  KEPT_SCREEN_PREFIX,
  type KeptScreen,
  LEAD_PORT_SUFFIXES,
  type LeadOrder,
  LIVE_PORT_PREFIX,
  type LinkState,
  type PushMessage,
  REST_REQUEST,
  type Reply,
  type RequestKind,
  type RequestOf,
  type ResponseOf,
} from '../shared/protocol';
import { errorText, RequestFailedError, WorkerUnavailableError } from './client-errors';

/** The part of `chrome.runtime` the client uses, so tests can hand in a fake. */
export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): PortLike;
}

export interface PortLike {
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  postMessage(message: unknown): void;
  disconnect(): void;
}

export interface RuntimeClientOptions {
  /** Milliseconds before reconnecting a dropped live port. */
  reconnectDelay?: number;
  /** The page's `permissions` API, to ask for site access back. */
  permissions?: { request(permissions: { origins: string[] }): Promise<boolean> };
  /** Runs `task` once the page has painted what it has now (tests pass a stand-in). */
  afterPaint?(task: () => void): void;
  /** Where the worker keeps each tab's first screen, and the tab's address now (see Client.keptScreen). */
  kept?: {
    storage: { get(key: string): Promise<Record<string, unknown>> };
    tabUrl(tabId: number): Promise<string | undefined>;
  };
}

/**
 * The task after the next frame: a frame callback runs before the paint, a message posted from it
 * after. A hidden page gets no frames, so a timer stands in after a while.
 */
export function afterNextPaint(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  const fallback = setTimeout(run, 200);
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      clearTimeout(fallback);
      run();
    };
    channel.port2.postMessage(null);
  });
}

const RECONNECT_MAX_MS = 5000;

/**
 * The first reconnect waits what the page asked for (even 0, or more than the cap); later ones
 * double from there, from 1 ms if that was 0 so a worker that keeps dropping the port is not
 * reconnected to in a tight loop.
 */
function reconnectWait(attempt: number, firstMs: number): number {
  if (attempt === 0) return firstMs;
  return nextDelay(attempt - 1, { baseMs: firstMs * 2 || 1, maxMs: RECONNECT_MAX_MS });
}

/** What the manifest asks for: every web page, so that any tab's cookies can be read. */
const ALL_SITES = ['http://*/*', 'https://*/*'];

/**
 * The only code in the pages that talks to the worker. A dropped port means the worker stopped
 * (idle shutdown, crash, update): reconnecting wakes it, and the worker starts every connection
 * with a snapshot, which covers whatever changed while no one was listening.
 */
export function createRuntimeClient(runtime: RuntimeLike, options: RuntimeClientOptions = {}): Client {
  const reconnectDelay = options.reconnectDelay ?? 250;
  const afterPaint = options.afterPaint ?? afterNextPaint;
  // Checked here: a bad one would otherwise only throw later, inside a port's disconnect listener.
  if (!(reconnectDelay >= 0)) throw new RangeError(`reconnectDelay must be 0 ms or more, not ${reconnectDelay}`);

  async function request<K extends RequestKind>(kind: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    let reply: unknown;
    try {
      reply = await runtime.sendMessage({ kind, payload });
    } catch (error) {
      throw new WorkerUnavailableError(errorText(error));
    }
    if (!isReply(reply)) throw new WorkerUnavailableError(`no answer to ${kind}`);
    if (!reply.ok) throw new RequestFailedError(reply.error);
    return reply.value as ResponseOf<K>;
  }

  function subscribe(
    tabId: number,
    onPush: (message: PushMessage) => void,
    onLink?: (state: LinkState) => void,
    options: { lead?: LeadOrder } = {},
  ): () => void {
    let closed = false;
    let port: PortLike | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Connecting succeeds even while the worker is down; only a message shows that it is back.
    let lost = false;

    // Reconnects since the worker last said a word: the wait grows with them, and starts over on a message.
    let attempt = 0;
    const again = () => {
      port = null;
      if (closed) return;
      if (!lost) {
        lost = true;
        onLink?.('lost');
      }
      timer = setTimeout(connect, reconnectWait(attempt++, reconnectDelay));
    };
    const connect = () => {
      if (closed) return;
      let current: PortLike;
      try {
        const suffix = options.lead ? LEAD_PORT_SUFFIXES[options.lead] : '';
        current = runtime.connect({ name: `${LIVE_PORT_PREFIX}${tabId}${suffix}` });
      } catch {
        again();
        return;
      }
      port = current;
      current.onMessage.addListener((message) => {
        attempt = 0;
        if (closed) return;
        if (lost) {
          lost = false;
          onLink?.('restored');
        }
        if (!isPush(message)) return;
        onPush(message);
        // A first screen (see PushMessage): the rest is asked for once it is on screen.
        if (message.type === 'snapshot' && message.lead) {
          afterPaint(() => {
            if (closed || current !== port) return;
            try {
              current.postMessage(REST_REQUEST);
            } catch {
              // The port dropped meanwhile: reconnecting starts over with a new first screen.
            }
          });
        }
      });
      current.onDisconnect.addListener(again);
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(timer);
      port?.disconnect();
    };
  }

  const kept = options.kept;
  async function keptScreen(tabId: number): Promise<KeptScreen | null> {
    if (!kept) return null;
    const key = `${KEPT_SCREEN_PREFIX}${tabId}`;
    try {
      const [stored, url] = await Promise.all([kept.storage.get(key), kept.tabUrl(tabId)]);
      const screen = stored[key];
      // The worker keeps it from the tab's address then: another address now means another page.
      return isKeptScreen(screen, tabId) && screen.view.url === (url || null) ? screen : null;
    } catch {
      // Nothing to show early: the worker's own snapshot follows anyway.
      return null;
    }
  }

  const permissions = options.permissions;
  return {
    request,
    subscribe,
    keptScreen,
    ...(permissions ? { requestSiteAccess: () => permissions.request({ origins: ALL_SITES }) } : {}),
  };
}

function isKeptScreen(value: unknown, tabId: number): value is KeptScreen {
  const screen = value as KeptScreen | null | undefined;
  return (
    screen?.type === 'snapshot' &&
    typeof screen.keptAt === 'number' &&
    screen.view?.tabId === tabId &&
    Array.isArray(screen.view.cookies)
  );
}

function isReply(value: unknown): value is Reply<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function isPush(value: unknown): value is PushMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'snapshot' || type === 'changes' || type === 'history';
}
