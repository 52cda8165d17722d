// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators; innerText is the text a person sees.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
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
/** The extension's worker; replaced when a test stops it and it starts again. */
let worker: Worker;
const dialogs: string[] = [];
/** Errors and warnings of every popup page the tests open; checked at the end. */
const pageErrors: string[] = [];

/** The shop sets first-party cookies; its ad server a third-party and a partitioned one. */
function serveShop(sitesRef: () => HttpsSites) {
  return (_req: unknown, res: import('node:http').ServerResponse, host: string) => {
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
      res.end(`<!doctype html><title>Shop</title><h1>Shop</h1><img src="${sitesRef().url('ads.test', '/pixel')}">`);
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
  };
}

/** Opens the shop in a new tab once the extension is ready, and returns the tab's id. */
async function visitShop(b: ExtensionBrowser, s: HttpsSites): Promise<{ page: Page; tabId: number }> {
  const page = await b.context.newPage();
  await page.goto(s.url('shop.test'));
  const deadline = Date.now() + 10_000;
  const count = () => b.worker.evaluate(() => chrome.cookies.getAll({ partitionKey: {} }).then((all) => all.length));
  while ((await count()) < 7 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const id = await b.worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://shop.test/*' }))[0].id!);
  return { page, tabId: id };
}

beforeAll(async () => {
  sites = await startHttpsSites(serveShop(() => sites));
  browser = await launchTestBrowser({ hostResolverRules: sites.hostResolverRules, allowThirdPartyCookies: true });
  worker = browser.worker;
  ({ page: shop, tabId } = await visitShop(browser, sites));
});

afterAll(async () => {
  expect(pageErrors).toEqual([]);
  await browser?.close();
  await sites?.close();
});

/** Every cookie in the browser's store, partitioned ones included. */
function storeCookies(): Promise<BrowserCookie[]> {
  return worker.evaluate(() => chrome.cookies.getAll({ partitionKey: {} })) as Promise<BrowserCookie[]>;
}

const identity = (c: BrowserCookie) => `${c.domain}|${c.path}|${c.name}|${c.partitionKey?.topLevelSite ?? ''}`;

/** Stops the extension's worker as Chrome does when it is idle (through a CDP session on `page`), and waits. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(page);
  const states: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) states.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => states).toContain('stopped');
}

async function openPopupPage(colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  // No setViewportSize here: emulating a viewport on an extension page leaves the real popup, opened
  // later in the same browser, stuck at 280 pixels wide. The page is 400 pixels wide by itself.
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') pageErrors.push(m.text());
  });
  await page.goto(browser.extensionUrl(`src/popup/index.html?tabId=${tabId}`));
  await page.getByTestId('total').waitFor();
  return page;
}

/** The row of the cookie with exactly this name. */
function rowOf(page: Page, name: string) {
  return page.getByRole('listitem').filter({ has: page.getByTestId('cookie-name').getByText(name, { exact: true }) });
}

/** The popup page opened as a tab, cut to the popup's own 400 pixels of width. */
async function popupScreenshot(page: Page): Promise<Buffer> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  return page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: 400, height } });
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
      const row = group
        .getByRole('listitem')
        .filter({ has: page.getByTestId('cookie-name').getByText(cookie.name, { exact: true }) });
      const text = await row.innerText();
      expect(text, cookie.name).toContain(label.vendor ?? 'Unknown vendor');
      expect(text, cookie.name).toContain(label.party === 'third' ? 'Third party' : 'First party');
      if (label.purpose) expect(text.replace(/\s+/g, ' '), cookie.name).toContain(label.purpose.slice(0, 20));
    }
    await page.close();
  });

  it('renders a cookie value as text, with no script run', async () => {
    const page = await openPopupPage();
    const row = rowOf(page, 'xyzzy_note');
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
      const row = rowOf(page, '_ga');
      await row.locator('.row-toggle').click();
      writeFileSync(resolve(SCREENSHOTS, `popup-${scheme}.png`), await popupScreenshot(page));
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
    expect(after.map(identity).sort()).toEqual(
      before
        .map(identity)
        .filter((k) => !removedKeys.has(k))
        .sort(),
    );
    for (const r of view.cookies.filter((r) => r.label.category === 'essential')) {
      expect(after.map(identity)).toContain(identity(r.cookie));
    }
    await expect.poll(() => page.getByTestId('total').innerText()).toBe(`${7 - optional.length} cookies in this tab`);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('outcome').innerText()).toContain(`Restored ${optional.length} cookies.`);
    const restored = await storeCookies();
    expect(restored).toHaveLength(before.length);
    for (const original of before) {
      expect(
        restored.find((c) => identity(c) === identity(original)),
        original.name,
      ).toEqual(original);
    }
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
    await page.close();
  });

  it('updates live while open, keeping an open row open', async () => {
    const page = await openPopupPage();
    const row = rowOf(page, 'PHPSESSID');
    await row.locator('.row-toggle').click();
    await worker.evaluate(
      (url) => chrome.cookies.set({ url, name: 'late_arrival', value: '1' }),
      sites.url('shop.test'),
    );
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('8 cookies in this tab');
    expect(await row.locator('.row-toggle').getAttribute('aria-expanded')).toBe('true');
    await worker.evaluate((url) => chrome.cookies.remove({ url, name: 'late_arrival' }), sites.url('shop.test'));
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
      expect(await popup.evaluate<string>(`document.querySelector('[data-testid=site]').textContent`)).toBe(
        'shop.test',
      );
      // Marked after the first paint, so a moment after the text is in the DOM.
      await expect.poll(() => popup.evaluate<number>(`performance.getEntriesByName('popup:usable').length`)).toBe(1);
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
    const id = await worker.evaluate(async () => (await chrome.tabs.query({ url: 'chrome://version/' }))[0].id!);
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl(`src/popup/index.html?tabId=${id}`));
    await expect
      .poll(() => page.getByTestId('state-unsupported').innerText())
      .toContain('Cookie Inspector cannot look at this page.');
    await page.close();
    await settings.close();
  });

  it('keeps the site clean once the switch is on, sparing the exceptions', async () => {
    const page = await openPopupPage();
    const view = await workerView(page);
    const marketing = view.cookies.filter((r) => r.label.category === 'marketing' && r.label.vendor);
    expect(marketing.length).toBeGreaterThan(1);
    const [spared, cleaned] = marketing;
    const before = await storeCookies();
    const spare = rowOf(page, spared.cookie.name);
    await spare.locator('.row-toggle').click();
    await spare.getByRole('button', { name: 'Exempt from automatic cleaning' }).click();
    await expect.poll(() => page.getByRole('list', { name: /^Exceptions/ }).innerText()).toContain(spared.cookie.name);
    // Switching on cleans the site at once: the exempt cookie stays, the other goes.
    await page.getByRole('switch', { name: 'Keep this site clean' }).click();
    await expect.poll(() => page.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    await expect.poll(async () => (await storeCookies()).map((c) => c.name)).not.toContain(cleaned.cookie.name);
    expect((await storeCookies()).map((c) => c.name)).toContain(spared.cookie.name);
    await expect.poll(() => page.getByTestId('cookie-name').allInnerTexts()).not.toContain(cleaned.cookie.name);

    // And the site setting them again changes nothing.
    const reset = (c: BrowserCookie, value: string) =>
      worker.evaluate(
        ([c, value, url]) =>
          chrome.cookies.set({ url, name: c.name, value, domain: c.hostOnly ? undefined : c.domain }),
        [c, value, `https://${c.domain.replace(/^\./, '')}:${sites.port}/`] as const,
      );
    await reset(spared.cookie, 'again');
    await reset(cleaned.cookie, 'again');
    await expect
      .poll(async () => (await storeCookies()).find((c) => c.name === spared.cookie.name)?.value)
      .toBe('again');
    await expect.poll(async () => (await storeCookies()).map((c) => c.name)).not.toContain(cleaned.cookie.name);

    await page.getByRole('switch', { name: 'Keep this site clean' }).click();
    await expect.poll(() => page.getByRole('switch').getAttribute('aria-checked')).toBe('false');
    await page.getByRole('button', { name: `Remove the exception for ${spared.cookie.name}` }).click();
    await expect.poll(() => page.getByRole('list', { name: /^Exceptions/ }).count()).toBe(0);
    // Put the shop back as it was for the next tests: switching on cleaned every optional cookie.
    const now = new Map((await storeCookies()).map((c) => [identity(c), c.value]));
    for (const original of before.filter((c) => now.get(identity(c)) !== c.value)) {
      await worker.evaluate(
        ([c, url]) =>
          chrome.cookies.set({
            url,
            name: c.name,
            value: c.value,
            path: c.path,
            secure: c.secure,
            httpOnly: c.httpOnly,
            sameSite: c.sameSite,
            expirationDate: c.expirationDate,
            domain: c.hostOnly ? undefined : c.domain,
            partitionKey: c.partitionKey,
          }),
        [original, `https://${original.domain.replace(/^\./, '')}:${sites.port}/`] as const,
      );
    }
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
    await page.close();
  });

  it('shows a long list whole: the first screen first, then every other cookie', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `zz_long_${String(i).padStart(2, '0')}`);
    const expires = Math.floor(Date.now() / 1000) + 600;
    await browser.context.addCookies(
      names.map((name) => ({ name, value: '1', domain: 'shop.test', path: '/', expires })),
    );
    const page = await openPopupPage();
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('37 cookies in this tab');
    // Most of them sort after the first screen: they are only there once the rest has come.
    for (const name of ['zz_long_00', 'zz_long_17', 'zz_long_29']) {
      await page.getByTestId('search').fill(name);
      await expect.poll(() => page.getByTestId('cookie-name').allInnerTexts()).toEqual([name]);
    }
    await page.close();
    await worker.evaluate(({ url, names }) => Promise.all(names.map((name) => chrome.cookies.remove({ url, name }))), {
      url: sites.url('shop.test'),
      names,
    });
  });

  it('keeps up when the worker is stopped and starts again', async () => {
    const page = await openPopupPage();
    await stopWorker(page);
    // A cookie set while the worker is down: the popup's port reconnects, which wakes the worker.
    await browser.context.addCookies([
      {
        name: 'after_restart',
        value: '1',
        domain: 'shop.test',
        path: '/',
        expires: Math.floor(Date.now() / 1000) + 600,
      },
    ]);
    await expect.poll(() => page.getByTestId('total').innerText(), { timeout: 15_000 }).toBe('8 cookies in this tab');
    expect(await page.getByTestId('cookie-name').allInnerTexts()).toContain('after_restart');
    worker = await browser.waitForWorker();
    await worker.evaluate((url) => chrome.cookies.remove({ url, name: 'after_restart' }), sites.url('shop.test'));
    await expect.poll(() => page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
    await page.close();
  });

  it('shows the first screen the worker kept while a stopped worker starts, then the worker’s own', async () => {
    const key = `kept-screen:${tabId}`;
    // The badge counts the active tab after each change, and the worker keeps its first screen then.
    await shop.bringToFront();
    await expect
      .poll(async () => (await worker.evaluate(() => chrome.storage.session.get(null)))[key])
      .toMatchObject({ type: 'snapshot', view: { tabId, url: sites.url('shop.test') } });
    await stopWorker(shop);
    const page = await openPopupPage();
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('tab-store:worker-view').length)).toBe(1);
    // The kept screen came first: a stopped worker takes far longer to start than storage to answer.
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    );
    expect(marks['tab-store:kept-view']).toBeLessThan(marks['tab-store:worker-view']);
    expect(await page.getByTestId('total').innerText()).toBe('7 cookies in this tab');
    worker = await browser.waitForWorker();
    await page.close();
  });
});

