import type {
  ActionApi,
  BrowserApi,
  FrameInfo,
  MessageListener,
  MessageSender,
  NavigationDetails,
  PortLike,
  RequestDetails,
  RuntimeApi,
  TabInfo,
  TabsApi,
  WebNavigationApi,
  WebRequestApi,
} from '../../src/background/browser-api';
import type { PushMessage, Reply } from '../../src/shared/protocol';
import { FakeCookieStore } from './fake-cookie-store';
import { FakeEvent } from './fake-event';
import { FakeStorageArea } from './fake-storage';

/**
 * A whole fake browser for the worker: cookies, both storage areas, tabs with their frames, request
 * and navigation events, the toolbar action and the runtime (messages, ports). Browsing helpers
 * fire events in the order Chromium does. `stopWorker` drops every listener, as MV3 does when it
 * stops an idle worker; storage and cookies stay, so a new worker can be started on the same
 * browser.
 */

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
export const POPUP_SENDER: MessageSender = {
  id: EXTENSION_ID,
  url: `${EXTENSION_ORIGIN}/src/popup/index.html`,
  origin: EXTENSION_ORIGIN,
};

interface FakeTab extends TabInfo {
  frames: FrameInfo[];
  /** The document the tab shows, and the one its navigation in progress will commit. */
  documentId: string | null;
  nextDocumentId: string | null;
}

export class FakePort implements PortLike {
  readonly received: PushMessage[] = [];
  readonly onDisconnect = new FakeEvent<[PortLike]>();
  readonly onMessage = new FakeEvent<[unknown]>();
  disconnected = false;

  constructor(
    readonly name: string,
    readonly sender: MessageSender,
  ) {}

  postMessage(message: PushMessage): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.received.push(structuredClone(message));
  }

  disconnect(): void {
    this.disconnected = true;
  }

  /** The page sends `message` to the worker. */
  send(message: unknown): void {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.onMessage.emit(structuredClone(message));
  }

  /** The page closes. */
  close(): void {
    this.disconnected = true;
    this.onDisconnect.emit(this);
  }
}

export class FakeBrowser {
  readonly cookies: FakeCookieStore;
  readonly storageLocal = new FakeStorageArea();
  readonly storageSession = new FakeStorageArea();
  readonly badges = new Map<number, string>();
  private readonly tabs = new Map<number, FakeTab>();
  private nextTabId = 1;
  private requestIds = 0;
  private documentIds = 0;
  private readonly events = {
    tabRemoved: new FakeEvent<[number]>(),
    tabReplaced: new FakeEvent<[number, number]>(),
    tabActivated: new FakeEvent<[{ tabId: number; windowId: number }]>(),
    tabUpdated: new FakeEvent<[number, { url?: string }]>(),
    committed: new FakeEvent<[NavigationDetails]>(),
    request: new FakeEvent<[RequestDetails]>(),
    connect: new FakeEvent<[PortLike]>(),
  };
  private messageListeners: MessageListener[] = [];

  constructor(options: { now?: () => number; defaultStoreId?: string } = {}) {
    this.cookies = new FakeCookieStore({ now: options.now, defaultStoreId: options.defaultStoreId });
  }

  /** The interfaces a worker gets. */
  api(): BrowserApi {
    const tabs: TabsApi = {
      get: async (tabId) => {
        const tab = this.tabs.get(tabId);
        return tab ? info(tab) : null;
      },
      query: async (query) =>
        [...this.tabs.values()].filter((t) => query.active === undefined || t.active === query.active).map(info),
      onRemoved: this.events.tabRemoved,
      onReplaced: this.events.tabReplaced,
      onActivated: this.events.tabActivated,
      onUpdated: this.events.tabUpdated,
    };
    const webNavigation: WebNavigationApi = {
      getAllFrames: async (tabId) => this.tabs.get(tabId)?.frames.map((f) => ({ ...f })) ?? [],
      onCommitted: this.events.committed,
    };
    const webRequest: WebRequestApi = { onBeforeRequest: this.events.request };
    const action: ActionApi = {
      setBadgeText: async ({ tabId, text }) => {
        this.badges.set(tabId, text);
      },
      setBadgeBackgroundColor: async () => undefined,
    };
    const runtime: RuntimeApi = {
      id: EXTENSION_ID,
      getURL: (path) => `${EXTENSION_ORIGIN}/${path.replace(/^\//, '')}`,
      onMessage: { addListener: (cb) => this.messageListeners.push(cb) },
      onConnect: this.events.connect,
    };
    return {
      cookies: this.cookies,
      storageLocal: this.storageLocal,
      storageSession: this.storageSession,
      tabs,
      webNavigation,
      webRequest,
      action,
      runtime,
    };
  }

  /** MV3 stops the worker: its listeners (and everything in its memory) are gone. */
  stopWorker(): void {
    for (const event of Object.values(this.events)) event.clear();
    this.cookies.onChanged.clear();
    this.messageListeners = [];
  }

  // ---- Tabs and browsing ----

