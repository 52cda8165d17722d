import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxHarness, launchFirefox } from './harness/firefox-harness';

/**
 * The rest of the Firefox build in Firefox ESR: the badge, the DevTools panel (as a tab: WebDriver
 * BiDi cannot open the DevTools window), containers (each a cookie store of its own, kept apart in
 * the popup, in deletion and in undo), and a host permission the person withdrew.
 */

const SHOP = 'shop.test';
let server: Server;
let port: number;
let firefox: FirefoxHarness;

beforeAll(async () => {
  server = createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (host === SHOP && req.url === '/') {
      res.setHeader('set-cookie', [
        'sid=s3ss10n; Path=/; HttpOnly',
        `_ga=GA1.1.${Math.floor(Math.random() * 1e9)}.1700000000; Path=/; Max-Age=63072000`,
        '_fbp=fb.1.1700000000000.123456789; Path=/; Max-Age=7776000',
      ]);
      res.end('<!doctype html><title>Shop</title><p>shop</p>');
      return;
    }
    res.end('<!doctype html><title>blank</title>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
  firefox = await launchFirefox({ hosts: [SHOP], containers: true, privateBrowsing: true });
});

afterAll(async () => {
  await firefox?.close();
  await new Promise((done) => server?.close(done));
});

type Api = typeof chrome;
const shopUrl = () => `http://${SHOP}:${port}/`;
const text = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLElement).textContent.trim()).catch(() => null);

/** Cookies of every store, as `name storeId`. */
const storeCookies = (page: Page) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    const stores = await api.cookies.getAllCookieStores();
    const all = await Promise.all(stores.map((s) => api.cookies.getAll({ storeId: s.id })));
    return all
      .flat()
      .map((c) => `${c.name} ${c.storeId}`)
      .sort();
  });

async function openPage(path: string, tabId: number): Promise<Page> {
  const opened = await firefox.openExtensionPage(path);
  await opened.evaluate((id) => {
    location.search = `?tabId=${id}`;
  }, String(tabId));
  await opened.waitUntil((id) => location.search === `?tabId=${id}`, String(tabId));
  return opened.page;
}

