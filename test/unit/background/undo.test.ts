import { describe, expect, it } from 'vitest';
import { StorageWriter } from '../../../src/background/storage-writer';
import {
  batchBytes,
  HISTORY_KEY,
  MAX_BATCHES,
  MAX_HISTORY_BYTES,
  MAX_HISTORY_COOKIES,
  UndoHistory,
  utf8Length,
} from '../../../src/background/undo-history';
import type { BrowserCookie, HistoryBatch } from '../../../src/shared/protocol';
import { FakeBrowser } from '../../fakes/fake-browser';
import { FakeStorageArea } from '../../fakes/fake-storage';
import { settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn } from './helpers';

const NOW = 1_800_000_000;

/** One optional cookie of every shape undo must reproduce. */
async function plantVariety(browser: FakeBrowser): Promise<BrowserCookie[]> {
  const set = (over: Parameters<typeof cookieOn>[2], name: string, host = 'shop.test') =>
    browser.cookies.set(cookieOn(host, name, over));
  await set({}, '_ga_hostonly_session');
  await set({ domain: 'shop.test', expirationDate: NOW + 3600 }, '_ga_domain_persistent');
  await set({ httpOnly: true, sameSite: 'strict', path: '/', expirationDate: NOW + 60 }, '_ga_httponly_strict');
  await set({ sameSite: 'unspecified', secure: false, url: 'http://shop.test/' }, '_ga_plain_http');
  await set({ path: '/account' }, '_ga_path');
  await set({ partitionKey: { topLevelSite: 'https://shop.test' } }, '_ga_partitioned', 'embed.test');
  return browser.cookies.all();
}

describe('undo', () => {
  it('puts back every removed cookie attribute for attribute', async () => {
    const browser = new FakeBrowser({ now: () => NOW });
    const worker = startWorker(browser, { clock: () => NOW * 1000 });
    const tab = browser.openTab('https://shop.test/account');
    const originals = await plantVariety(browser);
    await settle(worker);
    const report = await ask(browser, 'deleteOptional', { tabId: tab });
    expect(report.removedTotal).toBe(originals.length);
    expect(browser.cookies.all()).toEqual([]);
    await settle(worker);
    const undo = await ask(browser, 'undo', { batchId: report.batchId! });
    expect(undo).toEqual({ batchId: report.batchId, restored: originals.length, expired: [], failed: [] });
    const sort = (cs: BrowserCookie[]) => [...cs].sort((a, b) => a.name.localeCompare(b.name));
    expect(sort(browser.cookies.all())).toEqual(sort(originals));
    const history: HistoryBatch[] = await ask(browser, 'getHistory', {});
    expect(history[0]).toMatchObject({ id: report.batchId, undone: true, trigger: 'manual', site: 'shop.test' });
    await expect(ask(browser, 'undo', { batchId: report.batchId! })).rejects.toThrow('already been undone');
  });

  it('reports cookies that expired since they were removed instead of restoring them', async () => {
    let now = NOW;
    const browser = new FakeBrowser({ now: () => now });
    const worker = startWorker(browser, { clock: () => now * 1000 });
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga', { expirationDate: NOW + 60 }));
    await browser.cookies.set(cookieOn('shop.test', '_gid'));
    await settle(worker);
    const report = await ask(browser, 'deleteOptional', { tabId: tab });
    now += 120;
    const undo = await ask(browser, 'undo', { batchId: report.batchId! });
    expect(undo.restored).toBe(1);
    expect(undo.expired).toEqual([{ name: '_ga', domain: 'shop.test', path: '/', storeId: '0' }]);
    expect(browser.cookies.all().map((c) => c.name)).toEqual(['_gid']);
  });

  it('keeps a batch whose restore failed undoable, and names the failure', async () => {
    const browser = new FakeBrowser({ now: () => NOW });
    const worker = startWorker(browser, { clock: () => NOW * 1000 });
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga', { storeId: '0' }));
    await settle(worker);
    const report = await ask(browser, 'deleteOptional', { tabId: tab });
    const set = browser.cookies.set.bind(browser.cookies);
    browser.cookies.set = async () => undefined; // the browser accepts the call and does nothing
    const undo = await ask(browser, 'undo', { batchId: report.batchId! });
    expect(undo.failed).toEqual([
      { identity: { name: '_ga', domain: 'shop.test', path: '/', storeId: '0' }, error: 'the browser did not set it' },
    ]);
    expect((await ask(browser, 'getHistory', {}))[0].undone).toBe(false);
    browser.cookies.set = set;
    expect((await ask(browser, 'undo', { batchId: report.batchId! })).restored).toBe(1);
  });

  it('retries only what failed: a cookie already put back keeps the value the site gave it since', async () => {
    const browser = new FakeBrowser({ now: () => NOW });
    const worker = startWorker(browser, { clock: () => NOW * 1000 });
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga', { value: 'old-ga' }));
    await browser.cookies.set(cookieOn('shop.test', '_gid', { value: 'old-gid' }));
    await settle(worker);
    const report = await ask(browser, 'deleteOptional', { tabId: tab });
    const set = browser.cookies.set.bind(browser.cookies);
    browser.cookies.set = async (details) => (details.name === '_gid' ? undefined : set(details));
    const first = await ask(browser, 'undo', { batchId: report.batchId! });
    expect([first.restored, first.failed.length]).toEqual([1, 1]);
    browser.cookies.set = set;
    await browser.cookies.set(cookieOn('shop.test', '_ga', { value: 'new-ga' }));
    const retry = await ask(browser, 'undo', { batchId: report.batchId! });
    expect([retry.restored, retry.failed.length]).toEqual([1, 0]);
    expect(
      browser.cookies
        .all()
        .map((c) => `${c.name}=${c.value}`)
        .sort(),
    ).toEqual(['_ga=new-ga', '_gid=old-gid']);
    expect((await ask(browser, 'getHistory', {}))[0].undone).toBe(true);
  });

  it('keeps values in storage.session only, never in storage.local', async () => {
    const browser = new FakeBrowser({ now: () => NOW });
    const worker = startWorker(browser, { clock: () => NOW * 1000 });
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga', { value: 'SECRET-VALUE-1' }));
    await settle(worker);
    await ask(browser, 'setIncludeUnknown', { includeUnknown: true });
    await ask(browser, 'setSiteSettings', {
      site: 'shop.test',
      settings: { keepClean: false, allowedVendors: ['X'], allowedCookies: [] },
    });
    await ask(browser, 'deleteOptional', { tabId: tab });
    await settle(worker);
    expect(browser.storageSession.dump()).toContain('SECRET-VALUE-1');
    expect(browser.storageLocal.dump()).not.toContain('SECRET-VALUE-1');
    expect(browser.storageLocal.keys()).toEqual(['settings']);
  });

  it('answers for unknown batches with a clear error', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    await settle(worker);
    await expect(ask(browser, 'undo', { batchId: 'nope' })).rejects.toThrow(
      "There is no deletion nope in this session's history.",
    );
  });
});

