import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../src/node/chromium';
import type { BrowserCookie, CookieRecord, TabView } from '../../src/shared/protocol';
import { allCookies, ask, extensionPage, stopWorker, tabIdOf, testSites } from './background-support';
import { launchTestBrowser } from './harness/extension';
import { type HttpsSites, startHttpsSites } from './harness/https-sites';

/**
 * The background worker in real Chromium, against local HTTPS test sites. One browser for the
 * file (two cores are shared by everyone); each test uses its own hosts.
 */

let browser: ExtensionBrowser;
let sites: HttpsSites;
let popup: Page;

beforeAll(async () => {
  let port = 0;
  sites = await startHttpsSites(testSites(() => port));
  port = sites.port;
  browser = await launchTestBrowser({ hostResolverRules: sites.hostResolverRules, allowThirdPartyCookies: true });
  popup = await extensionPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await sites?.close();
});

async function open(host: string, path = '/'): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  const url = sites.url(host, path);
  await page.goto(url, { waitUntil: 'load' });
  return { page, tabId: await tabIdOf(browser, url) };
}

const POLL = { timeout: 15_000, interval: 100 };

const named = (view: TabView) =>
  Object.fromEntries(view.cookies.map((r) => [`${r.cookie.name}@${r.cookie.domain}`, r]));

