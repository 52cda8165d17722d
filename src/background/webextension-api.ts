import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import type { BrowserCookie } from '../shared/protocol';
import type { BrowserApi, CookieStore, MessageListener, PortLike, TabInfo } from './browser-api';

/**
 * The real browser behind the worker's interfaces, through webextension-polyfill as in the pages:
 * one promise-based `browser.*` in Chrome (where the polyfill wraps `chrome.*`) and Firefox (where
 * it is the browser's own). The casts are where the polyfill's types lag the browsers: Chrome's
 * cookie partition keys carry `hasCrossSiteAncestor`, and its tabs `pendingUrl`.
 */
export function webExtensionApi(): BrowserApi {
  // Firefox names its ordinary cookie store differently, and serves extension pages from moz-extension:.
  const firefox = browser.runtime.getURL('').startsWith('moz-extension:');
  return {
    cookies: {
      defaultStoreId: firefox ? 'firefox-default' : '0',
      getAll: (query) => browser.cookies.getAll(query) as Promise<BrowserCookie[]>,
      set: (details) => browser.cookies.set(details as Parameters<typeof browser.cookies.set>[0]),
      remove: (target) => browser.cookies.remove(target as Parameters<typeof browser.cookies.remove>[0]),
      getAllCookieStores: () => browser.cookies.getAllCookieStores() as Promise<CookieStore[]>,
      onChanged: {
        addListener: (cb) => browser.cookies.onChanged.addListener((change) => cb(change as Parameters<typeof cb>[0])),
      },
    },
    storageLocal: browser.storage.local,
    storageSession: browser.storage.session,
    tabs: {
      // `tabs.get` rejects for a closed tab; the worker treats that as "no such tab", not a failure.
      get: (tabId) => browser.tabs.get(tabId).then(toTabInfo, () => null),
      query: async (query) => (await browser.tabs.query(query)).map(toTabInfo).filter((t) => t.id >= 0),
      onRemoved: { addListener: (cb) => browser.tabs.onRemoved.addListener((tabId) => cb(tabId)) },
      onReplaced: browser.tabs.onReplaced,
      onActivated: browser.tabs.onActivated,
      onUpdated: { addListener: (cb) => browser.tabs.onUpdated.addListener((tabId, change) => cb(tabId, change)) },
    },
    webNavigation: {
      getAllFrames: async (tabId) => (await browser.webNavigation.getAllFrames({ tabId }).catch(() => null)) ?? [],
      onCommitted: browser.webNavigation.onCommitted,
    },
    webRequest: {
      onBeforeRequest: {
        // No 'blocking' in the extra info: the extension only watches, it never holds a request up.
        addListener: (cb) =>
          browser.webRequest.onBeforeRequest.addListener(
            (d) => {
              cb(d);
              return undefined;
            },
            { urls: ['<all_urls>'] },
          ),
      },
    },
    action: {
      setBadgeText: (details) => browser.action.setBadgeText(details),
      setBadgeBackgroundColor: (details) => browser.action.setBadgeBackgroundColor(details),
    },
    permissions: { contains: (p) => browser.permissions.contains(p) },
    runtime: {
      id: browser.runtime.id,
      getURL: (path) => browser.runtime.getURL(path),
      onMessage: {
        // The listener answers through `sendResponse` and returns true while it works; the
        // polyfill's wrapper honours that as the browsers do.
        addListener: (cb: MessageListener) =>
          browser.runtime.onMessage.addListener(
            cb as unknown as (message: unknown, sender: Runtime.MessageSender) => true | undefined,
          ),
      },
      onConnect: { addListener: (cb) => browser.runtime.onConnect.addListener((port) => cb(port as PortLike)) },
    },
  };
}

function toTabInfo(tab: Tabs.Tab): TabInfo {
  return {
    id: tab.id ?? -1,
    url: tab.url,
    pendingUrl: (tab as { pendingUrl?: string }).pendingUrl,
    active: tab.active,
    windowId: tab.windowId ?? -1,
    incognito: tab.incognito,
  };
}
