import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../src/node/chromium';
import { allCookies, ask, extensionPage } from './background-support';
import { launchTestBrowser } from './harness/extension';
import { type HttpsSites, startHttpsSites } from './harness/https-sites';

/**
 * Paths a server may set but a URL cannot spell: Chromium keeps `/a b` as sent, while every URL the
 * cookies API is given turns it into `/a%20b`, which is another cookie's path. Removing the first
 * must leave it alone and say so, and must never take the second.
 */

let browser: ExtensionBrowser;
let sites: HttpsSites;
let popup: Page;

beforeAll(async () => {
  sites = await startHttpsSites((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html',
      'set-cookie': [
        'odd=spaced; Path=/a b; Max-Age=3600; Secure',
        'odd=encoded; Path=/a%20b; Max-Age=3600; Secure',
        'odd=root; Path=/; Max-Age=3600; Secure',
      ],
    });
    res.end('<!doctype html><title>paths</title>');
  });
  browser = await launchTestBrowser({ hostResolverRules: sites.hostResolverRules });
  popup = await extensionPage(browser);
  const page = await browser.context.newPage();
  await page.goto(sites.url('paths.test', '/'));
  const deadline = Date.now() + 10_000;
  while ((await allCookies(browser)).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
});

afterAll(async () => {
  await browser?.close();
  await sites?.close();
});

const values = async () => (await allCookies(browser)).map((c) => `${c.value}@${c.path}`).sort();

describe('a cookie on a path no URL can spell', () => {
  it('is reported as not removable, and no other cookie is touched', async () => {
    const spaced = (await allCookies(browser)).find((c) => c.value === 'spaced');
    expect(spaced?.path).toBe('/a b');
    const report = await ask(popup, 'deleteCookies', { tabId: null, cookies: [spaced!] });
    expect(report.removedTotal).toBe(0);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0].error).toContain('cannot address');
    expect(await values()).toEqual(['encoded@/a%20b', 'root@/', 'spaced@/a b']);
  });

  it('does not stop the removal of its neighbour on the encoded path', async () => {
    const encoded = (await allCookies(browser)).find((c) => c.value === 'encoded');
    const report = await ask(popup, 'deleteCookies', { tabId: null, cookies: [encoded!] });
    expect(report.removedTotal).toBe(1);
    expect(await values()).toEqual(['root@/', 'spaced@/a b']);
  });
});
