import { describe, expect, it } from 'vitest';
import { TAB_KEY_PREFIX } from '../../../src/background/tab-tracker';
import type { TabView } from '../../../src/shared/protocol';
import { FakeBrowser } from '../../fakes/fake-browser';
import { settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn, viewNames } from './helpers';

async function setUp() {
  const browser = new FakeBrowser();
  const worker = startWorker(browser);
  await settle(worker);
  return { browser, worker };
}

describe('which cookies belong to a tab', () => {
  it('includes the cookies of every host the page loaded something from, and no others', async () => {
    const { browser, worker } = await setUp();
    const tab = browser.openTab('https://www.shop.test/');
    browser.loadFrame(tab, 'https://chat.widget.test/frame');
    browser.loadResource(tab, 'https://cdn.tracker.test/t.js');
    for (const [host, name, extra] of [
      ['www.shop.test', 'sid', {}],
      ['www.shop.test', '_ga', { domain: 'shop.test' }],
      ['chat.widget.test', 'chat_state', {}],
      ['widget.test', 'wide', { domain: 'widget.test' }],
      ['tracker.test', 'trk_id', {}],
      ['cdn.tracker.test', 'trk_cdn', {}],
      ['other.test', 'sid', {}],
      ['shop.test', 'apex_only', {}],
    ] as const) {
      await browser.cookies.set(cookieOn(host, name, extra));
    }
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual([
      '_ga@.shop.test/',
      'chat_state@chat.widget.test/',
      'sid@www.shop.test/',
      'trk_cdn@cdn.tracker.test/',
      'wide@.widget.test/',
    ]);
  });

  it('includes partitioned cookies of the tab’s site only', async () => {
    const { browser, worker } = await setUp();
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('embed.test', 'here', { partitionKey: { topLevelSite: 'https://shop.test' } }));
    await browser.cookies.set(
      cookieOn('embed.test', 'elsewhere', { partitionKey: { topLevelSite: 'https://news.test' } }),
    );
    await browser.cookies.set(cookieOn('embed.test', 'unpartitioned'));
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['here@embed.test/']);
  });

  it('looks only in the tab’s own cookie store', async () => {
    const { browser, worker } = await setUp();
    browser.cookies.stores.push({ id: '1', tabIds: [] });
    const normal = browser.openTab('https://shop.test/');
    const incognito = browser.openTab('https://shop.test/', { storeId: '1' });
    await browser.cookies.set(cookieOn('shop.test', 'normal'));
    await browser.cookies.set(cookieOn('shop.test', 'private', { storeId: '1' }));
    await settle(worker);
    expect(await viewNames(browser, normal)).toEqual(['normal@shop.test/']);
    expect(await viewNames(browser, incognito)).toEqual(['private@shop.test/']);
  });

  it('forgets the hosts of the previous page on a top-level navigation, keeps them on pushState', async () => {
    const { browser, worker } = await setUp();
    const tab = browser.openTab('https://shop.test/');
    browser.loadFrame(tab, 'https://widget.test/frame');
    await browser.cookies.set(cookieOn('widget.test', 'chat_state'));
    await browser.cookies.set(cookieOn('bounce.test', 'trk_bounce'));
    await settle(worker);
    browser.pushState(tab, 'https://shop.test/cart');
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['chat_state@widget.test/']);
    // A redirect through bounce.test lands on news.test: the bounce is part of this page's load.
    browser.navigate(tab, 'https://news.test/', ['https://bounce.test/r']);
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['trk_bounce@bounce.test/']);
  });

  it('forgets the hosts of a navigation that never committed when the next one starts', async () => {
    const { browser, worker } = await setUp();
    const tab = browser.openTab('https://shop.test/');
    // A link to a download: the request goes out (and its response may set cookies), nothing commits.
    browser.startNavigation(tab, 'https://files.test/report.pdf', ['https://dl-redirect.test/r']);
    await settle(worker);
    browser.navigate(tab, 'https://news.test/', ['https://bounce.test/r']);
    await browser.cookies.set(cookieOn('files.test', 'dl'));
    await browser.cookies.set(cookieOn('dl-redirect.test', 'hop'));
    await browser.cookies.set(cookieOn('bounce.test', 'trk_bounce'));
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['trk_bounce@bounce.test/']);
  });

  it('keeps the hosts a new page loaded from even when the browser reports them before its commit', async () => {
    const { browser, worker } = await setUp();
    const tab = browser.openTab('https://news.test/');
    browser.loadResource(tab, 'https://old-ads.test/px.gif', 'image');
    browser.startNavigation(tab, 'https://shop.test/');
    // The old page's beacon on its way out, and the new page's pixel, both before the commit.
    browser.loadResource(tab, 'https://beacon.test/bye', 'ping');
    browser.loadResource(tab, 'https://ads.test/px.gif', 'image', { beforeCommit: true });
    browser.commitNavigation(tab, 'https://shop.test/');
    for (const host of ['old-ads.test', 'beacon.test', 'ads.test']) await browser.cookies.set(cookieOn(host, 'id'));
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['id@ads.test/']);
  });

  it('handles pages on IP addresses, IPv6 included', async () => {
    const { browser, worker } = await setUp();
    const v6 = browser.openTab('http://[::1]:8080/');
    const v4 = browser.openTab('http://127.0.0.1:8080/');
    const plain = { secure: false, sameSite: 'lax' as const };
    await browser.cookies.set(cookieOn('[::1]', 'six', { ...plain, url: 'http://[::1]/' }));
    await browser.cookies.set(cookieOn('127.0.0.1', 'four', { ...plain, url: 'http://127.0.0.1/' }));
    await settle(worker);
    expect(await viewNames(browser, v6)).toEqual(['six@[::1]/']);
    expect(await viewNames(browser, v4)).toEqual(['four@127.0.0.1/']);
    const report = await ask(browser, 'deleteOptional', { tabId: v6 });
    expect(report.removedTotal).toBe(0); // unknown cookies stay by default
    const [six] = (await ask(browser, 'getTabView', { tabId: v6 })).cookies;
    expect((await ask(browser, 'deleteCookies', { tabId: v6, cookies: [six.cookie] })).removedTotal).toBe(1);
    expect(browser.cookies.all().map((c) => c.name)).toEqual(['four']);
  });

  it('forgets a closed tab, in memory and in storage.session', async () => {
    const { browser, worker } = await setUp();
    const tab = browser.openTab('https://shop.test/');
    await settle(worker);
    expect(browser.storageSession.keys()).toContain(`${TAB_KEY_PREFIX}${tab}`);
    browser.closeTab(tab);
    await settle(worker);
    expect(browser.storageSession.keys()).not.toContain(`${TAB_KEY_PREFIX}${tab}`);
    await expect(ask(browser, 'getTabView', { tabId: tab })).rejects.toThrow(`There is no tab with id ${tab}`);
  });

  it('does not bring a closed tab back for the beacons it sends as it goes', async () => {
    const { browser, worker } = await setUp();
    const tab = browser.openTab('https://shop.test/');
    await settle(worker);
    browser.closeTab(tab);
    browser.sendBeaconAfterClose(tab, 'https://collect.analytics.test/b');
    await settle(worker);
    expect(browser.storageSession.keys()).not.toContain(`${TAB_KEY_PREFIX}${tab}`);
  });

  it('labels each cookie as the tab sees it: party, and fallbacks that depend on it', async () => {
    const { browser, worker } = await setUp();
    const shop = browser.openTab('https://shop.test/');
    browser.loadResource(shop, 'https://tracker.test/t.js');
    const tracker = browser.openTab('https://tracker.test/');
    await browser.cookies.set(cookieOn('tracker.test', 'trk_id'));
    await browser.cookies.set(cookieOn('tracker.test', '_ga'));
    await settle(worker);
    const labels = async (tabId: number) => {
      const view: TabView = await ask(browser, 'getTabView', { tabId });
      return Object.fromEntries(view.cookies.map((r) => [r.cookie.name, `${r.label.party} ${r.label.category}`]));
    };
    expect(await labels(shop)).toEqual({ _ga: 'third analytics', trk_id: 'third marketing' });
    expect(await labels(tracker)).toEqual({ _ga: 'first analytics', trk_id: 'first unknown' });
  });

  it('says when a tab shows a page the extension cannot read, or nothing yet', async () => {
    const { browser } = await setUp();
    const settings = browser.openTab('chrome://settings/');
    const store = browser.openTab('https://chromewebstore.google.com/detail/x');
    const blank = browser.openTab();
    const status = async (tabId: number) => (await ask(browser, 'getTabView', { tabId })).status;
    expect(await status(settings)).toBe('unsupported');
    expect(await status(store)).toBe('unsupported');
    expect(await status(blank)).toBe('loading');
  });
});
