import { render } from 'preact';
import browser from 'webextension-polyfill';
import { ClientContext } from '../ui/client-context';
import { createRuntimeClient } from '../ui/runtime-client';
import { t } from '../ui/t';
import { PanelApp } from './components/panel-app';
import { parsePanelParams } from './panel-params';
import { applyTheme } from './theme';
import '../ui/theme.css';
import './panel.css';

performance.mark('panel:start');
const { tabId, theme } = parsePanelParams(location.search);
applyTheme(document.documentElement, theme);
document.documentElement.lang = browser.i18n.getMessage('uiLocale') || 'en';
document.title = t('panelTitle');

render(
  <ClientContext.Provider value={createRuntimeClient(browser.runtime, { permissions: browser.permissions })}>
    <PanelApp tabId={tabId} />
  </ClientContext.Provider>,
  document.getElementById('app')!,
);
