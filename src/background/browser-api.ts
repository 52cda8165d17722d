import type { BrowserCookie, PushMessage } from '../shared/protocol';

/**
 * The small slice of the browser the worker uses. `webextension-api.ts` adapts the real browser to it,
 * through webextension-polyfill as the pages do; unit tests pass fakes (test/fakes). Nothing else in
 * src/background touches the browser directly.
 */

export interface EventSource<A extends unknown[]> {
  addListener(callback: (...args: A) => void): void;
}

export type PartitionKey = NonNullable<BrowserCookie['partitionKey']>;

export type ChangeCause = 'evicted' | 'expired' | 'explicit' | 'expired_overwrite' | 'overwrite';

export interface CookieChange {
  removed: boolean;
  cookie: BrowserCookie;
  cause: ChangeCause;
}

export interface CookieQuery {
  name?: string;
  domain?: string;
  storeId?: string;
  /** Absent: unpartitioned cookies only. `{}`: unpartitioned plus every partition. */
  partitionKey?: PartitionKey;
}

export interface CookieTarget {
  url: string;
  name: string;
  storeId?: string;
  partitionKey?: PartitionKey;
}

export interface CookieSetDetails {
  url: string;
  name: string;
  value: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: BrowserCookie['sameSite'];
  storeId: string;
  /** Only for domain cookies: passing it makes a host-only cookie a domain cookie. */
  domain?: string;
  /** Only for persistent cookies: a session cookie has none. */
  expirationDate?: number;
  partitionKey?: PartitionKey;
}

export interface CookieStore {
  id: string;
  tabIds: number[];
}

export interface CookiesApi {
  /**
   * The store of ordinary tabs: `0` in Chromium, `firefox-default` in Firefox. It is used for a tab
   * whose store is not known yet, and read even when no tab is open.
   */
  readonly defaultStoreId: string;
  getAll(query: CookieQuery): Promise<BrowserCookie[]>;
  /** Resolves with whatever the browser reports; callers verify with `getAll`, never trust this. */
  set(details: CookieSetDetails): Promise<unknown>;
  /** Resolves even when nothing was removed. */
  remove(target: CookieTarget): Promise<unknown>;
  getAllCookieStores(): Promise<CookieStore[]>;
  onChanged: EventSource<[CookieChange]>;
}

export interface StorageArea {
  /** `null`: everything in the area. */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface TabInfo {
  id: number;
  url?: string;
  pendingUrl?: string;
  active: boolean;
  windowId: number;
  incognito: boolean;
}

export interface TabsApi {
  /** Null when the tab does not exist (any more). */
  get(tabId: number): Promise<TabInfo | null>;
  query(query: { active?: boolean }): Promise<TabInfo[]>;
  onRemoved: EventSource<[number]>;
  /** (addedTabId, removedTabId): prerendering and instant pages swap a tab for another. */
  onReplaced: EventSource<[number, number]>;
  onActivated: EventSource<[{ tabId: number; windowId: number }]>;
  /** Only the URL matters here: a same-document navigation changes it without a commit. */
  onUpdated: EventSource<[number, { url?: string }]>;
}

export interface NavigationDetails {
  tabId: number;
  frameId: number;
  url: string;
  /** 'prerender' documents are not (yet) what the tab shows. */
  documentLifecycle?: string;
  /** The document that committed (Chrome 106+). */
  documentId?: string;
}

export interface FrameInfo {
  frameId: number;
  url: string;
}

export interface WebNavigationApi {
  getAllFrames(tabId: number): Promise<FrameInfo[]>;
  onCommitted: EventSource<[NavigationDetails]>;
}

export interface RequestDetails {
  tabId: number;
  frameId: number;
  url: string;
  /** 'main_frame' for the top-level document, its redirects included. */
  type: string;
  /** The same for a request and its redirects, so a new navigation can be told from a redirect. */
  requestId?: string;
  /** The document that made the request, and its parent for a frame's document (Chrome 106+). */
  documentId?: string;
  parentDocumentId?: string;
}

export interface WebRequestApi {
  /** Every request of every tab, observed without blocking. */
  onBeforeRequest: EventSource<[RequestDetails]>;
}

export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

export interface PortLike {
  name: string;
  sender?: MessageSender;
  postMessage(message: PushMessage): void;
  disconnect(): void;
  onDisconnect: EventSource<[PortLike]>;
  /** What the page sends; only REST_REQUEST means anything (live-ports.ts). */
  onMessage: EventSource<[unknown]>;
}

export type MessageListener = (
  message: unknown,
  sender: MessageSender,
  sendResponse: (response: unknown) => void,
) => boolean | undefined;

export interface RuntimeApi {
  id: string;
  getURL(path: string): string;
  onMessage: { addListener(callback: MessageListener): void };
  onConnect: EventSource<[PortLike]>;
}

export interface BrowserApi {
  cookies: CookiesApi;
  /** Settings only: it reaches the disk, so never a cookie value. */
  storageLocal: StorageArea;
  /** Memory only, cleared when the browser closes: tab hosts, undo history. */
  storageSession: StorageArea;
  tabs: TabsApi;
  webNavigation: WebNavigationApi;
  webRequest: WebRequestApi;
  action: ActionApi;
  runtime: RuntimeApi;
  /**
   * Whether the person still lets the extension read a site: Firefox lets them withdraw a host
   * permission in the add-on's settings, Chrome lets them restrict it to chosen sites. Absent in
   * fakes that grant everything.
   */
  permissions?: PermissionsApi;
}

export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}
