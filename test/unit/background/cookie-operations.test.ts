import { describe, expect, it } from 'vitest';
import { removeAllExact, removeExact } from '../../../src/background/cookie-operations';
import { cookieUrl, expiredOverwrite, isAddressable, restoreDetails } from '../../../src/background/cookie-url';
import { identityOf } from '../../../src/core/cookie-key';
import type { BrowserCookie } from '../../../src/shared/protocol';
import { FakeBrowser } from '../../fakes/fake-browser';
import { FakeCookieStore } from '../../fakes/fake-cookie-store';
import { settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn, storedCookie } from './helpers';

const cookie = (over: Partial<BrowserCookie>): BrowserCookie =>
  storedCookie(over.name ?? 'x', over.domain ?? 'a.test', { value: 'v', secure: false, ...over });

describe('addressing a cookie', () => {
  it('builds the URL from the host without its dot, the scheme from Secure, and the path', () => {
    expect(cookieUrl(cookie({ domain: '.a.test', hostOnly: false, path: '/p' }))).toBe('http://a.test/p');
    expect(cookieUrl(cookie({ secure: true }))).toBe('https://a.test/');
    expect(cookieUrl(cookie({ domain: '192.168.0.1' }))).toBe('http://192.168.0.1/');
    expect(cookieUrl(cookie({ domain: '::1' }))).toBe('http://[::1]/');
    expect(cookieUrl(cookie({ domain: '[::1]' }))).toBe('http://[::1]/');
  });

  it('knows which paths a URL can spell, and so which cookies the API can reach exactly', () => {
    for (const path of ['/', '/p', '/a%20b', '/~user/x', '/a;b']) expect(isAddressable({ path }), path).toBe(true);
    for (const path of ['/a b', '/s\u00f8k', '/a?b', '/a#b', '', 'p', '/a"b']) {
      expect(isAddressable({ path }), path).toBe(false);
    }
  });

  it('leaves a cookie it cannot reach exactly alone, and says why', async () => {
    const store = new FakeCookieStore();
    await store.set(cookieOn('a.test', 'odd', { path: '/a b' }));
    const outcome = await removeExact(store, identityOf(store.all()[0]));
    expect(outcome.kind === 'failed' && outcome.failure.error).toContain('cannot address');
    expect(store.all()).toHaveLength(1);
  });

  it('restores with domain only for domain cookies and expiry only for persistent ones', () => {
    const hostOnly = restoreDetails(cookie({}));
    expect(hostOnly).not.toHaveProperty('domain');
    expect(hostOnly).not.toHaveProperty('expirationDate');
    const domain = restoreDetails(cookie({ domain: '.a.test', hostOnly: false, session: false, expirationDate: 2e9 }));
    expect(domain).toMatchObject({ domain: 'a.test', expirationDate: 2e9 });
    const partitioned = restoreDetails(
      cookie({ secure: true, partitionKey: { topLevelSite: 'https://t.test', hasCrossSiteAncestor: true } }),
    );
    expect(partitioned.partitionKey).toEqual({ topLevelSite: 'https://t.test', hasCrossSiteAncestor: true });
    expect(expiredOverwrite(cookie({})).expirationDate).toBe(1);
  });
});

