import { render } from 'preact';
// The polyfill gives Chrome and Firefox the same promise-based `browser` API at the page edge.
import browser from 'webextension-polyfill';
import { ClientContext } from '../ui/client-context';
import { uiLanguage } from '../ui/i18n';
import { createRuntimeClient } from '../ui/runtime-client';
import { PopupApp } from './popup-app';
import { resolveTabId } from './tab-id';
import '../ui/theme.css';
import './popup.css';

// The benchmark splits open-to-usable at this mark: before it, loading the scripts; after it, data and rendering.
performance.mark('popup:start');
// Screen readers pick their voice from it: the page is in the language of the messages shown.
document.documentElement.lang = uiLanguage();
const client = createRuntimeClient(browser.runtime, {
  permissions: browser.permissions,
  // The worker's last first screen of the tab, shown while a stopped worker starts (src/background/kept-screens.ts).
  kept: {
    storage: browser.storage.session,
    tabUrl: async (tabId) => (await browser.tabs.get(tabId)).url,
  },
});
const tabId = await resolveTabId(location.search, () => browser.tabs.query({ active: true, currentWindow: true }));

render(
  <ClientContext.Provider value={client}>
    <PopupApp tabId={tabId} />
  </ClientContext.Provider>,
  document.getElementById('app')!,
);