describe('the undo history', () => {
  const cookie = (name: string): BrowserCookie => ({
    name,
    value: 'v',
    domain: 'a.test',
    path: '/',
    secure: true,
    httpOnly: false,
    sameSite: 'lax',
    hostOnly: true,
    session: true,
    storeId: '0',
  });

  function history(now: () => number) {
    const area = new FakeStorageArea();
    let id = 0;
    const writer = new StorageWriter(area);
    return {
      area,
      writer,
      history: new UndoHistory(writer, { now, newId: () => `b${++id}` }),
    };
  }

  it('lists newest first, bounded in batches and in cookies', async () => {
    let now = 0;
    const { history: h, writer, area } = history(() => now);
    for (let i = 0; i < MAX_BATCHES + 5; i++) {
      now += 10_000;
      h.record('manual', 'a.test', [{ cookie: cookie(`c${i}`), category: 'analytics' }]);
    }
    const list = h.list();
    expect(list).toHaveLength(MAX_BATCHES);
    expect(list[0].id).toBe(`b${MAX_BATCHES + 5}`);
    expect(list.map((b) => b.at)).toEqual([...list.map((b) => b.at)].sort((a, b) => b - a));
    now += 10_000;
    const many = Array.from({ length: MAX_HISTORY_COOKIES }, (_, i) => ({
      cookie: cookie(`m${i}`),
      category: 'marketing' as const,
    }));
    h.record('manual', 'a.test', many);
    expect(h.list()).toHaveLength(1);
    await writer.flush();
    expect((area.peek(HISTORY_KEY) as unknown[]).length).toBe(1);
  });

  it('drops the oldest batches when large values would outgrow storage.session, keeping the newest', async () => {
    let now = 0;
    const { history: h, writer, area } = history(() => now);
    // 400 cookies with values near the browser's 4 kB limit: about 1.7 MB a batch.
    const batch = (tag: string) =>
      Array.from({ length: 400 }, (_, i) => ({
        cookie: { ...cookie(`${tag}${i}`), value: 'x'.repeat(4000) },
        category: 'marketing' as const,
      }));
    for (const tag of ['a', 'b', 'c', 'd']) {
      now += 10_000;
      h.record('manual', 'a.test', batch(tag));
    }
    await writer.flush();
    const stored = area.peek(HISTORY_KEY) as Parameters<typeof batchBytes>[0][];
    expect(stored.map((b) => b.cookies[0].cookie.name)).toEqual(['d0', 'c0']);
    expect(stored.reduce((n, b) => n + batchBytes(b), 0)).toBeLessThanOrEqual(MAX_HISTORY_BYTES);
    expect(JSON.stringify(stored).length).toBeLessThan(MAX_HISTORY_BYTES * 1.1);
    // A single batch larger than the bound still stays: it is the one the user may undo now.
    now += 10_000;
    h.record('manual', 'a.test', [...batch('e'), ...batch('f'), ...batch('g')]);
    expect(h.list()).toHaveLength(1);
  });

  it('counts the history in UTF-8 bytes, as the storage quota does', () => {
    const samples = ['', 'abc', 'æøå', '€', '🍪', 'a\u0000b', 'x'.repeat(4000), '日本語🍪é'];
    for (const text of samples) expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    const ascii = { cookie: { ...cookie('n'), value: 'aaaa' }, category: 'marketing' as const };
    const wide = { cookie: { ...cookie('n'), value: '🍪🍪' }, category: 'marketing' as const };
    const batchOf = (item: typeof ascii) => ({ cookies: [item] }) as unknown as Parameters<typeof batchBytes>[0];
    // Both values are four UTF-16 code units; the emoji take eight bytes.
    expect(batchBytes(batchOf(wide)) - batchBytes(batchOf(ascii))).toBe(4);
  });

  it('merges automatic removals on one site that come close together, not manual ones', () => {
    let now = 0;
    const { history: h } = history(() => now);
    h.record('automatic', 'a.test', [{ cookie: cookie('a'), category: 'analytics' }]);
    now += 100;
    h.record('automatic', 'a.test', [{ cookie: cookie('b'), category: 'marketing' }]);
    h.record('automatic', 'b.test', [{ cookie: cookie('c'), category: 'marketing' }]);
    h.record('manual', 'b.test', [{ cookie: cookie('d'), category: 'marketing' }]);
    const list = h.list();
    expect(list.map((b) => [b.trigger, b.site, b.count])).toEqual([
      ['manual', 'b.test', 1],
      ['automatic', 'b.test', 1],
      ['automatic', 'a.test', 2],
    ]);
    expect(list[2].byCategory).toEqual({ essential: 0, functional: 0, analytics: 1, marketing: 1, unknown: 0 });
  });

  it('keeps one batch for a site that keeps setting a cookie, and the user’s own batches over automatic ones', () => {
    let now = 0;
    const { history: h } = history(() => now);
    h.record('manual', 'a.test', [{ cookie: cookie('mine'), category: 'analytics' }]);
    // A site re-sets its cookie every two seconds for ten minutes.
    for (let i = 0; i < 300; i++) {
      now += 2000;
      h.record('automatic', 'b.test', [{ cookie: cookie('again'), category: 'marketing' }]);
    }
    expect(h.list().map((b) => [b.trigger, b.count])).toEqual([
      ['automatic', 1],
      ['manual', 1],
    ]);
    // Removals on many sites, far apart, fill the history: automatic batches make room first.
    for (let i = 0; i < MAX_BATCHES * 2; i++) {
      now += 10_000;
      h.record('automatic', `s${i}.test`, [{ cookie: cookie(`c${i}`), category: 'marketing' }]);
    }
    const list = h.list();
    expect(list).toHaveLength(MAX_BATCHES);
    expect(list.filter((b) => b.trigger === 'manual')).toHaveLength(1);
  });

  it('ignores malformed stored batches', () => {
    const { history: h } = history(() => 0);
    h.restore([
      {
        id: 'ok',
        at: 1,
        trigger: 'manual',
        site: null,
        count: 0,
        byCategory: { essential: 0, functional: 0, analytics: 0, marketing: 0, unknown: 0 },
        undone: false,
        cookies: [],
      },
      // Counts that pages would show as blanks: dropped, not shown.
      { id: 'no-counts', at: 1, trigger: 'manual', site: null, count: 0, byCategory: {}, undone: false, cookies: [] },
      { id: 3 },
      'x',
    ]);
    expect(h.list().map((b) => b.id)).toEqual(['ok']);
    h.restore('not a list');
    expect(h.list()).toEqual([]);
  });
});