describe('the background worker in Chromium', () => {
  let shopTab: number;

  it('shows a first-party site’s cookies together with those of its embedded widget and tracker', async () => {
    const { page: shopPage, tabId } = await open('shop.test');
    shopTab = tabId;
    await open('other.test');
    let view: TabView | undefined;
    await expect
      .poll(async () => {
        view = await ask(popup, 'getTabView', { tabId });
        return Object.keys(named(view)).sort();
      }, POLL)
      .toEqual([
        'IDE@.tracker.test',
        'PHPSESSID@shop.test',
        '_ga@shop.test',
        'chat_part@widget.test',
        'wuid@widget.test',
      ]);
    const byName = named(view!);
    expect(view!.site).toBe('shop.test');
    expect(byName['_ga@shop.test'].label).toMatchObject({ category: 'analytics', party: 'first' });
    expect(byName['PHPSESSID@shop.test'].label).toMatchObject({ category: 'essential', party: 'first' });
    expect(byName['wuid@widget.test'].label.party).toBe('third');
    expect(byName['IDE@.tracker.test'].label).toMatchObject({ category: 'marketing', party: 'third' });
    expect(byName['chat_part@widget.test'].cookie.partitionKey?.topLevelSite).toBe('https://shop.test');
    // The badge of the active tab counts what one click removes: neither essential nor unknown ones.
    const removable = view!.cookies.filter((r) => r.label.category !== 'essential' && r.label.category !== 'unknown');
    expect(removable.length).toBeGreaterThanOrEqual(2);
    await shopPage.bringToFront();
    await expect
      .poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), POLL)
      .toBe(String(removable.length));
  });

  it('deletes exactly one of several same-named cookies on two paths and two domains', async () => {
    const { tabId } = await open('paths.test', '/deep/page');
    await open('sub.paths.test');
    const dups = async () =>
      (await allCookies(browser))
        .filter((c) => c.name === 'dup')
        .map((c) => `${c.domain}${c.path}=${c.value}`)
        .sort();
    expect(await dups()).toEqual([
      '.paths.test/=apex',
      'paths.test/=root',
      'paths.test/deep=deep',
      'sub.paths.test/=sub',
    ]);
    const view = await ask(popup, 'getTabView', { tabId });
    const target = (domain: string, path: string): CookieRecord => {
      const found = view.cookies.find(
        (r) => r.cookie.name === 'dup' && r.cookie.domain === domain && r.cookie.path === path,
      );
      if (!found) throw new Error(`dup on ${domain}${path} is not in the tab's view`);
      return found;
    };
    const deep = target('paths.test', '/deep');
    const report = await ask(popup, 'deleteCookies', { tabId, cookies: [deep.cookie] });
    expect(report).toMatchObject({ removedTotal: 1, vanished: [], failed: [] });
    expect(await dups()).toEqual(['.paths.test/=apex', 'paths.test/=root', 'sub.paths.test/=sub']);
    const apex = target('.paths.test', '/');
    expect((await ask(popup, 'deleteCookies', { tabId, cookies: [apex.cookie] })).removedTotal).toBe(1);
    expect(await dups()).toEqual(['paths.test/=root', 'sub.paths.test/=sub']);
    // Deleting it again: it is reported as already gone, not as an error.
    const again = await ask(popup, 'deleteCookies', { tabId, cookies: [apex.cookie] });
    expect(again).toMatchObject({ removedTotal: 0, batchId: null, failed: [] });
    expect(again.vanished).toHaveLength(1);
  });

  it('deletes a partitioned cookie and restores it attribute for attribute', async () => {
    const view = await ask(popup, 'getTabView', { tabId: shopTab });
    const partitioned = view.cookies.find((r) => r.cookie.name === 'chat_part');
    expect(partitioned?.cookie.partitionKey).toBeDefined();
    const original = (await allCookies(browser)).find((c) => c.name === 'chat_part') as BrowserCookie;
    const report = await ask(popup, 'deleteCookies', { tabId: shopTab, cookies: [partitioned!.cookie] });
    expect(report.removedTotal).toBe(1);
    expect((await allCookies(browser)).some((c) => c.name === 'chat_part')).toBe(false);
    // The unpartitioned cookie of the same widget is untouched.
    expect((await allCookies(browser)).some((c) => c.name === 'wuid')).toBe(true);
    const undo = await ask(popup, 'undo', { batchId: report.batchId! });
    expect(undo).toEqual({ batchId: report.batchId, restored: 1, expired: [], failed: [] });
    const restored = (await allCookies(browser)).find((c) => c.name === 'chat_part');
    expect({ ...restored, expirationDate: Math.round(restored?.expirationDate ?? 0) }).toEqual({
      ...original,
      expirationDate: Math.round(original.expirationDate ?? 0),
    });
  });

  it('answers for a tab opened before the worker was stopped and started again', async () => {
    const { tabId } = await open('shop.test', '/?again');
    await expect.poll(async () => (await ask(popup, 'getTabView', { tabId })).cookies.length, POLL).toBe(5);
    // Marks the running worker's global scope; a restarted worker has a fresh one.
    await browser.worker.evaluate(() => Object.assign(globalThis, { beforeRestart: true }));
    const cdp = await browser.context.newCDPSession(popup);
    await stopWorker(cdp);
    const view = await ask(popup, 'getTabView', { tabId });
    expect(Object.keys(named(view)).sort()).toEqual([
      'IDE@.tracker.test',
      'PHPSESSID@shop.test',
      '_ga@shop.test',
      'chat_part@widget.test',
      'wuid@widget.test',
    ]);
    const worker = await browser.waitForWorker();
    expect(await worker.evaluate(() => 'beforeRestart' in globalThis)).toBe(false);
    await cdp.detach();
  });

  it('keeps a site clean: its analytics cookie goes as soon as it is set, its session cookie stays', async () => {
    await ask(popup, 'setSiteSettings', {
      site: 'clean.test',
      settings: { keepClean: true, allowedVendors: [], allowedCookies: [] },
    });
    await open('clean.test');
    const onClean = async () =>
      (await allCookies(browser))
        .filter((c) => c.domain === 'clean.test')
        .map((c) => `${c.name}=${c.value}`)
        .sort();
    await expect.poll(onClean, POLL).toEqual(['PHPSESSID=s1']);
    // It was set and then removed, not refused: the removal is in the history, undoable.
    const [batch] = await ask(popup, 'getHistory', {});
    expect(batch).toMatchObject({ trigger: 'automatic', site: 'clean.test', count: 1, undone: false });
    expect(batch.byCategory.analytics).toBe(1);
  });

  it('undoes a cleaning in which the site set the same cookie twice, with its last value', async () => {
    const clean = { keepClean: true, allowedVendors: [], allowedCookies: [] };
    await ask(popup, 'setSiteSettings', { site: 'again.test', settings: clean });
    const { page } = await open('again.test');
    const onAgain = async () =>
      (await allCookies(browser))
        .filter((c) => c.domain === 'again.test')
        .map((c) => `${c.name}=${c.value}`)
        .sort();
    await expect.poll(onAgain, POLL).toEqual([]);
    // The page's script sets it again; the essential marker after it shows the write has landed.
    await page.evaluate(() => {
      // biome-ignore lint/suspicious/noDocumentCookie: the test plays the page's own script.
      document.cookie = '_ga=script; path=/; max-age=9999; secure';
      // biome-ignore lint/suspicious/noDocumentCookie: the test plays the page's own script.
      document.cookie = 'PHPSESSID=marker; path=/; secure';
    });
    await expect.poll(onAgain, POLL).toEqual(['PHPSESSID=marker']);
    const [batch] = await ask(popup, 'getHistory', {});
    expect(batch).toMatchObject({ trigger: 'automatic', site: 'again.test', undone: false });
    const undo = await ask(popup, 'undo', { batchId: batch.id });
    expect(undo).toEqual({ batchId: batch.id, restored: 1, expired: [], failed: [] });
    await expect.poll(onAgain, POLL).toEqual(['PHPSESSID=marker', '_ga=script']);
  });
});
