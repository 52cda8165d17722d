import { describe, expect, it } from 'vitest';
import { FakeBrowser } from '../../fakes/fake-browser';
import { settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn, viewNames } from './helpers';

/**
 * The worker keeps each tab's view ready (src/background/tab-view.ts) so the popup need not wait for
 * it to be built. A ready view must never be a stale one: whatever it was computed from changes,
 * the next view shows the change.
 */

async function setUp(clock?: () => number) {
  const browser = new FakeBrowser(clock ? { now: () => clock() / 1000 } : {});
  const worker = startWorker(browser, clock ? { clock } : {});
  await settle(worker);
  return { browser, worker };
}

describe('a tab’s ready view', () => {
  it('shows a cookie set after it was computed', async () => {
    const { browser, worker } = await setUp();
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', 'first'));
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['first@shop.test/']);
    await browser.cookies.set(cookieOn('shop.test', 'second'));
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['first@shop.test/', 'second@shop.test/']);
  });

  it('follows the hosts the page loads from, and a navigation to another site', async () => {
    const { browser, worker } = await setUp();
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', 'sid'));
    await browser.cookies.set(cookieOn('tracker.test', 'trk'));
    await browser.cookies.set(cookieOn('news.test', 'edition'));
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['sid@shop.test/']);
    browser.loadResource(tab, 'https://tracker.test/t.js');
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['sid@shop.test/', 'trk@tracker.test/']);
    browser.navigate(tab, 'https://news.test/');
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['edition@news.test/']);
  });

  it('drops a cookie once it has expired, with no event from the browser', async () => {
    let now = Date.UTC(2026, 11, 3, 12, 0, 0);
    const { browser, worker } = await setUp(() => now);
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', 'brief', { expirationDate: now / 1000 + 60 }));
    await browser.cookies.set(cookieOn('shop.test', 'lasting', { expirationDate: now / 1000 + 86_400 }));
    await settle(worker);
    expect(await viewNames(browser, tab)).toEqual(['brief@shop.test/', 'lasting@shop.test/']);
    now += 61_000;
    expect(await viewNames(browser, tab)).toEqual(['lasting@shop.test/']);
  });

  it('asks whether it may read the page the tab shows now, not the one it showed before', async () => {
    const browser = new FakeBrowser();
    const api = browser.api.bind(browser);
    browser.api = () => ({
      ...api(),
      permissions: { contains: async ({ origins }) => origins.every((o) => o !== 'https://news.test/*') },
    });
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', 'sid'));
    await browser.cookies.set(cookieOn('news.test', 'edition'));
    await settle(worker);
    expect(await ask(browser, 'getTabView', { tabId: tab })).toMatchObject({ status: 'ok', cookies: [{}] });
    browser.navigate(tab, 'https://news.test/');
    await settle(worker);
    expect(await ask(browser, 'getTabView', { tabId: tab })).toMatchObject({ status: 'no-access', cookies: [] });
  });
});
