import { render } from 'preact';
import { PopupApp } from '../../../src/popup/popup-app';
import type { CookieRecord } from '../../../src/shared/protocol';
import { ClientContext } from '../../../src/ui/client-context';
import { setFallbackMessages } from '../../../src/ui/i18n';
import english from '../../../src/ui/messages/en.json';
import { FakeClient } from '../../fakes/fake-client';
import { record, sampleRecords, tabView } from '../../support/records';
import '../../../src/ui/theme.css';
import '../../../src/popup/popup.css';

/**
 * The real popup component against a FakeClient, served as a plain page: component tests drive it
 * in real Chromium through `window.fixture` (there is no DOM library in node_modules).
 */

function manyRecords(n: number): CookieRecord[] {
  const categories = ['essential', 'functional', 'analytics', 'marketing', 'unknown'] as const;
  return Array.from({ length: n }, (_, i) =>
    record(`cookie_${String(i).padStart(4, '0')}`, categories[i % categories.length], {
      domain: i % 3 === 0 ? '.ads.test' : 'shop.test',
      value: `value-${i}`,
    }),
  );
}

// A plain page has no chrome.i18n: the English strings stand in for it.
setFallbackMessages(english);

const scenario = new URLSearchParams(location.search).get('scenario') ?? 'basic';
const client = new FakeClient();
const tabId = 7;
switch (scenario) {
  case 'many':
    client.setView(tabView(manyRecords(1000)));
    break;
  case 'empty':
    client.setView(tabView([]));
    break;
  case 'unsupported':
    client.setView(tabView([], { status: 'unsupported', url: 'chrome://settings/', site: null }));
    break;
  case 'loading':
    client.setView(tabView([], { status: 'loading', url: null, site: null }));
    break;
  case 'down':
    client.setView(tabView(sampleRecords()));
    client.down = true;
    break;
  case 'xss':
    client.setView(
      tabView([
        record('<b>bold</b>', 'unknown', { value: '<img src=x onerror=alert(1)>' }, { reason: '<i>not</i> html' }),
        ...sampleRecords(),
      ]),
    );
    break;
  default:
    client.setView(tabView(sampleRecords()));
}

/** Renders the popup for another tab, synchronously, as a parent re-rendering with a new id would. */
function showTab(id: number | null): void {
  render(
    <ClientContext.Provider value={client}>
      <PopupApp tabId={id} />
    </ClientContext.Provider>,
    document.getElementById('app')!,
  );
}

Object.assign(window, { fixture: { client, record, tabView, tabId, showTab } });
showTab(scenario === 'no-tab' ? null : tabId);
