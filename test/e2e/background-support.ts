import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../src/node/chromium';
import type { BrowserCookie, RequestKind, RequestOf, ResponseOf } from '../../src/shared/protocol';
import type { HttpsSites } from './harness/https-sites';

/**
 * What the background worker's end-to-end tests share: the local test sites, a page of the
 * extension to talk to the worker through the real protocol, and a way to stop the worker.
 */

const YEAR = 365 * 24 * 3600;

/**
 * shop.test embeds a chat widget (an iframe on widget.test, which sets a third-party cookie and a
 * partitioned one) and a tracker script on cdn.tracker.test; paths.test sets one name on two paths
 * and two domains; other.test is a site the shop's tab never touches; again.test is kept clean.
 */
export function testSites(port: () => number) {
  return (req: IncomingMessage, res: ServerResponse, host: string) => {
    const path = new URL(req.url ?? '/', `https://${host}`).pathname;
    const html = (cookies: string[], body = '') => {
      res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': cookies, 'cache-control': 'no-store' });
      res.end(`<!doctype html><title>${host}</title>${body}`);
    };
    const at = (h: string, p: string) => `https://${h}:${port()}${p}`;
    // Only the pages themselves set cookies: a favicon request must not set them a second time.
    if (path === '/favicon.ico') {
      res.writeHead(404);
      return res.end();
    }
    if (host === 'shop.test' || host === 'clean.test') {
      return html(
        ['PHPSESSID=s1; Path=/; Secure; HttpOnly', `_ga=GA1.2.3; Path=/; Max-Age=${YEAR}; Secure`],
        host === 'shop.test'
          ? `<iframe src="${at('widget.test', '/frame')}"></iframe><script src="${at('cdn.tracker.test', '/t.js')}"></script>`
          : '',
      );
    }
    if (host === 'widget.test' && path === '/frame') {
      return html([
        'wuid=w1; Path=/; Secure; SameSite=None',
        `chat_part=p1; Path=/; Secure; SameSite=None; Partitioned; Max-Age=${YEAR}`,
      ]);
    }
    if (host === 'cdn.tracker.test' && path === '/t.js') {
      res.writeHead(200, {
        'content-type': 'text/javascript',
        'set-cookie': `IDE=t1; Domain=tracker.test; Path=/; Secure; SameSite=None; Max-Age=${YEAR}`,
      });
      return res.end('/* tracker */');
    }
    if (host === 'paths.test') {
      return html([
        'dup=root; Path=/; Secure',
        'dup=deep; Path=/deep; Secure',
        'dup=apex; Domain=paths.test; Path=/; Secure',
      ]);
    }
    if (host === 'sub.paths.test') return html(['dup=sub; Path=/; Secure']);
    // A site kept clean whose page sets its analytics cookie again from script (the test does that).
    if (host === 'again.test') return html([`_ga=server; Path=/; Max-Age=${YEAR}; Secure`]);
    if (host === 'other.test') return html([`_ga=GA1.9.9; Path=/; Max-Age=${YEAR}; Secure`]);
    res.writeHead(404);
    res.end();
  };
}

/** The popup page opened as a tab: a page of the extension, so the worker answers it. */
export async function extensionPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  return page;
}

export async function ask<K extends RequestKind>(page: Page, kind: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await page.evaluate((message) => chrome.runtime.sendMessage(message), { kind, payload })) as
    | { ok: true; value: ResponseOf<K> }
    | { ok: false; error: string };
  if (!reply.ok) throw new Error(`${kind}: ${reply.error}`);
  return reply.value;
}

/** The id of the tab showing `url`. */
export async function tabIdOf(browser: ExtensionBrowser, url: string): Promise<number> {
  const id = await browser.worker.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1,
    url,
  );
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Every cookie in the browser, partitioned ones included, as the cookies API has them. */
export async function allCookies(browser: ExtensionBrowser): Promise<BrowserCookie[]> {
  return (await browser.worker.evaluate(() => chrome.cookies.getAll({ partitionKey: {} }))) as BrowserCookie[];
}

export function sites(h: HttpsSites, host: string, path = '/'): string {
  return h.url(host, path);
}

/**
 * Stops the extension's service worker through the DevTools protocol, as Chrome does to an idle
 * worker, and resolves once it has reported itself stopped. (`ServiceWorker.stopAllWorkers` on a
 * page's CDP session stops extension workers too; Playwright keeps the same Worker object, which
 * then talks to the worker started next.)
 */
export async function stopWorker(cdp: CDPSession): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      if (event.versions.some((v) => v.scriptURL.startsWith('chrome-extension://') && v.runningStatus === 'stopped')) {
        resolve();
      }
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}
