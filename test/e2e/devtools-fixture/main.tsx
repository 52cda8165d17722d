import { render } from 'preact';
import { copyText } from '../../../src/devtools/clipboard';
import { PanelApp } from '../../../src/devtools/components/panel-app';
import { parsePanelParams } from '../../../src/devtools/panel-params';
import { applyTheme } from '../../../src/devtools/theme';
import type { CookieRecord } from '../../../src/shared/protocol';
import { ClientContext } from '../../../src/ui/client-context';
import { setFallbackMessages, substitute } from '../../../src/ui/i18n';
import english from '../../../src/ui/messages/en.json';
import norwegian from '../../../src/ui/messages/nb.json';
import { afterNextPaint } from '../../../src/ui/runtime-client';
import { FakeClient } from '../../fakes/fake-client';
import { generateRecords } from './records';
import '../../../src/ui/theme.css';
import '../../../src/devtools/panel.css';

/**
 * The panel mounted on a plain page with an in-memory worker: tests and the benchmark drive it
 * without an extension. `?cookies=N` sets how many cookies the tab has.
 */
performance.mark('panel:start');
const params = new URLSearchParams(location.search);
setFallbackMessages(english);

// `?lang=nb` stands in for a browser in Norwegian: the same lookup chrome.i18n does, on the nb files.
if (params.get('lang') === 'nb') {
  const messages: Record<string, { message: string }> = norwegian;
  (globalThis as { chrome?: unknown }).chrome = {
    i18n: {
      getMessage: (key: string, subs: string[] = []) => (messages[key] ? substitute(messages[key].message, subs) : ''),
    },
  };
  document.documentElement.lang = 'nb';
}
const client = new FakeClient();
// Like the real page, the panel gets the rest of a long list once its first screen is painted;
// with `?hold=rest` only once the test calls `releaseRest()`, to look at the first screen alone.
const heldRest: Array<() => void> = [];
// The request and the answer cross to the worker and back: the rest arrives a task later at least.
client.afterPaint =
  params.get('hold') === 'rest' ? (task) => heldRest.push(task) : (task) => afterNextPaint(() => setTimeout(task, 0));
client.setView({
  tabId: 1,
  url: 'https://shop.test/cart',
  site: 'shop.test',
  status: 'ok',
  cookies: generateRecords(Number(params.get('cookies') ?? 40)),
  siteSettings: null,
  includeUnknown: false,
});
performance.mark('fixture:data');
applyTheme(document.documentElement, parsePanelParams(location.search).theme);

const copied: string[] = [];
const fixture = {
  client,
  copied,
  releaseRest: () => {
    for (const task of heldRest.splice(0)) task();
  },
  upsert: (records: CookieRecord[]) => client.upsert(1, records),
  remove: (keys: string[]) => client.remove(1, keys),
  /** The panel's real copy function, which the page below replaces with a recorder. */
  copyText,
};
(globalThis as { panelFixture?: typeof fixture }).panelFixture = fixture;

render(
  <ClientContext.Provider value={client}>
    <PanelApp
      tabId={1}
      copy={async (text) => {
        copied.push(text);
      }}
    />
  </ClientContext.Provider>,
  document.getElementById('app')!,
);
