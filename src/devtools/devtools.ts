/**
 * The devtools page: the one file that touches `chrome.devtools`. It registers the panel and hands
 * it the inspected tab and the DevTools theme in its URL, so the panel page itself never needs the
 * devtools API and also works as an ordinary extension tab (`panel.html?tabId=N`).
 */
const params = new URLSearchParams({
  tabId: String(chrome.devtools.inspectedWindow.tabId),
  theme: chrome.devtools.panels.themeName,
});

chrome.devtools.panels.create(
  chrome.i18n.getMessage('panelTitle') || 'Cookies',
  'public/icons/icon-16.png',
  `src/devtools/panel.html?${params}`,
);
