import { describe, expect, it } from 'vitest';
import { shouldClean } from '../../../src/background/site-cleaner';
import { fromText } from '../../../src/core/if-deleted';
import type { Label } from '../../../src/core/types';
import type { BrowserCookie, HistoryBatch, SiteSettings } from '../../../src/shared/protocol';
import { FakeBrowser } from '../../fakes/fake-browser';
import { flushEvents, settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn, storedCookie } from './helpers';

const CLEAN: SiteSettings = { keepClean: true, allowedVendors: [], allowedCookies: [] };

async function cleanShop(settings: SiteSettings = CLEAN) {
  const browser = new FakeBrowser();
  const worker = startWorker(browser);
  const tab = browser.openTab('https://shop.test/');
  browser.loadResource(tab, 'https://adnet.test/px.gif');
  await settle(worker);
  await ask(browser, 'setSiteSettings', { site: 'shop.test', settings });
  await settle(worker);
  return { browser, worker, tab };
}

const names = (browser: FakeBrowser) =>
  browser.cookies
    .all()
    .map((c) => c.name)
    .sort();

describe('keeping a site clean', () => {
  it('cleans a frame’s cookie that arrived before the browser reported the frame’s request', async () => {
    const { browser, worker, tab } = await cleanShop();
    // Firefox can deliver the cookie event of a frame's response before the request event.
    await browser.cookies.set(cookieOn('social.test', 'IDE'));
    await settle(worker);
    expect(names(browser)).toEqual(['IDE']);
    browser.loadFrame(tab, 'https://social.test/plugins/like');
    await settle(worker);
    expect(names(browser)).toEqual([]);
  });

  it('never reaches a cookie the browser would not send from the site: another site’s SameSite=Lax cookie stays', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://news.test/');
    // The page merely requests the bank's icon: the bank's Lax cookies are not sent with it.
    browser.loadResource(tab, 'https://bank.test/favicon.ico', 'image');
    browser.loadResource(tab, 'https://adnet.test/px.gif', 'image');
    await browser.cookies.set(cookieOn('bank.test', 'lang', { sameSite: 'lax' }));
    await browser.cookies.set(cookieOn('bank.test', '_ga', { sameSite: 'unspecified' }));
    await browser.cookies.set(cookieOn('adnet.test', 'IDE', { sameSite: 'no_restriction' }));
    await browser.cookies.set(cookieOn('news.test', '_ga', { sameSite: 'strict' }));
    await settle(worker);
    const view = await ask(browser, 'getTabView', { tabId: tab });
    expect(view.cookies.map((r: { cookie: BrowserCookie }) => `${r.cookie.name}@${r.cookie.domain}`).sort()).toEqual([
      'IDE@adnet.test',
      '_ga@news.test',
    ]);
    await ask(browser, 'setSiteSettings', { site: 'news.test', settings: CLEAN });
    await browser.cookies.set(cookieOn('bank.test', '_gid', { sameSite: 'lax' }));
    await settle(worker);
    expect(
      browser.cookies
        .all()
        .map((c) => `${c.name}@${c.domain}`)
        .sort(),
    ).toEqual(['_ga@bank.test', '_gid@bank.test', 'lang@bank.test']);
  });

  it('removes a non-essential cookie as soon as it is set, keeps essential and unknown ones', async () => {
    const { browser, worker } = await cleanShop();
    for (const [host, name] of [
      ['shop.test', '_ga'],
      ['shop.test', 'sid'],
      ['shop.test', 'mystery'],
      ['adnet.test', 'IDE'],
      ['elsewhere.test', '_ga'],
    ]) {
      await browser.cookies.set(cookieOn(host, name));
    }
    await settle(worker);
    expect(names(browser)).toEqual(['_ga', 'mystery', 'sid']);
    expect(browser.cookies.all().find((c) => c.name === '_ga')?.domain).toBe('elsewhere.test');
    const history: HistoryBatch[] = await ask(browser, 'getHistory', {});
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ trigger: 'automatic', site: 'shop.test', count: 2 });
    expect(history[0].byCategory).toMatchObject({ analytics: 1, marketing: 1 });
  });

  it('applies the policy of the site a tab is going to, to the cookies of its own response', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://news.test/');
    await settle(worker);
    await ask(browser, 'setSiteSettings', { site: 'shop.test', settings: CLEAN });
    // The response of https://shop.test/ sets its cookies before the new page commits.
    browser.startNavigation(tab, 'https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga'));
    await browser.cookies.set(cookieOn('shop.test', 'sid'));
    await settle(worker);
    expect(names(browser)).toEqual(['sid']);
    browser.commitNavigation(tab, 'https://shop.test/');
    await settle(worker);
    expect((await ask(browser, 'getTabView', { tabId: tab })).cookies.map((r) => r.cookie.name)).toEqual(['sid']);
  });

  it('removes unknown cookies too when the user chose so', async () => {
    const { browser, worker } = await cleanShop();
    await ask(browser, 'setIncludeUnknown', { includeUnknown: true });
    await browser.cookies.set(cookieOn('shop.test', 'mystery'));
    await browser.cookies.set(cookieOn('shop.test', 'sid'));
    await settle(worker);
    expect(names(browser)).toEqual(['sid']);
  });

  it('respects the site’s exceptions: an allowed vendor, a single allowed cookie', async () => {
    const { browser, worker } = await cleanShop({
      keepClean: true,
      allowedVendors: ['Google Analytics'],
      allowedCookies: [{ name: 'lang', domain: '.shop.test' }],
    });
    for (const name of ['_ga', '_gid', 'lang', 'IDE'])
      await browser.cookies.set(cookieOn(name === 'IDE' ? 'adnet.test' : 'shop.test', name));
    await settle(worker);
    expect(names(browser)).toEqual(['_ga', '_gid', 'lang']);
  });

  it('cleans what is already there when turned on, and nothing on sites not kept clean', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const shop = browser.openTab('https://shop.test/');
    const news = browser.openTab('https://news.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga'));
    await browser.cookies.set(cookieOn('news.test', '_ga'));
    await settle(worker);
    expect(names(browser)).toEqual(['_ga', '_ga']);
    await ask(browser, 'setSiteSettings', { site: 'shop.test', settings: CLEAN });
    await settle(worker);
    expect(browser.cookies.all().map((c) => c.domain)).toEqual(['news.test']);
    expect(shop).not.toBe(news);
  });

  it('does not remove again what undo puts back', async () => {
    const { browser, worker } = await cleanShop();
    await browser.cookies.set(cookieOn('shop.test', '_ga'));
    await settle(worker);
    expect(names(browser)).toEqual([]);
    const [batch]: HistoryBatch[] = await ask(browser, 'getHistory', {});
    const undo = await ask(browser, 'undo', { batchId: batch.id });
    expect(undo.restored).toBe(1);
    await settle(worker);
    expect(names(browser)).toEqual(['_ga']);
    // The site setting it again later is cleaned as before.
    await browser.cookies.set(cookieOn('shop.test', '_ga', { value: 'again' }));
    await settle(worker);
    expect(names(browser)).toEqual([]);
  });

  it('keeps what undo puts back even when the site sets the cookie again while undo runs', async () => {
    const { browser, worker } = await cleanShop();
    await browser.cookies.set(cookieOn('shop.test', '_ga', { value: 'before' }));
    await settle(worker);
    const [batch]: HistoryBatch[] = await ask(browser, 'getHistory', {});
    const set = browser.cookies.set.bind(browser.cookies);
    let interfered = false;
    browser.cookies.set = async (details) => {
      if (details.value === 'before' && !interfered) {
        // The page's script sets its own value just before undo's write lands.
        interfered = true;
        await set(cookieOn('shop.test', '_ga', { value: 'from-page' }));
        await flushEvents(3);
      }
      return set(details);
    };
    const undo = await ask(browser, 'undo', { batchId: batch.id });
    await settle(worker);
    expect(interfered).toBe(true);
    expect(undo.restored).toBe(1);
    expect(browser.cookies.all().map((c) => `${c.name}=${c.value}`)).toEqual(['_ga=before']);
  });

  it('undoes a batch in which the site set the same cookie twice: the last value comes back, no failure', async () => {
    const { browser, worker } = await cleanShop();
    await browser.cookies.set(cookieOn('shop.test', '_ga', { value: 'from-server' }));
    await settle(worker);
    await browser.cookies.set(cookieOn('shop.test', '_ga', { value: 'from-script' }));
    await settle(worker);
    const [batch, ...older]: HistoryBatch[] = await ask(browser, 'getHistory', {});
    expect(older).toEqual([]);
    expect(batch).toMatchObject({ count: 1, byCategory: { analytics: 1 } });
    const undo = await ask(browser, 'undo', { batchId: batch.id });
    expect(undo).toEqual({ batchId: batch.id, restored: 1, expired: [], failed: [] });
    await settle(worker);
    expect(browser.cookies.all().map((c) => `${c.name}=${c.value}`)).toEqual(['_ga=from-script']);
  });

  it('removes a cookie the site sets again while the removal of its previous value is under way', async () => {
    const { browser, worker } = await cleanShop();
    const getAll = browser.cookies.getAll.bind(browser.cookies);
    let reads = 0;
    browser.cookies.getAll = async (query) => {
      const answer = await getAll(query);
      // The cleaner's second read (after its removal) finds nothing; before that answer is back, the
      // site sets the cookie again and the worker receives the event.
      if (query.name === '_ga' && ++reads === 2) {
        await browser.cookies.set(cookieOn('shop.test', '_ga', { value: 'again' }));
        await flushEvents(3);
      }
      return answer;
    };
    await browser.cookies.set(cookieOn('shop.test', '_ga', { value: 'first' }));
    await settle(worker);
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(names(browser)).toEqual([]);
  });

  it('settles a name two vendors use by the vendors on the tab, as the popup does, before cleaning', async () => {
    const { browser, worker, tab } = await cleanShop({ ...CLEAN, allowedVendors: ['ChatCo'] });
    await ask(browser, 'setIncludeUnknown', { includeUnknown: true });
    browser.loadFrame(tab, 'https://chat.test/widget');
    await browser.cookies.set(cookieOn('chat.test', 'chat_state'));
    await browser.cookies.set(cookieOn('chat.test', 'shared_id'));
    await settle(worker);
    const view = await ask(browser, 'getTabView', { tabId: tab });
    expect(view.cookies.find((r: { cookie: BrowserCookie }) => r.cookie.name === 'shared_id')?.label.vendor).toBe(
      'ChatCo',
    );
    // ChatCo is allowed on this site: neither of its cookies goes, whatever else shares the name.
    expect(names(browser)).toEqual(['chat_state', 'shared_id']);
  });

  it('decides again when a queued removal runs: turned off meanwhile, the cookie stays', async () => {
    const { browser, worker, tab } = await cleanShop();
    await browser.cookies.set(cookieOn('shop.test', 'lb'));
    await settle(worker);
    const set = browser.cookies.set.bind(browser.cookies);
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    browser.cookies.set = async (details) => {
      // The user's one-click removal is slow: everything queued behind it waits.
      if (details.name === 'lb') await held;
      return set(details);
    };
    const removal = ask(browser, 'deleteCategory', { tabId: tab, category: 'essential' });
    await flushEvents(3);
    await set(cookieOn('shop.test', '_ga'));
    await flushEvents(3);
    await ask(browser, 'setSiteSettings', { site: 'shop.test', settings: { ...CLEAN, keepClean: false } });
    release();
    await removal;
    await settle(worker);
    expect(names(browser)).toEqual(['_ga']);
  });

  it('leaves a tab alone until it knows the tab’s cookie store, then catches up', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    browser.cookies.stores.push({ id: '1', tabIds: [] });
    await settle(worker);
    await ask(browser, 'setSiteSettings', { site: 'shop.test', settings: CLEAN });
    // A normal-profile cookie of the site, which no normal tab shows.
    await browser.cookies.set(cookieOn('shop.test', '_gid'));
    const stores = browser.cookies.getAllCookieStores.bind(browser.cookies);
    let answer!: () => void;
    const lookup = new Promise<void>((resolve) => {
      answer = resolve;
    });
    browser.cookies.getAllCookieStores = async () => {
      await lookup;
      return stores();
    };
    // An incognito tab starts loading the site; its response sets _ga in the incognito store.
    const tab = browser.openTab(undefined, { storeId: '1' });
    browser.startNavigation(tab, 'https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga', { storeId: '1' }));
    await settle(worker);
    expect(
      browser.cookies
        .all()
        .map((c) => `${c.name}@${c.storeId}`)
        .sort(),
    ).toEqual(['_ga@1', '_gid@0']);
    answer();
    await settle(worker);
    expect(browser.cookies.all().map((c) => `${c.name}@${c.storeId}`)).toEqual(['_gid@0']);
  });

  it('leaves a cookie that a tab of a site not kept clean also uses, until that tab closes', async () => {
    const { browser, worker } = await cleanShop();
    const other = browser.openTab('https://news.test/');
    browser.loadResource(other, 'https://adnet.test/px.gif');
    await settle(worker);
    await browser.cookies.set(cookieOn('adnet.test', 'IDE'));
    await browser.cookies.set(cookieOn('shop.test', '_ga'));
    await settle(worker);
    // The shop's own analytics cookie goes; the ad network's, which the news tab uses too, stays.
    expect(names(browser)).toEqual(['IDE']);
    await ask(browser, 'setSiteSettings', { site: 'shop.test', settings: { ...CLEAN, keepClean: false } });
    await ask(browser, 'setSiteSettings', { site: 'shop.test', settings: CLEAN });
    await settle(worker);
    expect(names(browser)).toEqual(['IDE']);
    browser.closeTab(other);
    await settle(worker);
    await browser.cookies.set(cookieOn('adnet.test', 'IDE'));
    await settle(worker);
    expect(names(browser)).toEqual([]);
  });

  it('stops when the user turns it off', async () => {
    const { browser, worker } = await cleanShop();
    await ask(browser, 'setSiteSettings', { site: 'shop.test', settings: { ...CLEAN, keepClean: false } });
    await browser.cookies.set(cookieOn('shop.test', '_ga'));
    await settle(worker);
    expect(names(browser)).toEqual(['_ga']);
    expect((await ask(browser, 'getSettings', {})).sites).toEqual({});
  });
});

