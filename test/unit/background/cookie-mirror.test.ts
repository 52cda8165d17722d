import { describe, expect, it } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { CookieMirror } from '../../../src/background/cookie-mirror';
import { registerListeners } from '../../../src/background/listeners';
import { cookieKey } from '../../../src/core/cookie-key';
import { FakeBrowser } from '../../fakes/fake-browser';
import { testLabeller } from '../../fakes/test-labeller';
import { flushEvents, settle, startWorker } from '../../fakes/worker';
import { storedCookie } from './helpers';

function mirrorKeys(mirror: CookieMirror): Map<string, string> {
  return new Map([...mirror.values()].map((e) => [e.key, e.cookie.value]));
}

function storeKeys(browser: FakeBrowser): Map<string, string> {
  return new Map(browser.cookies.all().map((c) => [cookieKey(c), c.value]));
}

describe('the cookie mirror', () => {
  it('labels a cookie when its label is first read, as it would have when the cookie arrived', () => {
    let clock = 1_700_000_000;
    let labelled = 0;
    const inner = testLabeller();
    const counting = {
      ...inner,
      label: (...args: Parameters<typeof inner.label>) => {
        labelled++;
        return inner.label(...args);
      },
    };
    const mirror = new CookieMirror(counting, () => clock);
    const cookie = storedCookie('sid', 'shop.test', { session: false, expirationDate: clock + 3600 });
    mirror.replaceAll([cookie]);
    expect(labelled).toBe(0);
    clock += 1800;
    const [entry] = [...mirror.values()];
    expect(entry.label).toEqual(inner.label(cookie, { now: 1_700_000_000 }));
    expect(entry.label).toBe(entry.label);
    expect(labelled).toBe(1);
    expect(entry.labelledAt).toBe(1_700_000_000);
  });

  it('reads every store and every partition at start-up, each cookie labelled', async () => {
    const browser = new FakeBrowser();
    browser.cookies.stores.push({ id: '1', tabIds: [] });
    await browser.cookies.set({
      url: 'https://a.test/',
      name: '_ga',
      value: '1',
      path: '/',
      secure: true,
      httpOnly: false,
      sameSite: 'lax',
      storeId: '0',
    });
    await browser.cookies.set({
      url: 'https://w.test/',
      name: 'p',
      value: '2',
      path: '/',
      secure: true,
      httpOnly: false,
      sameSite: 'no_restriction',
      storeId: '0',
      partitionKey: { topLevelSite: 'https://a.test' },
    });
    await browser.cookies.set({
      url: 'https://a.test/',
      name: 'sid',
      value: '3',
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
      storeId: '1',
    });
    const worker = startWorker(browser);
    await settle(worker);
    expect(worker.mirror.size).toBe(3);
    const labels = new Map([...worker.mirror.values()].map((e) => [e.cookie.name, e.label.category]));
    expect(labels).toEqual(
      new Map([
        ['_ga', 'analytics'],
        ['p', 'unknown'],
        ['sid', 'essential'],
      ]),
    );
  });

  it('follows every kind of change: set, overwrite, expiry, expired overwrite, eviction, removal', async () => {
    let now = 1_000_000;
    const browser = new FakeBrowser({ now: () => now });
    const worker = startWorker(browser, { clock: () => now * 1000 });
    await settle(worker);
    const base = { path: '/', secure: true, httpOnly: false, sameSite: 'lax' as const, storeId: '0' };
    await browser.cookies.set({ ...base, url: 'https://a.test/', name: 'a', value: '1' });
    await browser.cookies.set({ ...base, url: 'https://a.test/', name: 'b', value: '1', expirationDate: now + 10 });
    await browser.cookies.set({ ...base, url: 'https://a.test/', name: 'c', value: '1' });
    await browser.cookies.set({ ...base, url: 'https://a.test/', name: 'd', value: '1' });
    await settle(worker);
    expect(mirrorKeys(worker.mirror)).toEqual(storeKeys(browser));

    await browser.cookies.set({ ...base, url: 'https://a.test/', name: 'a', value: '2' }); // overwrite
    now += 20;
    browser.cookies.sweepExpired(); // b expires
    await browser.cookies.set({ ...base, url: 'https://a.test/', name: 'c', value: '', expirationDate: 1 }); // expired overwrite
    browser.cookies.evict({ name: 'd', domain: 'a.test', path: '/', storeId: '0' });
    await settle(worker);
    expect(mirrorKeys(worker.mirror)).toEqual(
      new Map([[cookieKey({ name: 'a', domain: 'a.test', path: '/', storeId: '0' }), '2']]),
    );
    await browser.cookies.remove({ url: 'https://a.test/', name: 'a' });
    await settle(worker);
    expect(worker.mirror.size).toBe(0);
  });

  it('ends exactly where the browser is after a storm of concurrent changes that starts before start-up', async () => {
    const browser = new FakeBrowser();
    const base = { secure: true, httpOnly: false, sameSite: 'no_restriction' as const, storeId: '0' };
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const op = () => {
      const name = `c${rand(40)}`;
      const host = ['a.test', 'b.test', 'sub.a.test'][rand(3)];
      const path = ['/', '/x'][rand(2)];
      const partitionKey = rand(4) === 0 ? { topLevelSite: 'https://top.test' } : undefined;
      if (rand(3) === 0)
        return browser.cookies.remove({
          url: `https://${host}${path}`,
          name,
          ...(partitionKey ? { partitionKey } : {}),
        });
      return browser.cookies.set({
        ...base,
        url: `https://${host}/`,
        name,
        value: String(rand(1000)),
        path,
        ...(partitionKey ? { partitionKey } : {}),
      });
    };
    // Four streams of changes, each waiting for its previous call, spread the storm over many turns
    // of the event loop, so it is still raging while the worker starts and reads the stores.
    const stream = async () => {
      for (let i = 0; i < 150; i++) await op();
    };
    const storm = Promise.all([stream(), stream(), stream(), stream()]);
    await flushEvents(10);
    const worker = startWorker(browser);
    await storm;
    await settle(worker);
    expect(mirrorKeys(worker.mirror)).toEqual(storeKeys(browser));
    expect(worker.mirror.size).toBeGreaterThan(10);
  });

  it('does not lose a change that overtakes the start-up read', async () => {
    const browser = new FakeBrowser();
    const base = { path: '/', secure: true, httpOnly: false, sameSite: 'lax' as const, storeId: '0' };
    await browser.cookies.set({ ...base, url: 'https://a.test/', name: 'old', value: '1' });
    const api = browser.api();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The read is taken now, but its answer is held back while the browser changes under it.
    const getAll = api.cookies.getAll.bind(api.cookies);
    api.cookies.getAll = async (query) => {
      const answer = await getAll(query);
      await held;
      return answer;
    };
    const background = createBackground(api, { labeller: testLabeller() });
    registerListeners(api, background);
    const started = background.start();
    await flushEvents();
    await browser.cookies.set({ ...base, url: 'https://a.test/', name: 'new', value: '2' });
    await browser.cookies.remove({ url: 'https://a.test/', name: 'old' });
    await flushEvents();
    release();
    await started;
    await settle(background);
    expect([...background.mirror.values()].map((e) => e.cookie.name)).toEqual(['new']);
  });

  it('keeps a cookie the labeller cannot label, as unknown', () => {
    const labeller = testLabeller();
    const mirror = new CookieMirror(
      {
        matcher: labeller.matcher,
        label: () => {
          throw new Error('boom');
        },
      },
      () => 0,
    );
    const cookie = storedCookie('x', 'a.test', { secure: false });
    const entry = mirror.apply({ removed: false, cookie, cause: 'explicit' });
    expect(entry?.label.category).toBe('unknown');
    expect(entry?.label.reason).toContain('boom');
    expect(mirror.size).toBe(1);
  });

  it('indexes partitioned cookies by partition site and others by host', async () => {
    const mirror = new CookieMirror(testLabeller(), () => 0);
    const base = {
      value: '1',
      path: '/',
      secure: true,
      httpOnly: false,
      sameSite: 'no_restriction' as const,
      session: true,
      storeId: '0',
    };
    mirror.replaceAll([
      { ...base, name: 'a', domain: '.a.test', hostOnly: false },
      {
        ...base,
        name: 'p',
        domain: 'w.test',
        hostOnly: true,
        partitionKey: { topLevelSite: 'https://www.top.test', hasCrossSiteAncestor: true },
      },
    ]);
    expect([...mirror.onHost('a.test')].map((e) => e.cookie.name)).toEqual(['a']);
    expect([...mirror.onHost('w.test')]).toEqual([]);
    expect([...mirror.inPartition('top.test')].map((e) => e.cookie.name)).toEqual(['p']);
    mirror.apply({
      removed: true,
      cookie: {
        ...base,
        name: 'p',
        domain: 'w.test',
        hostOnly: true,
        partitionKey: { topLevelSite: 'https://www.top.test', hasCrossSiteAncestor: true },
      },
      cause: 'explicit',
    });
    expect([...mirror.inPartition('top.test')]).toEqual([]);
    await flushEvents(1);
  });
});