describe('exact deletion', () => {
  async function withSiblings() {
    const browser = new FakeBrowser();
    browser.cookies.stores.push({ id: '1', tabIds: [] });
    const set = (host: string, extra: Parameters<typeof cookieOn>[2] = {}) =>
      browser.cookies.set(cookieOn(host, 'x', extra));
    await set('a.test', { path: '/' });
    await set('a.test', { path: '/deep' });
    await set('a.test', { domain: 'a.test' });
    await set('sub.a.test');
    await set('b.test');
    await set('a.test', { storeId: '1' });
    await set('a.test', { partitionKey: { topLevelSite: 'https://top.test' } });
    return browser;
  }

  it('removes only the cookie named, never a same-named one on another path, domain, store or partition', async () => {
    for (const target of [
      { name: 'x', domain: 'a.test', path: '/deep', storeId: '0' },
      { name: 'x', domain: 'a.test', path: '/', storeId: '0' },
      { name: 'x', domain: '.a.test', path: '/', storeId: '0' },
      { name: 'x', domain: 'a.test', path: '/', storeId: '1' },
      {
        name: 'x',
        domain: 'a.test',
        path: '/',
        storeId: '0',
        partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true },
      },
    ]) {
      const browser = await withSiblings();
      const before = browser.cookies.all();
      const worker = startWorker(browser);
      await settle(worker);
      const report = await ask(browser, 'deleteCookies', { tabId: null, cookies: [target] });
      expect(report.removedTotal).toBe(1);
      expect(report.failed).toEqual([]);
      expect(browser.cookies.has(target)).toBe(false);
      const left = browser.cookies.all();
      expect(left).toHaveLength(before.length - 1);
      // Every other cookie is untouched: same value, same attributes.
      for (const c of left) expect(before).toContainEqual(c);
      // `cookies.remove` would have taken siblings with it; the worker must not use it here.
      expect(browser.cookies.calls.filter((c) => c.method === 'remove')).toEqual([]);
    }
  });

  it('reports a cookie that vanished in the meantime, without error and without a batch', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    await settle(worker);
    const gone = { name: 'gone', domain: 'a.test', path: '/', storeId: '0' };
    const report = await ask(browser, 'deleteCookies', { tabId: null, cookies: [gone] });
    expect(report).toMatchObject({ batchId: null, removedTotal: 0, vanished: [gone], failed: [] });
  });

  it('does not believe the browser: a cookie still there afterwards is reported as failed', async () => {
    const browser = new FakeBrowser();
    await browser.cookies.set(cookieOn('a.test', 'stuck'));
    const target = { name: 'stuck', domain: 'a.test', path: '/', storeId: '0' };
    browser.cookies.makeStubborn(target);
    const worker = startWorker(browser);
    await settle(worker);
    const report = await ask(browser, 'deleteCookies', { tabId: null, cookies: [target] });
    expect(report.removedTotal).toBe(0);
    expect(report.batchId).toBeNull();
    expect(report.failed).toEqual([{ identity: target, error: 'the browser still has the cookie after removing it' }]);
  });

  it('falls back to remove and puts back the siblings remove took with it', async () => {
    const store = new FakeCookieStore();
    await store.set(cookieOn('a.test', 'x', { path: '/', value: 'parent-path' }));
    await store.set(cookieOn('a.test', 'x', { path: '/deep', value: 'target' }));
    await store.set(
      cookieOn('a.test', 'x', { domain: 'a.test', value: 'parent-domain', httpOnly: true, expirationDate: 2e9 }),
    );
    const before = store.all();
    store.ignoreExpiredOverwrites = true;
    const target = store.all().find((c) => c.value === 'target')!;
    const outcome = await removeExact(store, identityOf(target));
    expect(outcome.kind).toBe('removed');
    expect(store.has(target)).toBe(false);
    expect(store.all().sort((a, b) => a.value.localeCompare(b.value))).toEqual(
      before.filter((c) => c.value !== 'target').sort((a, b) => a.value.localeCompare(b.value)),
    );
  });

  it('takes the last resort one cookie at a time, so same-named targets do not put each other back', async () => {
    const store = new FakeCookieStore();
    await store.set(cookieOn('a.test', 'x', { path: '/', value: 'root' }));
    await store.set(cookieOn('a.test', 'x', { path: '/a', value: 'deep' }));
    await store.set(cookieOn('a.test', 'keep', { path: '/', value: 'kept' }));
    store.ignoreExpiredOverwrites = true;
    const targets = store.all().filter((c) => c.name === 'x');
    const outcomes = await removeAllExact(store, targets.map(identityOf), 8);
    expect(outcomes.map((o) => o.kind)).toEqual(['removed', 'removed']);
    expect(store.all().map((c) => `${c.name}=${c.value}`)).toEqual(['keep=kept']);
  });

  it('reaches a non-secure cookie next to a Secure one of the same name', async () => {
    const store = new FakeCookieStore();
    // Set in this order: an http site cannot set it once the Secure one exists.
    await store.set({ ...cookieOn('a.test', 'y'), url: 'http://a.test/', secure: false, sameSite: 'lax', path: '/x' });
    await store.set({ ...cookieOn('a.test', 'y', { domain: 'a.test' }), sameSite: 'lax' });
    const plain = store.all().find((c) => !c.secure)!;
    const outcome = await removeExact(store, identityOf(plain));
    expect(outcome.kind).toBe('removed');
    expect(store.all().map((c) => c.secure)).toEqual([true]);
    // The http attempt was refused; https reached it.
    const schemes = store.calls
      .filter((c) => c.method === 'set')
      .slice(2)
      .map((c) => (c.args as { url: string }).url);
    expect(schemes).toEqual(['http://a.test/x', 'https://a.test/x']);
  });

  it('removes a tab’s optional cookies in one click: essential stay, unknown only when chosen', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    browser.loadResource(tab, 'https://adnet.test/px');
    for (const [host, name] of [
      ['shop.test', 'sid'],
      ['shop.test', '_ga'],
      ['shop.test', '_gid'],
      ['shop.test', 'lang'],
      ['adnet.test', 'IDE'],
      ['shop.test', 'mystery'],
    ]) {
      await browser.cookies.set(cookieOn(host, name));
    }
    await settle(worker);
    const first = await ask(browser, 'deleteOptional', { tabId: tab });
    expect(first.removed).toEqual({ essential: 0, functional: 1, analytics: 2, marketing: 1, unknown: 0 });
    expect(first.removedTotal).toBe(4);
    expect(
      browser.cookies
        .all()
        .map((c) => c.name)
        .sort(),
    ).toEqual(['mystery', 'sid']);
    await ask(browser, 'setIncludeUnknown', { includeUnknown: true });
    await settle(worker);
    const second = await ask(browser, 'deleteOptional', { tabId: tab });
    expect(second.removed.unknown).toBe(1);
    expect(browser.cookies.all().map((c) => c.name)).toEqual(['sid']);
  });

  it('removes one category on request, essential included when asked for explicitly, never a sign-in', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', 'sid'));
    await browser.cookies.set(cookieOn('shop.test', 'lb'));
    await browser.cookies.set(cookieOn('shop.test', '_ga'));
    await settle(worker);
    const report = await ask(browser, 'deleteCategory', { tabId: tab, category: 'essential' });
    expect(report.removed.essential).toBe(1);
    expect(
      browser.cookies
        .all()
        .map((c) => c.name)
        .sort(),
    ).toEqual(['_ga', 'sid']);
  });
});
