import { describe, expect, it } from 'vitest';
import { Badge, badgeText } from '../../../src/background/badge';
import { FakeBrowser } from '../../fakes/fake-browser';
import { manualTimers } from '../../fakes/manual-timers';
import { settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn } from './helpers';

describe('the badge', () => {
  it('shows the count, nothing for zero or an unreadable page, and caps long numbers', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(null)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(1000)).toBe('999+');
  });

  it('recomputes once for a burst of changes, for each window’s active tab', async () => {
    const browser = new FakeBrowser();
    const api = browser.api();
    const one = browser.openTab('https://a.test/');
    const counted: number[] = [];
    const clock = manualTimers();
    const badge = new Badge(
      api.action,
      api.tabs,
      (tabId) => {
        counted.push(tabId);
        return 3;
      },
      { delayMs: 100, maxDelayMs: 500 },
      clock.timers,
    );
    for (let i = 0; i < 200; i++) badge.schedule();
    expect(clock.pending.size).toBe(1);
    clock.fireAll();
    await badge.settled();
    expect(counted).toEqual([one]);
    expect(browser.badges.get(one)).toBe('3');
  });

  it('counts the optional cookies of the active tab, as one click would remove them', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const shop = browser.openTab('https://shop.test/');
    for (const name of ['sid', '_ga', '_gid', 'lang', 'mystery'])
      await browser.cookies.set(cookieOn('shop.test', name));
    await settle(worker);
    expect(browser.badges.get(shop)).toBe('3');
    await ask(browser, 'setIncludeUnknown', { includeUnknown: true });
    await settle(worker);
    expect(browser.badges.get(shop)).toBe('4');
    const empty = browser.openTab('https://empty.test/');
    await settle(worker);
    expect(browser.badges.get(empty)).toBe('');
    await browser.cookies.set(cookieOn('empty.test', '_ga'));
    await settle(worker);
    expect(browser.badges.get(empty)).toBe('1');
  });

  it('shows no count on a page whose cookies the popup does not list (the web store)', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const store = browser.openTab('https://chromewebstore.google.com/detail/x');
    await browser.cookies.set(cookieOn('chromewebstore.google.com', '_ga'));
    await settle(worker);
    expect((await ask(browser, 'getTabView', { tabId: store })).status).toBe('unsupported');
    expect(browser.badges.get(store)).toBe('');
  });
});
