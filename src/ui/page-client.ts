import type { Client, PushMessage } from '../shared/protocol';

/**
 * What happened to the live port: `lost` when it dropped (the worker stopped), `restored` when a
 * new one has started talking again.
 */
export type LinkState = 'lost' | 'restored';

/**
 * The client as the pages use it. A dropped port reconnects on its own, but until then the list
 * may be out of date: `onLink` lets the page say so instead of showing stale cookies as current.
 */
export interface PageClient extends Client {
  subscribe(tabId: number, onPush: (message: PushMessage) => void, onLink?: (state: LinkState) => void): () => void;
}