describe('the Firefox build, complete', () => {
  let helper: Page;
  let normalTab: number;
  let containerTab: number;

  it('keeps a container’s cookies apart in the popup, in one click and in undo', async () => {
    helper = (await firefox.openExtensionPage('src/popup/index.html')).page;
    [normalTab, containerTab] = await helper.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      const normal = await api.tabs.create({ url, active: false });
      const inContainer = await api.tabs.create({ url, active: false, cookieStoreId: 'firefox-container-1' } as never);
      return [normal.id ?? -1, inContainer.id ?? -1];
    }, shopUrl());
    await expect
      .poll(() => storeCookies(helper), { timeout: 15_000 })
      .toEqual([
        '_fbp firefox-container-1',
        '_fbp firefox-default',
        '_ga firefox-container-1',
        '_ga firefox-default',
        'sid firefox-container-1',
        'sid firefox-default',
      ]);

    const popup = await openPage('src/popup/index.html', containerTab);
    await expect.poll(() => text(popup, '[data-testid="total"]'), { timeout: 15_000 }).toBe('3 cookies in this tab');
    await popup.click('[data-testid="remove-optional"]');
    await expect.poll(() => text(popup, '[data-testid="outcome"]')).toContain('Removed 2 cookies');
    expect(await storeCookies(helper)).toEqual([
      '_fbp firefox-default',
      '_ga firefox-default',
      'sid firefox-container-1',
      'sid firefox-default',
    ]);
    await popup.click('[data-testid="outcome"] button.primary');
    await expect.poll(() => storeCookies(helper)).toHaveLength(6);
    await popup.close();
  });

  it('keeps a private window’s cookies apart in the popup, in one click and in undo', async (ctx) => {
    const allowed = await helper.evaluate(() =>
      (globalThis as unknown as { browser: Api }).browser.extension.isAllowedIncognitoAccess(),
    );
    // An ESR whose WebDriver BiDi cannot install an add-on allowed in private windows: reported as
    // skipped, never as passed.
    if (!allowed) ctx.skip();
    const privateTab = await helper.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      const win = await api.windows.create({ incognito: true, url });
      return win?.tabs?.[0]?.id ?? -1;
    }, shopUrl());
    await expect.poll(() => storeCookies(helper), { timeout: 15_000 }).toContain('_ga firefox-private');
    const popup = await openPage('src/popup/index.html', privateTab);
    await expect.poll(() => text(popup, '[data-testid="total"]'), { timeout: 15_000 }).toBe('3 cookies in this tab');
    await popup.click('[data-testid="remove-optional"]');
    await expect.poll(() => text(popup, '[data-testid="outcome"]')).toContain('Removed 2 cookies');
    const after = await storeCookies(helper);
    expect(after.filter((c) => c.endsWith('firefox-private'))).toEqual(['sid firefox-private']);
    expect(after.filter((c) => c.endsWith('firefox-default'))).toEqual([
      '_fbp firefox-default',
      '_ga firefox-default',
      'sid firefox-default',
    ]);
    await popup.click('[data-testid="outcome"] button.primary');
    await expect
      .poll(async () => (await storeCookies(helper)).filter((c) => c.endsWith('firefox-private')))
      .toEqual(['_fbp firefox-private', '_ga firefox-private', 'sid firefox-private']);
    await popup.close();
    // Each store's undo history is its own: the private removal is listed in the private window only.
    const history = (tabId: number) =>
      helper.evaluate(async (id) => {
        const api = (globalThis as unknown as { browser: Api }).browser;
        const reply = (await api.runtime.sendMessage({ kind: 'getHistory', payload: { tabId: id } })) as {
          value: Array<{ count: number }>;
        };
        return reply.value.map((b) => b.count);
      }, tabId);
    expect(await history(privateTab)).toEqual([2]);
    expect(await history(normalTab)).toEqual([]);
  });

  it('shows the optional count on the badge of the active tab', async () => {
    await helper.evaluate(async (id) => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      await api.tabs.update(id, { active: true });
    }, normalTab);
    await expect
      .poll(() =>
        helper.evaluate(async (id) => {
          const api = (globalThis as unknown as { browser: Api }).browser;
          return api.action.getBadgeText({ tabId: id });
        }, normalTab),
      )
      .toBe('2');
  });

  it('runs the DevTools panel on a tab, with every cookie and its label', async () => {
    const panel = await openPage('src/devtools/panel.html', normalTab);
    await expect.poll(() => text(panel, '[data-testid="count"]'), { timeout: 15_000 }).toContain('3');
    const names = await panel.$$eval('[role="row"][data-key] [role="gridcell"]:first-child', (cells) =>
      cells.map((c) => (c as HTMLElement).textContent.trim()).sort(),
    );
    expect(names).toEqual(['_fbp', '_ga', 'sid']);
    await panel.click('[role="row"][data-key]');
    await expect.poll(() => text(panel, '[data-testid="detail-if-deleted"]')).not.toBeNull();
    await panel.close();
  });

  it('says what is missing when the person withdrew the site permission, and nothing breaks', async () => {
    const removed = await helper.evaluate(async () => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      // What the add-on settings' "Access your data for all websites" switch takes away.
      const { origins = [] } = await api.permissions.getAll();
      return api.permissions.remove({ origins });
    });
    expect(removed).toBe(true);
    const popup = await openPage('src/popup/index.html', normalTab);
    await expect
      .poll(() => text(popup, '[data-testid="state-no-access"]'), { timeout: 15_000 })
      .toContain('may not read this site');
    expect(await text(popup, '[data-testid="grant-access"]')).toBe('Give access to all sites');
    await popup.close();
  });
});
