import { describe, expect, it, vi } from 'vitest';
import type { Background } from '../../../src/background/background';
import { FIRST_SCREEN_ROWS } from '../../../src/shared/cookie-groups';
import {
  KEPT_SCREEN_PREFIX,
  type KeptScreen,
  LEAD_PORT_SUFFIXES,
  LIVE_PORT_PREFIX,
} from '../../../src/shared/protocol';
import { FakeBrowser } from '../../fakes/fake-browser';
import { settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn } from './helpers';

async function kept(browser: FakeBrowser, tabId: number): Promise<KeptScreen | undefined> {
  const key = `${KEPT_SCREEN_PREFIX}${tabId}`;
  return (await browser.storageSession.get([key]))[key] as KeptScreen | undefined;
}

/** A new tab's store is looked up on its own: its screen is kept once that answer is in. */
async function keptOnce(browser: FakeBrowser, worker: Background, tabId: number): Promise<void> {
  await vi.waitFor(async () => {
    await settle(worker);
    expect(await kept(browser, tabId)).toBeDefined();
  });
}

describe('the first screens the worker keeps for a popup opened while it sleeps', () => {
  it('hold what the popup’s port would send first, for the active tab, as the cookies change', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    for (let i = 0; i < FIRST_SCREEN_ROWS + 5; i++) await browser.cookies.set(cookieOn('shop.test', `pref_${i}`));
    await keptOnce(browser, worker, tab);
    await settle(worker);
    const port = browser.connect(`${LIVE_PORT_PREFIX}${tab}${LEAD_PORT_SUFFIXES.groups}`);
    await settle(worker);
    const screen = await kept(browser, tab);
    const { keptAt, ...sent } = screen ?? { keptAt: 0 };
    expect(keptAt).toBeGreaterThan(0);
    expect(sent).toEqual(port.received[0]);
    expect(screen?.view.cookies).toHaveLength(FIRST_SCREEN_ROWS);
    expect(screen?.lead?.total).toBe(FIRST_SCREEN_ROWS + 5);
    port.disconnect();

    await browser.cookies.set(cookieOn('shop.test', '_ga'));
    await settle(worker);
    expect((await kept(browser, tab))?.lead?.total).toBe(FIRST_SCREEN_ROWS + 6);
  });

  it('are not written again for a value that changed, so a site churning a cookie costs no writes', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', 'pref', { value: '0' }));
    await keptOnce(browser, worker, tab);
    await settle(worker);
    const writes = browser.storageSession.writes;
    for (let i = 1; i <= 20; i++) {
      await browser.cookies.set(cookieOn('shop.test', 'pref', { value: String(i) }));
      await settle(worker);
    }
    expect(browser.storageSession.writes).toBe(writes);
  });

  it('go with their tab, also when it closed while the worker was stopped', async () => {
    const browser = new FakeBrowser();
    const first = startWorker(browser);
    const closed = browser.openTab('https://gone.test/');
    await browser.cookies.set(cookieOn('gone.test', 'pref'));
    await settle(first);
    const other = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', 'pref'));
    await settle(first);
    await keptOnce(browser, first, closed);
    await keptOnce(browser, first, other);
    browser.stopWorker();
    browser.closeTabSilently(closed);
    const second = startWorker(browser);
    await settle(second);
    expect(await kept(browser, closed)).toBeUndefined();
    browser.closeTab(other);
    await settle(second);
    expect(await kept(browser, other)).toBeUndefined();
  });

  it('are never kept for a private window’s tab', async () => {
    const browser = new FakeBrowser();
    browser.cookies.stores.push({ id: '1', tabIds: [] });
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/', { storeId: '1' });
    await browser.cookies.set(cookieOn('shop.test', 'pref', { storeId: '1' }));
    // The worker knows the tab's store (its view lists the private cookie), and has counted it since.
    await vi.waitFor(async () => {
      await settle(worker);
      expect((await ask(browser, 'getTabView', { tabId: tab })).cookies).toHaveLength(1);
      expect(browser.badges.has(tab)).toBe(true);
    });
    await settle(worker);
    expect(await kept(browser, tab)).toBeUndefined();
  });
});
