import type { BrowserCookie } from '../shared/protocol';
import type { BrowserApi, PortLike, TabInfo } from './browser-api';

/**
 * The real browser behind the worker's interfaces: Chrome 120+ (`chrome.*`) or Firefox 128+
 * (`browser.*`, the same calls); both return promises from every call used.
 */
export function chromeApi(): BrowserApi {
  const chrome = (globalThis as { browser?: typeof globalThis.chrome }).browser ?? globalThis.chrome;
  // Firefox names its ordinary cookie store differently, and serves extension pages from moz-extension:.
  const firefox = chrome.runtime.getURL('').startsWith('moz-extension:');
  return {
    cookies: {
      defaultStoreId: firefox ? 'firefox-default' : '0',
      getAll: (query) => chrome.cookies.getAll(query) as Promise<BrowserCookie[]>,
      set: (details) => chrome.cookies.set(details),
      remove: (target) => chrome.cookies.remove(target),
      getAllCookieStores: () => chrome.cookies.getAllCookieStores(),
      onChanged: chrome.cookies.onChanged,
    },
    storageLocal: chrome.storage.local,
    storageSession: chrome.storage.session,
    tabs: {
      // `tabs.get` rejects for a closed tab; the worker treats that as "no such tab", not a failure.
      get: (tabId) => chrome.tabs.get(tabId).then(toTabInfo, () => null),
      query: async (query) => (await chrome.tabs.query(query)).map(toTabInfo).filter((t) => t.id >= 0),
      onRemoved: { addListener: (cb) => chrome.tabs.onRemoved.addListener((tabId) => cb(tabId)) },
      onReplaced: chrome.tabs.onReplaced,
      onActivated: chrome.tabs.onActivated,
      onUpdated: { addListener: (cb) => chrome.tabs.onUpdated.addListener((tabId, change) => cb(tabId, change)) },
    },
    webNavigation: {
      getAllFrames: async (tabId) => (await chrome.webNavigation.getAllFrames({ tabId }).catch(() => null)) ?? [],
      onCommitted: chrome.webNavigation.onCommitted,
    },
    webRequest: {
      onBeforeRequest: {
        // No 'blocking' in the extra info: the extension only watches, it never holds a request up.
        addListener: (cb) =>
          chrome.webRequest.onBeforeRequest.addListener(
            (d) => {
              cb(d);
              return undefined;
            },
            { urls: ['<all_urls>'] },
          ),
      },
    },
    action: {
      setBadgeText: (details) => chrome.action.setBadgeText(details),
      setBadgeBackgroundColor: (details) => chrome.action.setBadgeBackgroundColor(details),
    },
    permissions: { contains: (p) => chrome.permissions.contains(p) },
    runtime: {
      id: chrome.runtime.id,
      getURL: (path) => chrome.runtime.getURL(path),
      onMessage: chrome.runtime.onMessage,
      onConnect: { addListener: (cb) => chrome.runtime.onConnect.addListener((port) => cb(port as PortLike)) },
    },
  };
}

function toTabInfo(tab: chrome.tabs.Tab): TabInfo {
  return {
    id: tab.id ?? -1,
    url: tab.url,
    pendingUrl: tab.pendingUrl,
    active: tab.active,
    windowId: tab.windowId,
    incognito: tab.incognito,
  };
}
