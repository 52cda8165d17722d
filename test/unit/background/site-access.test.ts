import { describe, expect, it } from 'vitest';
import { FakeBrowser } from '../../fakes/fake-browser';
import { settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn } from './helpers';

/** A host permission the person withdrew (Firefox add-on settings, Chrome site access). */
function withAccess(browser: FakeBrowser, allowed: (origin: string) => boolean): FakeBrowser {
  const api = browser.api.bind(browser);
  browser.api = () => ({
    ...api(),
    permissions: { contains: async ({ origins }) => origins.every((o) => allowed(o.replace(/\/\*$/, ''))) },
  });
  return browser;
}

describe('a site whose access the person withdrew', () => {
  it('says so instead of listing no cookies, and other sites still work', async () => {
    const browser = withAccess(new FakeBrowser(), (origin) => origin !== 'https://shop.test');
    const worker = startWorker(browser);
    const shop = browser.openTab('https://shop.test/');
    const news = browser.openTab('https://news.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga'));
    await browser.cookies.set(cookieOn('news.test', '_ga'));
    await settle(worker);
    const view = await ask(browser, 'getTabView', { tabId: shop });
    expect(view).toMatchObject({ status: 'no-access', cookies: [] });
    expect((await ask(browser, 'getTabView', { tabId: news })).cookies).toHaveLength(1);
    // One click on a page without access removes nothing, and nothing fails.
    expect((await ask(browser, 'deleteOptional', { tabId: shop })).removedTotal).toBe(0);
    expect(browser.cookies.all()).toHaveLength(2);
  });
});
