import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../src/node/chromium';
import { RawTargets, type TargetInfo } from './devtools-cdp';
import { launchTestBrowser } from './harness/extension';
import { type HttpsSites, startHttpsSites } from './harness/https-sites';

/**
 * The real DevTools window: Chromium opens DevTools for every tab, the extension's devtools page
 * registers the Cookies panel, and the test selects it and reads it over CDP.
 */

const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

let sites: HttpsSites;
let browser: ExtensionBrowser;
let site: Page;
let raw: RawTargets;
let panel: TargetInfo;

/** DevTools' own id for an extension panel: the extension's origin followed by the panel title. */
function panelId(extensionId: string): string {
  return `chrome-extension://${extensionId}Cookies`;
}

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Selects the Cookies panel in every DevTools window until the one for `tabId` has loaded it. */
async function openPanel(tabId: number): Promise<TargetInfo> {
  const show = `(async () => {
    const UI = await import('./ui/legacy/legacy.js');
    await UI.InspectorView.InspectorView.instance().showPanel(${JSON.stringify(panelId(browser.extensionId))});
    return true;
  })()`;
  return poll(
    async () => {
      const targets = await raw.targets();
      const found = targets.find((t) => t.type === 'iframe' && t.url.includes(`panel.html?tabId=${tabId}&`));
      if (found) return found;
      for (const t of targets.filter((x) => x.url.startsWith('devtools://'))) {
        await raw.evaluate(t.targetId, show).catch(() => undefined);
      }
      return null;
    },
    (t): t is TargetInfo => t !== null,
    15_000,
  ) as Promise<TargetInfo>;
}

function namesInPanel(): Promise<string[]> {
  return raw.evaluate<string[]>(
    panel.targetId,
    `[...document.querySelectorAll('.body-row [data-column="name"] .cell-text')].map((e) => e.textContent)`,
  );
}

/** What the page's own script does to set or delete a cookie. */
function setCookieFromPage(page: Page, cookie: string): Promise<void> {
  return page.evaluate((text) => {
    // biome-ignore lint/suspicious/noDocumentCookie: the test plays a web page, and pages set cookies this way.
    document.cookie = text;
  }, cookie);
}

beforeAll(async () => {
  sites = await startHttpsSites((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html',
      'set-cookie': ['sid=s3cr3t; Path=/; Secure; HttpOnly', '_ga=GA1.2.5.6; Path=/; Max-Age=3600; Secure'],
    });
    res.end('<title>Shop</title><h1>Shop</h1>');
  });
  browser = await launchTestBrowser({ hostResolverRules: sites.hostResolverRules, autoOpenDevtools: true });
  site = await browser.context.newPage();
  await site.goto(sites.url('shop.test', '/'));
  const tabId = await browser.worker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id,
    site.url(),
  );
  const cdp = await browser.context.browser()?.newBrowserCDPSession();
  if (!cdp || typeof tabId !== 'number') throw new Error('no CDP connection or no tab id');
  raw = new RawTargets(cdp);
  panel = await openPanel(tabId);
});

afterAll(async () => {
  await browser?.close();
  await sites?.close();
});

describe('the Cookies panel inside DevTools', () => {
  it('shows the inspected tab’s cookies in the DevTools theme', async () => {
    const names = await poll(namesInPanel, (n) => n.includes('sid') && n.includes('_ga'));
    expect(names.sort()).toEqual(['_ga', 'sid']);
    // DevTools in a fresh profile uses its light ("default") theme.
    expect(await raw.evaluate(panel.targetId, 'document.documentElement.dataset.theme')).toBe('light');
    expect(
      await raw.evaluate(panel.targetId, `document.querySelector('[role=grid]').getAttribute('aria-rowcount')`),
    ).toBe('3');
  });

  it('updates live when the inspected page sets a cookie', async () => {
    await setCookieFromPage(site, 'set_while_inspecting=yes; Path=/; Secure');
    await poll(namesInPanel, (n) => n.includes('set_while_inspecting'));
    const change = await raw.evaluate<string | null>(
      panel.targetId,
      `[...document.querySelectorAll('.body-row')].find((r) => r.textContent.includes('set_while_inspecting'))?.dataset.change ?? null`,
    );
    expect(change === 'new' || change === null).toBe(true);
  });

  it('removes a cookie from the detail pane', async () => {
    await raw.evaluate(
      panel.targetId,
      `(() => {
        const row = [...document.querySelectorAll('.body-row')].find((r) => r.querySelector('[data-column="name"]').textContent === '_ga');
        row.click();
        return true;
      })()`,
    );
    await poll(
      () =>
        raw.evaluate<string>(
          panel.targetId,
          `document.querySelector('[data-testid="detail-name"]')?.textContent ?? ''`,
        ),
      (name) => name === '_ga',
    );
    await raw.evaluate(panel.targetId, `document.querySelector('[data-testid="detail-remove"]').click()`);
    await poll(
      () =>
        browser.worker.evaluate(async () => (await chrome.cookies.getAll({ domain: 'shop.test' })).map((c) => c.name)),
      (names) => !names.includes('_ga') && names.includes('sid'),
    );
    await poll(namesInPanel, (n) => !n.includes('_ga'));

    const devtools = (await raw.targets()).filter((t) => t.type === 'page' && t.url.startsWith('devtools://'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const target of devtools) {
      const shot = await raw
        .call<{ data: string }>(target.targetId, 'Page.captureScreenshot', { format: 'png' })
        .catch(() => null);
      if (shot)
        writeFileSync(
          join(SCREENSHOTS, `devtools-window-${devtools.indexOf(target)}.png`),
          Buffer.from(shot.data, 'base64'),
        );
    }
  });
});
