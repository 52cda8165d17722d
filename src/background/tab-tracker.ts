import { siteOfUrl } from '../core/domains';
import type { NavigationDetails, RequestDetails } from './browser-api';
import type { StorageWriter } from './storage-writer';
import { parseStoredTab, type StoredTab } from './stored-schemas';

/**
 * Which hosts each tab has loaded something from since its last top-level navigation: the page,
 * its frames and every sub-resource. That decides which cookies belong to the tab (tab-cookies.ts).
 * Every change is written through to storage.session, so a restarted worker answers for tabs it
 * saw before it was stopped.
 */

export const TAB_KEY_PREFIX = 'tab:';
/** A long-lived single-page app can touch many hosts; past this many, new ones are not recorded. */
export const MAX_HOSTS_PER_TAB = 1000;
/** How many not-yet-committed documents of one tab have their early hosts remembered. */
const MAX_EARLY_DOCUMENTS = 8;

export interface TabState {
  readonly tabId: number;
  /** The committed top-level URL, or null before the first commit we saw. */
  url: string | null;
  /** Registrable domain of `url` when it is a web page; kept with it, as every cookie event asks. */
  site: string | null;
  hosts: Set<string>;
  /** Hosts of the top-level navigation in progress (its redirects), merged in when it commits. */
  pending: Set<string>;
  /**
   * Where the navigation in progress is going (its latest request). The document's own response
   * sets its cookies before the commit, so cleaning must already apply the destination's policy.
   */
  pendingUrl: string | null;
  pendingSite: string | null;
  /** The request of the navigation in progress: another id is another navigation. */
  pendingRequestId: string | null;
  /** The document the tab shows, once a commit has said which. */
  documentId: string | null;
  /**
   * Hosts that documents not committed yet have loaded from. The browser may report a new page's
   * first sub-resources before its commit; the commit, which starts the tab's hosts afresh, keeps
   * those of its own document. Only in memory: a restart re-reads the frames.
   */
  early: Map<string, Set<string>>;
  /** The tab's cookie store, once known. */
  storeId: string | null;
}

export type TabChange = 'navigated' | 'hosts' | 'url' | 'closed';

/** How many closed tab ids are remembered, to ignore the requests they still send. */
export const MAX_CLOSED_TABS = 1000;

export class TabTracker {
  private readonly tabs = new Map<number, TabState>();
  /**
   * Tabs closed lately. A closing page still sends requests (beacons and keepalive fetches on
   * pagehide) whose events can come after `tabs.onRemoved`; without this they would bring the tab
   * back as state that nothing removes. Chrome never reuses a tab id within a session.
   */
  private readonly closed = new Set<number>();

  constructor(
    private readonly writer: StorageWriter,
    private readonly onChange: (tabId: number, change: TabChange) => void,
  ) {}

  get(tabId: number): TabState | undefined {
    return this.tabs.get(tabId);
  }

  all(): IterableIterator<TabState> {
    return this.tabs.values();
  }