  openTab(url?: string, options: { storeId?: string; active?: boolean } = {}): number {
    const id = this.nextTabId++;
    this.tabs.set(id, {
      id,
      url: '',
      active: false,
      windowId: 1,
      incognito: (options.storeId ?? this.cookies.defaultStoreId) !== this.cookies.defaultStoreId,
      frames: [],
      documentId: null,
      nextDocumentId: null,
    });
    const store = this.cookies.stores.find((s) => s.id === (options.storeId ?? this.cookies.defaultStoreId));
    if (store) store.tabIds.push(id);
    else this.cookies.stores.push({ id: options.storeId ?? this.cookies.defaultStoreId, tabIds: [id] });
    if (options.active ?? true) this.activate(id);
    if (url) this.navigate(id, url);
    return id;
  }

  /** A top-level navigation: the request (and its redirects), then the commit. */
  navigate(tabId: number, url: string, redirectsFrom: string[] = []): void {
    this.startNavigation(tabId, url, redirectsFrom);
    this.commitNavigation(tabId, url);
  }

  /** The requests of a top-level navigation; its response (and its cookies) come before the commit. */
  startNavigation(tabId: number, url: string, redirectsFrom: string[] = []): void {
    const tab = this.tab(tabId);
    tab.nextDocumentId = `doc-${++this.documentIds}`;
    // As in Chromium, a request and its redirects share one id; the next navigation gets another.
    const requestId = String(++this.requestIds);
    for (const hop of [...redirectsFrom, url]) {
      this.events.request.emit({ tabId, frameId: 0, url: hop, type: 'main_frame', requestId });
    }
  }

  commitNavigation(tabId: number, url: string): void {
    const tab = this.tab(tabId);
    tab.url = url;
    tab.frames = [{ frameId: 0, url }];
    tab.documentId = tab.nextDocumentId ?? `doc-${++this.documentIds}`;
    tab.nextDocumentId = null;
    this.events.committed.emit({ tabId, frameId: 0, url, documentId: tab.documentId });
    this.events.tabUpdated.emit(tabId, { url });
  }

  /**
   * A sub-resource of the page (script, image, fetch). With `beforeCommit`, it is one of the page
   * being navigated to, reported before that page's commit, as Chromium may under load.
   */
  loadResource(tabId: number, url: string, type = 'script', options: { beforeCommit?: boolean } = {}): void {
    const tab = this.tab(tabId);
    const documentId = (options.beforeCommit ? tab.nextDocumentId : tab.documentId) ?? undefined;
    this.events.request.emit({ tabId, frameId: 0, url, type, documentId });
  }

  /** An iframe: its document request, then its commit. */
  loadFrame(tabId: number, url: string): number {
    const tab = this.tab(tabId);
    const frameId = tab.frames.length + 100;
    this.events.request.emit({ tabId, frameId, url, type: 'sub_frame' });
    tab.frames.push({ frameId, url });
    this.events.committed.emit({ tabId, frameId, url });
    return frameId;
  }

  /** A same-document navigation (history.pushState): the URL changes, the document does not. */
  pushState(tabId: number, url: string): void {
    this.tab(tabId).url = url;
    this.events.tabUpdated.emit(tabId, { url });
  }

  closeTab(tabId: number): void {
    this.tabs.delete(tabId);
    for (const store of this.cookies.stores) store.tabIds = store.tabIds.filter((id) => id !== tabId);
    this.events.tabRemoved.emit(tabId);
  }

  /** A request a page sends as it goes away (a beacon on pagehide), seen after the tab closed. */
  sendBeaconAfterClose(tabId: number, url: string): void {
    this.events.request.emit({ tabId, frameId: 0, url, type: 'ping' });
  }

  /** Closes a tab without telling anyone, as happens while the worker is stopped. */
  closeTabSilently(tabId: number): void {
    this.tabs.delete(tabId);
  }

  activate(tabId: number): void {
    for (const tab of this.tabs.values()) tab.active = tab.id === tabId;
    this.events.tabActivated.emit({ tabId, windowId: 1 });
  }

  // ---- Pages talking to the worker ----

  sendMessage<T = unknown>(message: unknown, sender: MessageSender = POPUP_SENDER): Promise<Reply<T>> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const respond = (response: unknown) => {
        answered = true;
        resolve(structuredClone(response) as Reply<T>);
      };
      let keptOpen = false;
      for (const listener of this.messageListeners) keptOpen = listener(message, sender, respond) === true || keptOpen;
      if (!answered && !keptOpen) reject(new Error('Could not establish connection. Receiving end does not exist.'));
    });
  }

  connect(name: string, sender: MessageSender = POPUP_SENDER): FakePort {
    const port = new FakePort(name, sender);
    this.events.connect.emit(port);
    return port;
  }

  hasWorker(): boolean {
    return this.messageListeners.length > 0;
  }

  private tab(tabId: number): FakeTab {
    const tab = this.tabs.get(tabId);
    if (!tab) throw new Error(`no tab ${tabId}`);
    return tab;
  }
}

function info(tab: FakeTab): TabInfo {
  return {
    id: tab.id,
    url: tab.url,
    active: tab.active,
    windowId: tab.windowId,
    incognito: tab.incognito,
  };
}