describe('the cleaning policy', () => {
  const cookie = storedCookie('c', '.shop.test', { value: '' });
  const label = (category: Label['category'], vendor: string | null = null): Label => ({
    category,
    vendor,
    purpose: null,
    lifetime: { kind: 'session' },
    party: 'first',
    source: 'exact',
    confidence: 1,
    entryId: null,
    reason: '',
    ...fromText(category, null, 'c'),
  });

  it('never removes essential cookies, unknown ones only when chosen, and honours exceptions', () => {
    expect(shouldClean(cookie, label('essential'), CLEAN, true)).toBe(false);
    expect(shouldClean(cookie, label('unknown'), CLEAN, false)).toBe(false);
    expect(shouldClean(cookie, label('unknown'), CLEAN, true)).toBe(true);
    for (const category of ['functional', 'analytics', 'marketing'] as const) {
      expect(shouldClean(cookie, label(category), CLEAN, false)).toBe(true);
    }
    expect(shouldClean(cookie, label('analytics', 'V'), { ...CLEAN, allowedVendors: ['V'] }, false)).toBe(false);
    expect(
      shouldClean(
        cookie,
        label('analytics'),
        { ...CLEAN, allowedCookies: [{ name: 'c', domain: 'shop.test' }] },
        false,
      ),
    ).toBe(false);
    expect(
      shouldClean(
        cookie,
        label('analytics'),
        { ...CLEAN, allowedCookies: [{ name: 'c', domain: 'other.test' }] },
        false,
      ),
    ).toBe(true);
    expect(shouldClean(cookie, label('analytics'), { ...CLEAN, keepClean: false }, true)).toBe(false);
  });
});