  /** Takes back the tabs a previous run of the worker recorded; ignores anything malformed. */
  restore(stored: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(stored)) {
      if (!key.startsWith(TAB_KEY_PREFIX)) continue;
      const tabId = Number(key.slice(TAB_KEY_PREFIX.length));
      const tab = parseStoredTab(value);
      if (!Number.isInteger(tabId) || !tab) continue;
      this.tabs.set(tabId, {
        tabId,
        url: tab.url,
        site: siteOf(tab.url),
        hosts: new Set(tab.hosts),
        pending: new Set(tab.pending),
        pendingUrl: tab.pendingUrl,
        pendingSite: siteOf(tab.pendingUrl),
        pendingRequestId: tab.pendingRequestId ?? null,
        documentId: null,
        early: new Map(),
        storeId: tab.storeId,
      });
    }
  }

  /** Starts tracking a tab first seen now, from what is on screen: its URL and its frames. */
  seed(tabId: number, url: string | null, frameUrls: readonly string[], storeId: string | null): TabState {
    const state: TabState = {
      tabId,
      url,
      site: siteOf(url),
      hosts: new Set(),
      pending: new Set(),
      pendingUrl: null,
      pendingSite: null,
      pendingRequestId: null,
      documentId: null,
      early: new Map(),
      storeId,
    };
    for (const u of [url, ...frameUrls]) {
      const host = u ? webHost(u) : null;
      if (host) state.hosts.add(host);
    }
    this.tabs.set(tabId, state);
    this.persist(state);
    return state;
  }

  setStore(tabId: number, storeId: string): void {
    const state = this.tabs.get(tabId);
    if (!state || state.storeId === storeId) return;
    state.storeId = storeId;
    this.persist(state);
  }

  committed(details: NavigationDetails): void {
    if (details.tabId < 0 || details.documentLifecycle === 'prerender' || this.closed.has(details.tabId)) return;
    const host = webHost(details.url);
    const state = this.ensure(details.tabId);
    if (details.frameId === 0) {
      state.url = details.url;
      state.site = siteOf(details.url);
      state.hosts = new Set(state.pending);
      if (host) state.hosts.add(host);
      state.documentId = details.documentId ?? null;
      for (const early of state.documentId ? (state.early.get(state.documentId) ?? []) : []) state.hosts.add(early);
      state.early.clear();
      state.pending.clear();
      state.pendingUrl = null;
      state.pendingSite = null;
      state.pendingRequestId = null;
      this.persist(state);
      this.onChange(details.tabId, 'navigated');
    } else if (host) {
      this.addHost(state, host);
    }
  }

  requested(details: RequestDetails): void {
    if (details.tabId < 0 || this.closed.has(details.tabId)) return;
    const host = webHost(details.url);
    if (!host) return;
    const state = this.ensure(details.tabId);
    if (details.type === 'main_frame') {
      if (state.pending.has(host) && state.pendingUrl === details.url) return;
      // A navigation that never committed (a download, a 204, one cancelled by the next) leaves
      // its hosts behind: they are not the new navigation's redirects.
      const requestId = details.requestId ?? null;
      if (requestId !== state.pendingRequestId) state.pending.clear();
      state.pendingRequestId = requestId;
      state.pending.add(host);
      state.pendingUrl = details.url;
      state.pendingSite = siteOf(details.url);
      this.persist(state);
      // The response's own cookies arrive before the commit: learn the tab's store now, not then.
      if (state.storeId === null) this.onChange(details.tabId, 'hosts');
    } else {
      this.addHost(state, host);
      this.noteEarly(state, details, host);
    }
  }

  private noteEarly(state: TabState, details: RequestDetails, host: string): void {
    for (const documentId of [details.documentId, details.parentDocumentId]) {
      if (!documentId || documentId === state.documentId) continue;
      let hosts = state.early.get(documentId);
      if (!hosts) {
        // Bounded: a page that never commits must not make this grow.
        if (state.early.size >= MAX_EARLY_DOCUMENTS) state.early.clear();
        hosts = new Set();
        state.early.set(documentId, hosts);
      }
      if (hosts.size < MAX_HOSTS_PER_TAB) hosts.add(host);
    }
  }

  /** A same-document navigation (history API, fragment) changes the URL but not the document. */
  urlChanged(tabId: number, url: string): void {
    const state = this.tabs.get(tabId);
    if (!state || state.url === url) return;
    state.url = url;
    state.site = siteOf(url);
    const host = webHost(url);
    if (host) state.hosts.add(host);
    this.persist(state);
    this.onChange(tabId, 'url');
  }

  removed(tabId: number): void {
    this.closed.add(tabId);
    if (this.closed.size > MAX_CLOSED_TABS) this.closed.delete(this.closed.values().next().value as number);
    if (!this.tabs.delete(tabId)) return;
    this.writer.delete(TAB_KEY_PREFIX + tabId);
    this.onChange(tabId, 'closed');
  }

  /** Forgets tabs that closed while the worker was not running. */
  retain(openTabIds: ReadonlySet<number>): void {
    for (const tabId of [...this.tabs.keys()]) if (!openTabIds.has(tabId)) this.removed(tabId);
  }

  private ensure(tabId: number): TabState {
    return this.tabs.get(tabId) ?? this.seed(tabId, null, [], null);
  }

  private addHost(state: TabState, host: string): void {
    if (state.hosts.has(host) || state.hosts.size >= MAX_HOSTS_PER_TAB) return;
    state.hosts.add(host);
    this.persist(state);
    this.onChange(state.tabId, 'hosts');
  }

  private persist(state: TabState): void {
    const stored: StoredTab = {
      url: state.url,
      hosts: [...state.hosts],
      pending: [...state.pending],
      pendingUrl: state.pendingUrl,
      pendingRequestId: state.pendingRequestId,
      storeId: state.storeId,
    };
    this.writer.put(TAB_KEY_PREFIX + state.tabId, stored);
  }
}

const WEB_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);

function siteOf(url: string | null): string | null {
  return url && webHost(url) ? siteOfUrl(url) : null;
}

/** The host of a URL cookies can be sent to, or null (data:, blob:, about:, extension pages). */
export function webHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!WEB_SCHEMES.has(parsed.protocol) || parsed.hostname === '') return null;
    // IPv6 hosts keep their brackets, as in the domain Chromium gives their cookies.
    return parsed.hostname.toLowerCase();
  } catch {
    return null;
  }
}
