import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../src/node/chromium';
import { launchTestBrowser } from './harness/extension';
import { type HttpsSites, startHttpsSites } from './harness/https-sites';

/**
 * The devtools panel page of the built extension, opened as a tab with `?tabId=N` for a local
 * test site, against the real service worker: rows, live updates, deletion and undo, exports.
 */

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
const XSS = '<img src=x onerror=alert(1)>';

let sites: HttpsSites;
let browser: ExtensionBrowser;
let site: Page;
let panel: Page;
const dialogs: string[] = [];

/** What the page's own script does to set or delete a cookie. */
function setCookieFromPage(page: Page, cookie: string): Promise<void> {
  return page.evaluate((text) => {
    // biome-ignore lint/suspicious/noDocumentCookie: the test plays a web page, and pages set cookies this way.
    document.cookie = text;
  }, cookie);
}

beforeAll(async () => {
  sites = await startHttpsSites((_req, res, host) => {
    if (host === 'chat.test') {
      res.writeHead(200, {
        'content-type': 'text/html',
        'set-cookie': 'LPVID=visitor-42; Path=/; Secure; SameSite=None; Partitioned; Max-Age=86400',
      });
      res.end('<p>chat widget</p>');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html',
      'set-cookie': [
        'sid=s3cr3t; Path=/; Secure; HttpOnly; SameSite=Lax',
        'BPMCSRF=tok-1; Path=/; Secure; SameSite=Lax',
        '_ga=GA1.2.111.222; Path=/; Max-Age=31536000; Secure',
        '_ga_ABC123=GS1.1.333; Path=/; Max-Age=31536000; Secure',
        `xss=${XSS}; Path=/; Secure`,
      ],
    });
    res.end(`<title>Shop</title><h1>Shop</h1><iframe src="${sites.url('chat.test', '/widget')}"></iframe>`);
  });
  browser = await launchTestBrowser({ hostResolverRules: sites.hostResolverRules });
  site = await browser.context.newPage();
  await site.goto(sites.url('shop.test', '/'));
  await site.frameLocator('iframe').locator('p').waitFor();
  const tabId = await browser.worker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id,
    site.url(),
  );
  expect(tabId).toEqual(expect.any(Number));
  panel = await browser.context.newPage();
  panel.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await panel.goto(browser.extensionUrl(`src/devtools/panel.html?tabId=${tabId}`));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await sites?.close();
});

function row(name: string) {
  return panel
    .locator('.body-row')
    .filter({ has: panel.locator(`[data-column="name"] .cell-text`).getByText(name, { exact: true }) });
}

function cell(name: string, column: string) {
  return row(name).locator(`[data-column="${column}"] .cell-text`);
}

async function shopCookies(): Promise<Array<{ name: string; value: string }>> {
  return browser.worker.evaluate(async () =>
    (await chrome.cookies.getAll({ domain: 'shop.test' })).map(({ name, value }) => ({ name, value })),
  );
}

