import { describe, expect, it } from 'vitest';
import type { SiteSettings } from '../../../src/shared/protocol';
import { FakeBrowser } from '../../fakes/fake-browser';
import { settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn, viewNames } from './helpers';

/**
 * Firefox names its ordinary cookie store `firefox-default`, not `0`. The worker takes the name from
 * the browser adapter and asks only for stores the browser has; nothing may assume Chromium's.
 */

const FIREFOX = 'firefox-default';
const CLEAN: SiteSettings = { keepClean: true, allowedVendors: [], allowedCookies: [] };

describe('a worker in a browser whose ordinary store is not `0`', () => {
  it('starts, shows a tab its cookies and keeps a site clean', async () => {
    const browser = new FakeBrowser({ defaultStoreId: FIREFOX });
    await browser.cookies.set(cookieOn('shop.test', 'sid', { storeId: FIREFOX }));
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await settle(worker);
    expect(worker.mirror.size).toBe(1);
    await browser.cookies.set(cookieOn('shop.test', '_ga', { storeId: FIREFOX }));
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['_ga@shop.test/', 'sid@shop.test/']);

    await ask(browser, 'setSiteSettings', { site: 'shop.test', settings: CLEAN });
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['sid@shop.test/']);
    expect(browser.cookies.all().map((c) => `${c.name}:${c.storeId}`)).toEqual([`sid:${FIREFOX}`]);
  });

  it('takes a tab that no store lists yet for one of the ordinary store', async () => {
    const browser = new FakeBrowser({ defaultStoreId: FIREFOX });
    await browser.cookies.set(cookieOn('shop.test', 'sid', { storeId: FIREFOX }));
    const tab = browser.openTab('https://shop.test/');
    // Firefox has not listed the new tab in any store yet.
    for (const store of browser.cookies.stores) store.tabIds = [];
    startWorker(browser);
    expect(await viewNames(browser, tab)).toEqual(['sid@shop.test/']);
  });
});
