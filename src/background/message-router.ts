import {
  LEAD_ORDERS,
  LEAD_PORT_SUFFIXES,
  type LeadOrder,
  LIVE_PORT_PREFIX,
  type Reply,
  type RequestKind,
  type RequestOf,
  type ResponseOf,
} from '../shared/protocol';
import type { MessageListener, MessageSender, PortLike, RuntimeApi } from './browser-api';
import { validateRequest } from './request-schemas';

/**
 * The one entry point for requests and live ports. Only the extension's own pages (popup, devtools
 * panel, any page under its origin) are answered; content scripts and web pages are rejected.
 * A request that arrives while the worker is starting waits for it to be ready.
 */

export type Handlers = { [K in RequestKind]: (payload: RequestOf<K>) => Promise<ResponseOf<K>> };

export function isOwnPage(sender: MessageSender | undefined, runtime: Pick<RuntimeApi, 'id' | 'getURL'>): boolean {
  if (!sender || sender.id !== runtime.id || !sender.url) return false;
  const ownOrigin = originOf(runtime.getURL('/'));
  if (ownOrigin === null || originOf(sender.url) !== ownOrigin) return false;
  // Chrome fills in `origin` for senders with a document; when present it must agree.
  return sender.origin === undefined || sender.origin === ownOrigin;
}

// Scheme and host spelled out: outside Chrome, URL.origin of a chrome-extension: URL is "null".
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

export function createMessageListener(
  runtime: Pick<RuntimeApi, 'id' | 'getURL'>,
  handlers: Handlers,
  ready: () => Promise<void>,
): MessageListener {
  return (message, sender, sendResponse) => {
    if (!isOwnPage(sender, runtime)) {
      sendResponse(reject('only the extension’s own pages may talk to its worker'));
      return false;
    }
    let request: ReturnType<typeof validateRequest>;
    try {
      request = validateRequest(message);
    } catch (error) {
      sendResponse(reject((error as Error).message));
      return false;
    }
    const handler = handlers[request.kind] as (payload: unknown) => Promise<unknown>;
    ready()
      .then(() => handler(request.payload))
      .then(
        (value) => sendResponse({ ok: true, value } satisfies Reply<unknown>),
        (error: unknown) => sendResponse(reject(error instanceof Error ? error.message : String(error))),
      );
    // Keeps the channel open for the asynchronous answer.
    return true;
  };
}

export function createConnectListener(
  runtime: Pick<RuntimeApi, 'id' | 'getURL'>,
  onLivePort: (port: PortLike, tabId: number, options: { lead?: LeadOrder }) => void,
): (port: PortLike) => void {
  return (port) => {
    if (!port.name.startsWith(LIVE_PORT_PREFIX)) return;
    const suffix = port.name.slice(LIVE_PORT_PREFIX.length);
    const lead = LEAD_ORDERS.find((order) => suffix.endsWith(LEAD_PORT_SUFFIXES[order]));
    const tabId = lead ? suffix.slice(0, -LEAD_PORT_SUFFIXES[lead].length) : suffix;
    if (!isOwnPage(port.sender, runtime) || !/^\d{1,15}$/.test(tabId)) {
      port.disconnect();
      return;
    }
    onLivePort(port, Number(tabId), lead ? { lead } : {});
  };
}

function reject(error: string): Reply<never> {
  return { ok: false, error };
}
