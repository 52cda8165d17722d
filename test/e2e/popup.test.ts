import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../src/node/chromium';
import type { BrowserCookie, TabView } from '../../src/shared/protocol';
import { launchTestBrowser } from './harness/extension';
import { type HttpsSites, startHttpsSites } from './harness/https-sites';
import { openRealPopup } from './popup-fixture/real-popup';

/**
 * The built extension in real Chromium: a local shop sets first-party cookies, an ad server sets a
 * third-party and a partitioned one, and the popup is checked against the worker's labels and the
 * browser's own cookie store.
 */

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const XSS = '<img src=x onerror=alert(1)>';

let sites: HttpsSites;
let browser: ExtensionBrowser;
let shop: Page;
let tabId: number;
const dialogs: string[] = [];

beforeAll(async () => {
  sites = await startHttpsSites((_req, res, host) => {
    if (host === 'shop.test') {
      res.writeHead(200, {
        'content-type': 'text/html',
        'set-cookie': [
          'PHPSESSID=abc123; Path=/; Secure; HttpOnly; SameSite=Lax',
          '__cf_bm=xyz; Domain=shop.test; Path=/; Max-Age=1800; Secure; HttpOnly; SameSite=None',
          '_fbp=fb.1.123; Domain=shop.test; Path=/; Max-Age=7776000; SameSite=Lax',
          '_ga=GA1.1.42; Domain=shop.test; Path=/; Max-Age=63072000; SameSite=Lax',
          `xyzzy_note=${XSS}; Path=/; Max-Age=3600`,
        ],
      });
      res.end(`<!doctype html><title>Shop</title><h1>Shop</h1><img src="${sites.url('ads.test', '/pixel')}">`);
    } else {
      res.writeHead(200, {
        'content-type': 'image/gif',
        'set-cookie': [
          'IDE=ad1; Path=/; Max-Age=3600; Secure; SameSite=None',
          'ptest=p1; Path=/; Max-Age=3600; Secure; SameSite=None; Partitioned',
        ],
      });
      res.end();
    }
  });
  browser = await launchTestBrowser({ hostResolverRules: sites.hostResolverRules, allowThirdPartyCookies: true });
  shop = await browser.context.newPage();
  await shop.goto(sites.url('shop.test'));
  const deadline = Date.now() + 10_000;
  while ((await storeCookies()).length < 7 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  tabId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://shop.test/*' }))[0].id!);
});

afterAll(async () => {
  await browser?.close();
  await sites?.close();
});

/** Every cookie in the browser's store, partitioned ones included. */
function storeCookies(): Promise<BrowserCookie[]> {
  return browser.worker.evaluate(() => chrome.cookies.getAll({ partitionKey: {} })) as Promise<BrowserCookie[]>;
}

const identity = (c: BrowserCookie) => `${c.domain}|${c.path}|${c.name}|${c.partitionKey?.topLevelSite ?? ''}`;

async function openPopupPage(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.emulateMedia({ colorScheme });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(browser.extensionUrl(`src/popup/index.html?tabId=${tabId}`));
  await page.getByTestId('total').waitFor();
  return page;
}

/** What the worker says about the tab: the truth the popup must show. */
async function workerView(page: Page): Promise<TabView> {
  const reply = (await page.evaluate(
    (id) => chrome.runtime.sendMessage({ kind: 'getTabView', payload: { tabId: id } }),
    tabId,
  )) as { ok: true; value: TabView };
  return reply.value;
}

describe('the popup on a real site', () => {
  it('shows the counts and labels the worker gives for every cookie in the store', async () => {
    const page = await openPopupPage();
    const view = await workerView(page);
    const store = await storeCookies();
    expect(view.cookies.map((r) => identity(r.cookie)).sort()).toEqual(store.map(identity).sort());
    // The test needs cookies on both sides of the line; the catalog decides which is which.
    const byCategory = (c: string) => view.cookies.filter((r) => r.label.category === c).length;
    expect(byCategory('essential')).toBeGreaterThan(0);
    expect(view.cookies.length - byCategory('essential') - byCategory('unknown')).toBeGreaterThan(0);

    expect(await page.getByTestId('site').innerText()).toBe('shop.test');
    expect(await page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
    for (const category of ['essential', 'functional', 'analytics', 'marketing', 'unknown']) {
      expect(await page.getByTestId(`count-${category}`).innerText(), category).toBe(String(byCategory(category)));
    }
    const third = view.cookies.filter((r) => r.label.party === 'third').length;
    expect(await page.getByTestId('extra-counts').innerText()).toBe(`${third} third-party · 1 partitioned`);
    for (const { cookie, label } of view.cookies) {
      const group = page.locator(`section.group[data-category="${label.category}"]`);
      const row = group.getByRole('listitem').filter({ has: page.getByTestId('cookie-name').getByText(cookie.name, { exact: true }) });
      const text = await row.innerText();
      expect(text, cookie.name).toContain(label.vendor ?? 'Unknown vendor');
      expect(text, cookie.name).toContain(label.party === 'third' ? 'Third party' : 'First party');
      if (label.purpose) expect(text.replace(/\s+/g, ' '), cookie.name).toContain(label.purpose.slice(0, 20));
    }
    await page.close();
  });

  it('renders a cookie value as text, with no script run', async () => {
    const page = await openPopupPage();
    const row = page.getByRole('listitem').filter({ hasText: 'xyzzy_note' });
    await row.locator('.row-toggle').click();
    await row.getByRole('button', { name: 'Show value' }).click();
    expect(await row.getByTestId('cookie-value').innerText()).toBe(XSS);
    expect(await page.locator('#app img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('writes light and dark screenshots', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const page = await openPopupPage(scheme);
      const row = page.getByRole('listitem').filter({ hasText: '_ga' });
      await row.locator('.row-toggle').click();
      const png = await page.screenshot({ fullPage: true });
      writeFileSync(resolve(SCREENSHOTS, `popup-${scheme}.png`), png);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(23, 25, 28)');
      await page.close();
    }
  });

  it('removes exactly the optional cookies in one click, and undo restores each one attribute for attribute', async () => {
    const page = await openPopupPage();
    const view = await workerView(page);
    const before = await storeCookies();
    const optional = view.cookies.filter((r) => r.label.category !== 'essential' && r.label.category !== 'unknown');
    const removedKeys = new Set(optional.map((r) => identity(r.cookie)));
    expect(await page.getByTestId('remove-optional').innerText()).toBe(`Remove ${optional.length} optional cookies`);

    await page.getByTestId('remove-optional').click();
    await expect.poll(() => page.getByTestId('outcome').innerText()).toContain(`Removed ${optional.length} cookies`);
    const after = await storeCookies();
    expect(after.map(identity).sort()).toEqual(before.map(identity).filter((k) => !removedKeys.has(k)).sort());
    for (const r of view.cookies.filter((r) => r.label.category === 'essential')) {
      expect(after.map(identity)).toContain(identity(r.cookie));
    }
    await expect.poll(() => page.getByTestId('total').innerText()).toBe(`${7 - optional.length} cookies in this tab`);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('outcome').innerText()).toContain(`Restored ${optional.length} cookies.`);
    const restored = await storeCookies();
    expect(restored).toHaveLength(before.length);
    for (const original of before) {
      expect(restored.find((c) => identity(c) === identity(original)), original.name).toEqual(original);
    }
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
    await page.close();
  });

  it('updates live while open, keeping an open row open', async () => {
    const page = await openPopupPage();
    const row = page.getByRole('listitem').filter({ hasText: 'PHPSESSID' });
    await row.locator('.row-toggle').click();
    await browser.worker.evaluate((url) => chrome.cookies.set({ url, name: 'late_arrival', value: '1' }), sites.url('shop.test'));
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('8 cookies in this tab');
    expect(await row.locator('.row-toggle').getAttribute('aria-expanded')).toBe('true');
    await browser.worker.evaluate((url) => chrome.cookies.remove({ url, name: 'late_arrival' }), sites.url('shop.test'));
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
    await page.close();
  });

  it('opens as the real toolbar popup for the active tab', async () => {
    await shop.bringToFront();
    const popup = await openRealPopup(browser);
    try {
      await expect
        .poll(() => popup.evaluate<string | null>(`document.querySelector('[data-testid=total]')?.textContent ?? null`))
        .toBe('7 cookies in this tab');
      expect(await popup.evaluate<string>(`document.querySelector('[data-testid=site]').textContent`)).toBe('shop.test');
      expect(await popup.evaluate<number>(`performance.getEntriesByName('popup:usable').length`)).toBe(1);
      // Chrome grows the popup window to fit the page after the first paint: wait for its full size.
      await expect.poll(() => popup.evaluate<number>('innerWidth')).toBeGreaterThanOrEqual(400);
      await expect.poll(() => popup.evaluate<number>('innerHeight')).toBeGreaterThanOrEqual(400);
      await popup.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
      mkdirSync(SCREENSHOTS, { recursive: true });
      writeFileSync(resolve(SCREENSHOTS, 'popup-real.png'), await popup.screenshot());
    } finally {
      await popup.close();
    }
  });

  it('says so on a page extensions cannot read', async () => {
    const settings = await browser.context.newPage();
    await settings.goto('chrome://version');
    const id = await browser.worker.evaluate(async () => (await chrome.tabs.query({ url: 'chrome://version/' }))[0].id!);
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl(`src/popup/index.html?tabId=${id}`));
    await expect
      .poll(() => page.getByTestId('state-unsupported').innerText())
      .toContain('Cookie Inspector cannot look at this page.');
    await page.close();
    await settings.close();
  });
});