describe('the popup in Norwegian Bokmål', () => {
  let nbSites: HttpsSites;
  let nb: ExtensionBrowser;
  beforeAll(async () => {
    nbSites = await startHttpsSites(serveShop(() => nbSites));
    nb = await launchTestBrowser({
      hostResolverRules: nbSites.hostResolverRules,
      allowThirdPartyCookies: true,
      extraArgs: ['--lang=nb'],
    });
  });
  afterAll(async () => {
    await nb?.close();
    await nbSites?.close();
  });

  it('speaks Norwegian through chrome.i18n, numbers included', async () => {
    const { tabId: id } = await visitShop(nb, nbSites);
    const page = await nb.context.newPage();
    await page.goto(nb.extensionUrl(`src/popup/index.html?tabId=${id}`));
    await expect
      .poll(async () => [
        await page.getByTestId('total').innerText(),
        await page.getByTestId('cookie-name').allInnerTexts(),
      ])
      .toEqual(['7 informasjonskapsler i denne fanen', expect.any(Array)]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nb');
    expect(await page.getByTestId('remove-optional').innerText()).toMatch(/^Fjern \d+ valgfrie informasjonskapsler$/);
    expect(await page.getByRole('switch', { name: 'Hold dette nettstedet rent' }).count()).toBe(1);
    expect(await page.locator('.row-meta').first().innerText()).toMatch(/sikker · Hvis slettet: /);
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(resolve(SCREENSHOTS, 'popup-nb.png'), await popupScreenshot(page));
  });
});
