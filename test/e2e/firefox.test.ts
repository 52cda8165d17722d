import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxHarness, launchFirefox } from './harness/firefox-harness';

/**
 * The Firefox build in a real Firefox ESR: the background event page mirrors and labels the cookies
 * of a tab (Firefox's `firefox-default` store, and a third-party cookie that Total Cookie Protection
 * stores partitioned), the popup shows the breakdown, removes the optional cookies and undoes it, and
 * a site kept clean loses its optional cookies as soon as it sets them again.
 */

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const SHOP = 'shop.test';
const ADS = 'ads.test';

let server: Server;
let port: number;
let firefox: FirefoxHarness;
/** Requests the server answered, by host and path. */
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    hits.set(`${host}${req.url}`, (hits.get(`${host}${req.url}`) ?? 0) + 1);
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (host === ADS && req.url === '/pixel') {
      res.setHeader('set-cookie', '__qca=P0-123456-789; Path=/; Max-Age=31536000');
      res.setHeader('content-type', 'image/gif');
      res.end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
      return;
    }
    if (host === SHOP && req.url === '/') {
      res.setHeader('set-cookie', [
        'sid=s3ss10n; Path=/; HttpOnly',
        '_ga=GA1.1.1234567890.1700000000; Path=/; Max-Age=63072000',
        '_fbp=fb.1.1700000000000.123456789; Path=/; Max-Age=7776000',
      ]);
      res.end(`<!doctype html><title>Shop</title><img id="px" src="http://${ADS}:${port}/pixel" alt="">`);
      return;
    }
    res.end('<!doctype html><title>blank</title>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
  firefox = await launchFirefox({ hosts: [SHOP, ADS] });
});

afterAll(async () => {
  await firefox?.close();
  await new Promise((done) => server?.close(done));
});

const text = (page: Page, testId: string) =>
  page.$eval(`[data-testid="${testId}"]`, (el) => el.textContent?.trim() ?? null).catch(() => null);

/** The cookies of every store and partition, as the extension sees them. */
const browserCookies = (page: Page) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const all = await api.cookies.getAll({ partitionKey: {} });
    return all.map((c) => `${c.name}@${c.domain}${c.partitionKey ? ' (partitioned)' : ''} ${c.storeId}`).sort();
  });

/** How many cookies the worker removed on its own, from its undo history. */
const cleanedAutomatically = (page: Page) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    const reply = (await api.runtime.sendMessage({ kind: 'getHistory', payload: {} })) as {
      ok: boolean;
      value: Array<{ trigger: string; count: number }>;
    };
    return reply.value.filter((b) => b.trigger === 'automatic').reduce((n, b) => n + b.count, 0);
  });

describe('the Firefox build in Firefox', () => {
  it('labels a tab’s cookies, removes the optional ones in one click, undoes it, and keeps the site clean', async () => {
    const shop = await firefox.openTab(`http://${SHOP}:${port}/`);
    const pixelLoaded = () => (document.getElementById('px') as HTMLImageElement | null)?.complete === true;
    await shop.waitUntil(pixelLoaded, null);

    const popup = (await firefox.openExtensionPage('src/popup/index.html')).page;
    await expect
      .poll(() => browserCookies(popup), { timeout: 15_000 })
      .toEqual([
        '__qca@ads.test (partitioned) firefox-default',
        '_fbp@shop.test firefox-default',
        '_ga@shop.test firefox-default',
        'sid@shop.test firefox-default',
      ]);
    const tabId = await popup.evaluate(async (origin) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const tabs = await api.tabs.query({});
      return tabs.find((t) => t.url?.startsWith(origin))?.id ?? null;
    }, `http://${SHOP}:${port}/`);
    expect(tabId).not.toBeNull();
    await popup.evaluate((id) => {
      location.search = `?tabId=${id}`;
    }, tabId);

    await expect.poll(() => text(popup, 'total'), { timeout: 15_000 }).toBe('4 cookies in this tab');
    expect(await text(popup, 'site')).toBe(SHOP);
    expect(await text(popup, 'count-essential')).toBe('1');
    expect(await text(popup, 'count-analytics')).toBe('1');
    expect(await text(popup, 'count-marketing')).toBe('2');
    expect(await text(popup, 'remove-optional')).toBe('Remove 3 optional cookies');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await popup.screenshot({ path: `${SCREENSHOTS}/firefox-popup.png`, clip: { x: 0, y: 0, width: 400, height: 600 } });

    await popup.click('[data-testid="remove-optional"]');
    await expect.poll(() => text(popup, 'outcome')).toContain('Removed 3 cookies');
    expect(await browserCookies(popup)).toEqual(['sid@shop.test firefox-default']);
    await expect.poll(() => text(popup, 'total')).toBe('1 cookie in this tab');

    await popup.evaluate(() => {
      const undo = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Undo');
      if (!undo) throw new Error('no Undo button');
      undo.click();
    });
    await expect.poll(() => text(popup, 'outcome')).toContain('Restored 3 cookies');
    expect(await browserCookies(popup)).toEqual([
      '__qca@ads.test (partitioned) firefox-default',
      '_fbp@shop.test firefox-default',
      '_ga@shop.test firefox-default',
      'sid@shop.test firefox-default',
    ]);
    await expect.poll(() => text(popup, 'total')).toBe('4 cookies in this tab');

    // Kept clean: what is there goes at once, and what the site sets again goes as it comes.
    await popup.click('[role="switch"]');
    await expect.poll(() => browserCookies(popup)).toEqual(['sid@shop.test firefox-default']);
    await expect.poll(() => cleanedAutomatically(popup)).toBe(3);
    await shop.reload();
    await shop.waitUntil(pixelLoaded, null);
    // The site really set them again (nothing came from a cache), and they went again.
    expect(hits.get(`${SHOP}/`)).toBe(2);
    expect(hits.get(`${ADS}/pixel`)).toBe(2);
    await expect.poll(() => browserCookies(popup)).toEqual(['sid@shop.test firefox-default']);
    await expect.poll(() => text(popup, 'total')).toBe('1 cookie in this tab');

    // With the shop the active tab, the background page keeps its first screen where a popup opened while
    // it sleeps reads it: storage.session, which Firefox gives extension pages too.
    await shop.page.bringToFront();
    const kept = (key: string) =>
      popup.evaluate(async (k) => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        const screen = (await api.storage.session.get(null))[k] as { view: { url: string; cookies: unknown[] } };
        return screen ? `${screen.view.url} ${screen.view.cookies.length}` : null;
      }, key);
    await expect.poll(() => kept(`kept-screen:${tabId}`)).toBe(`http://${SHOP}:${port}/ 1`);
  });
});