describe('the devtools panel opened as a tab', () => {
  it('lists the test site’s cookies, first- and third-party, with their labels', async () => {
    for (const name of ['sid', 'BPMCSRF', '_ga', '_ga_ABC123', 'xss', 'LPVID']) {
      await expect.poll(() => row(name).count(), { timeout: 10_000 }).toBe(1);
    }
    expect(await cell('_ga', 'category').textContent()).toBe('Analytics');
    expect(await cell('_ga', 'vendor').textContent()).not.toBe('');
    expect(await cell('BPMCSRF', 'category').textContent()).toBe('Essential');
    expect(await cell('sid', 'httpOnly').textContent()).toBe('✓');
    expect(await cell('sid', 'expires').textContent()).toBe('Session');
    expect(await cell('LPVID', 'party').textContent()).toBe('Third party');
    expect(await cell('LPVID', 'partitionKey').textContent()).toContain('shop.test');
    expect(await cell('LPVID', 'sameSite').textContent()).toBe('None');
    await panel.screenshot({ path: join(SCREENSHOTS, 'devtools-panel-tab.png') });
  });

  it('renders a hostile value as text', async () => {
    expect(await cell('xss', 'value').textContent()).toBe(XSS);
    await row('xss').click();
    expect(await panel.getByTestId('detail-value').inputValue()).toBe(XSS);
    expect(await panel.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('shows cookies the page sets, changes and removes, marked for a moment, keeping the selection', async () => {
    await row('BPMCSRF').click();
    await setCookieFromPage(site, 'live_one=first; Path=/; Secure');
    await expect.poll(() => row('live_one').getAttribute('data-change'), { timeout: 10_000 }).toBe('new');
    await setCookieFromPage(site, 'live_one=second; Path=/; Secure');
    await expect.poll(() => cell('live_one', 'value').textContent(), { timeout: 10_000 }).toBe('second');
    expect(await row('live_one').getAttribute('data-change')).toMatch(/^(new|changed)$/);
    await setCookieFromPage(site, 'live_one=; Path=/; Secure; Max-Age=0');
    await expect.poll(() => row('live_one').getAttribute('data-change'), { timeout: 10_000 }).toBe('removed');
    await expect.poll(() => row('live_one').count(), { timeout: 10_000 }).toBe(0);
    expect(await row('BPMCSRF').getAttribute('aria-selected')).toBe('true');
    expect(await panel.getByTestId('detail-name').textContent()).toBe('BPMCSRF');
  });

  it('removes every cookie of a category and undoes it through the history', async () => {
    await panel.getByTestId('remove-category-choice').selectOption('analytics');
    await panel.getByTestId('remove-category').click();
    await expect.poll(() => row('_ga').count(), { timeout: 10_000 }).toBe(0);
    expect(await row('_ga_ABC123').count()).toBe(0);
    expect((await shopCookies()).map((c) => c.name).sort()).toEqual(['BPMCSRF', 'sid', 'xss']);
    await expect.poll(() => panel.getByTestId('outcome').textContent()).toContain('Removed 2');

    const undo = panel.getByTestId('undo-last');
    await expect.poll(() => undo.isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await undo.textContent()).toContain('2');
    await undo.click();
    await expect.poll(() => row('_ga').count(), { timeout: 10_000 }).toBe(1);
    expect(await row('_ga_ABC123').count()).toBe(1);
    expect(await shopCookies()).toEqual(
      expect.arrayContaining([
        { name: '_ga', value: 'GA1.2.111.222' },
        { name: '_ga_ABC123', value: 'GS1.1.333' },
      ]),
    );
    await expect.poll(() => panel.getByTestId('outcome').textContent()).toContain('Restored 2');
    await expect.poll(() => undo.isDisabled()).toBe(true);
  });

  async function download(format: string): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([panel.waitForEvent('download'), panel.getByTestId(`export-${format}`).click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  }

  it('exports JSON with every attribute and the label', async () => {
    const { name, text } = await download('json');
    expect(name).toMatch(/^cookies-shop\.test-.+\.json$/);
    const parsed = JSON.parse(text) as {
      page: { site: string };
      cookies: Array<{ name: string; value: string; httpOnly: boolean; label: { category: string } }>;
    };
    expect(parsed.page.site).toBe('shop.test');
    expect(parsed.cookies.map((c) => c.name).sort()).toEqual(
      ['BPMCSRF', 'LPVID', '_ga', '_ga_ABC123', 'sid', 'xss'].sort(),
    );
    expect(parsed.cookies.find((c) => c.name === 'sid')).toMatchObject({ value: 's3cr3t', httpOnly: true });
    expect(parsed.cookies.find((c) => c.name === '_ga')?.label.category).toBe('analytics');
    expect(parsed.cookies.find((c) => c.name === 'xss')?.value).toBe(XSS);
  });

  it('exports CSV', async () => {
    const { name, text } = await download('csv');
    expect(name).toMatch(/\.csv$/);
    const lines = text.split('\r\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['name', 'value', 'domain', 'path']);
    expect(lines.filter((l) => l.startsWith('_ga,GA1.2.111.222,shop.test,/,'))).toHaveLength(1);
    expect(lines.find((l) => l.startsWith('xss,'))).toContain(XSS);
    expect(lines).toHaveLength(1 + 6 + 1);
  });

  it('exports cookies.txt', async () => {
    const { name, text } = await download('netscape');
    expect(name).toMatch(/\.txt$/);
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Netscape HTTP Cookie File');
    expect(lines).toContain('#HttpOnly_shop.test\tFALSE\t/\tTRUE\t0\tsid\ts3cr3t');
    expect(lines.find((l) => l.includes('\t_ga\t'))).toMatch(
      /^shop\.test\tFALSE\t\/\tTRUE\t\d{10}\t_ga\tGA1\.2\.111\.222$/,
    );
    expect(lines.some((l) => l.startsWith('# Partitioned: '))).toBe(true);
  });

  it('exports a Markdown cookie declaration grouped by category, without values', async () => {
    const { name, text } = await download('markdown');
    expect(name).toMatch(/^cookie-declaration-shop\.test-.+\.md$/);
    expect(text).toMatch(/^# Cookie declaration for shop\.test\n/);
    const essential = text.indexOf('## Essential');
    const analytics = text.indexOf('## Analytics (2)');
    expect(essential).toBeGreaterThan(0);
    expect(analytics).toBeGreaterThan(essential);
    expect(text).toContain('| Name | Vendor | Category | Purpose | Duration | Party |');
    expect(text.slice(analytics)).toMatch(/\| `_ga` \| [^|]+ \| Analytics \|/);
    expect(text).toMatch(/\| `LPVID` \| [^|]+ \| Functional \| .* \| Third party \|/);
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('GA1.2.111.222');
  });

  it('opens a long list with its first screen, by name, then shows every cookie', async () => {
    const extra = 150;
    const before = Number((await panel.getByTestId('count').textContent())?.match(/^(\d+) of/)?.[1]);
    expect(before).toBeGreaterThan(3);
    await browser.worker.evaluate(
      async ({ count, url }) => {
        const jobs = [];
        for (let i = 0; i < count; i++) jobs.push(chrome.cookies.set({ url, name: `bulk_${i}`, value: String(i) }));
        await Promise.all(jobs);
      },
      { count: extra, url: site.url() },
    );
    const total = before + extra;
    const fresh = await browser.context.newPage();
    await fresh.goto(panel.url());
    const grid = fresh.getByRole('grid');
    await expect.poll(() => grid.getAttribute('aria-rowcount'), { timeout: 10_000 }).toBe(String(total + 1));
    expect(await fresh.getByTestId('count').textContent()).toBe(`${total} of ${total} cookies shown`);
    // The rest came in unmarked, and the rows are in the panel's order from the first one on.
    expect(await fresh.locator('.body-row[data-change]').count()).toBe(0);
    const names = await fresh.locator('.body-row [data-column="name"] .cell-text').evaluateAll((cells) => {
      const rows = cells.map((c) => ({ top: (c.closest('.body-row') as HTMLElement).offsetTop, text: c.textContent }));
      return rows.sort((a, b) => a.top - b.top).map((r) => r.text ?? '');
    });
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    expect(names.length).toBeGreaterThan(10);
    expect(names).toEqual([...names].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)));
    expect(names.slice(0, 3)).toEqual(['_ga', '_ga_ABC123', 'BPMCSRF']);
    await fresh.close();
  });
});
