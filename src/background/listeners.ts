import type { Background } from './background';
import type { BrowserApi } from './browser-api';

/**
 * Every browser listener of the worker, registered synchronously on its first turn: an event that
 * wakes a stopped worker is only delivered to listeners that exist by the end of that turn.
 */
export function registerListeners(api: BrowserApi, background: Background): void {
  api.cookies.onChanged.addListener(background.onCookieChanged);
  api.webRequest.onBeforeRequest.addListener(background.onRequest);
  api.webNavigation.onCommitted.addListener(background.onCommitted);
  api.tabs.onUpdated.addListener(background.onTabUpdated);
  api.tabs.onRemoved.addListener(background.onTabRemoved);
  api.tabs.onReplaced.addListener(background.onTabReplaced);
  api.tabs.onActivated.addListener(background.onTabActivated);
  api.runtime.onMessage.addListener(background.onMessage);
  api.runtime.onConnect.addListener(background.onConnect);
}
