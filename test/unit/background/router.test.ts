import { describe, expect, it } from 'vitest';
import { isOwnPage } from '../../../src/background/message-router';
import { REQUEST_SCHEMAS, type RequestSchemaMap } from '../../../src/background/request-schemas';
import { LEAD_PORT_SUFFIXES, LIVE_PORT_PREFIX, REQUEST_KINDS } from '../../../src/shared/protocol';
import { EXTENSION_ID, EXTENSION_ORIGIN, FakeBrowser, POPUP_SENDER } from '../../fakes/fake-browser';
import { settle, startWorker } from '../../fakes/worker';

const runtime = { id: EXTENSION_ID, getURL: (p: string) => `${EXTENSION_ORIGIN}/${p.replace(/^\//, '')}` };

describe('who may talk to the worker', () => {
  it('accepts the extension’s own pages only', () => {
    expect(isOwnPage(POPUP_SENDER, runtime)).toBe(true);
    expect(
      isOwnPage(
        { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/src/devtools/panel.html?tab=3`, tab: { id: 3 } },
        runtime,
      ),
    ).toBe(true);
    // A content script of ours runs in a web page: same id, the page's URL.
    expect(isOwnPage({ id: EXTENSION_ID, url: 'https://evil.test/', tab: { id: 3 } }, runtime)).toBe(false);
    expect(isOwnPage({ id: 'another-extension', url: `chrome-extension://another-extension/x.html` }, runtime)).toBe(
      false,
    );
    expect(isOwnPage({ id: EXTENSION_ID }, runtime)).toBe(false);
    expect(
      isOwnPage({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/p.html`, origin: 'https://evil.test' }, runtime),
    ).toBe(false);
    expect(isOwnPage(undefined, runtime)).toBe(false);
  });

  it('rejects requests from elsewhere and malformed requests, with a reason', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    await settle(worker);
    const fromPage = await browser.sendMessage(
      { kind: 'getHistory', payload: {} },
      { id: EXTENSION_ID, url: 'https://evil.test/' },
    );
    expect(fromPage).toEqual({ ok: false, error: 'only the extension’s own pages may talk to its worker' });
    const cases: Array<[unknown, string]> = [
      ['hello', 'not a request'],
      [{ kind: 'dropDatabase', payload: {} }, 'not a request'],
      [{ kind: 'getTabView', payload: { tabId: -1 } }, 'tabId must be a tab id'],
      [{ kind: 'getTabView', payload: { tabId: '3' } }, 'tabId must be a tab id'],
      [{ kind: 'deleteCookies', payload: { tabId: null, cookies: 'all' } }, 'cookies must be a list'],
      [
        {
          kind: 'deleteCookies',
          payload: { tabId: null, cookies: [{ name: 'a', domain: 'a.test', path: 7, storeId: '0' }] },
        },
        'cookies[0].path must be a string',
      ],
      [
        {
          kind: 'deleteCookies',
          payload: {
            tabId: null,
            cookies: [{ name: 'a', domain: 'a.test', path: '/', storeId: '0', partitionKey: 'p' }],
          },
        },
        'cookies[0].partitionKey',
      ],
      [
        {
          kind: 'deleteCookies',
          payload: {
            tabId: null,
            cookies: [{ name: 'a', domain: 'a.test', path: '/', storeId: '0', partitionKey: {} }],
          },
        },
        'cookies[0].partitionKey must be { topLevelSite, hasCrossSiteAncestor? } with topLevelSite a string',
      ],
      [{ kind: 'deleteCategory', payload: { tabId: 1, category: 'tasty' } }, 'category must be one of'],
      [{ kind: 'undo', payload: { batchId: '' } }, 'batchId must be a non-empty string'],
      // A missing field is named with its own rule, not as an unexpected key.
      [{ kind: 'getTabView', payload: {} }, 'tabId must be a tab id (an integer of 0 or more)'],
      [{ kind: 'setIncludeUnknown', payload: {} }, 'includeUnknown must be true or false'],
      [
        { kind: 'deleteCookies', payload: { tabId: null, cookies: [{ name: 'a', domain: 'a.test', storeId: '0' }] } },
        'cookies[0].path must be a string',
      ],
      [
        {
          kind: 'setSiteSettings',
          payload: { site: 'a.test', settings: { allowedVendors: [], allowedCookies: [] } },
        },
        'settings: keepClean is missing, not true or false',
      ],
    ];
    for (const [message, error] of cases) {
      const reply = await browser.sendMessage(message);
      expect(reply.ok).toBe(false);
      expect(!reply.ok && reply.error).toContain(error);
    }
  });

  it('has one schema for every request kind, which the compiler checks', () => {
    const { setSiteSettings: _left, ...withoutOne } = REQUEST_SCHEMAS;
    // @ts-expect-error a request kind without its schema does not build
    const incomplete: RequestSchemaMap = withoutOne;
    // @ts-expect-error nor does a schema whose output is another kind's payload
    const mismatched: RequestSchemaMap = { ...REQUEST_SCHEMAS, undo: REQUEST_SCHEMAS.getTabView };
    expect([incomplete, mismatched]).toHaveLength(2);
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual([...REQUEST_KINDS].sort());
  });

  it('passes on only the fields a request kind has', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    await settle(worker);
    const reply = await browser.sendMessage({
      kind: 'setIncludeUnknown',
      payload: { includeUnknown: true, extra: 'x' },
    });
    expect(reply).toMatchObject({ ok: true, value: { includeUnknown: true } });
    const site = await browser.sendMessage({ kind: 'setSiteSettings', payload: { site: '', settings: {} } });
    expect(site).toEqual({ ok: false, error: 'site: a site must be a non-empty domain' });
  });

  it('opens live ports for its own pages only, and only with a tab id', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await settle(worker);
    const fromPage = browser.connect(`${LIVE_PORT_PREFIX}${tab}`, { id: EXTENSION_ID, url: 'https://shop.test/' });
    const noTab = browser.connect(`${LIVE_PORT_PREFIX}`);
    const good = browser.connect(`${LIVE_PORT_PREFIX}${tab}`);
    const leadNoTab = browser.connect(`${LIVE_PORT_PREFIX}${LEAD_PORT_SUFFIXES.groups}`);
    const leadOdd = browser.connect(`${LIVE_PORT_PREFIX}${tab}${LEAD_PORT_SUFFIXES.groups}x`);
    const leadOtherOrder = browser.connect(`${LIVE_PORT_PREFIX}${tab}:lead-sizes`);
    const lead = browser.connect(`${LIVE_PORT_PREFIX}${tab}${LEAD_PORT_SUFFIXES.groups}`);
    const leadNames = browser.connect(`${LIVE_PORT_PREFIX}${tab}${LEAD_PORT_SUFFIXES.names}`);
    await settle(worker);
    expect(fromPage.disconnected).toBe(true);
    expect(noTab.disconnected).toBe(true);
    expect(leadNoTab.disconnected).toBe(true);
    expect(leadOdd.disconnected).toBe(true);
    expect(leadOtherOrder.disconnected).toBe(true);
    expect(fromPage.received).toEqual([]);
    expect(good.disconnected).toBe(false);
    expect(good.received.map((m) => m.type)).toEqual(['snapshot']);
    expect(lead.disconnected).toBe(false);
    expect(lead.received.map((m) => m.type)).toEqual(['snapshot']);
    expect(leadNames.disconnected).toBe(false);
    expect(leadNames.received.map((m) => m.type)).toEqual(['snapshot']);
  });
});
