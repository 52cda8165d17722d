import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../src/node/chromium';
import { openWorkerClient, type WorkerClient } from '../../src/node/worker-client';
import type { BrowserCookie } from '../../src/shared/protocol';
import { type DemoWorld, startDemoWorld } from '../demo-world/world';
import { launchTestBrowser } from './harness/extension';

/**
 * The popup on a shop that ignores a refusal (the demo world's Quarry Outdoor, a Complianz banner):
 * after the person denies, it says what they refused and which cookies of those kinds are here all
 * the same, marks the ones set before they answered, and removes them in one click.
 */

let world: DemoWorld;
let browser: ExtensionBrowser;
let client: WorkerClient;
const SETTLE = { timeout: 10_000 };

beforeAll(async () => {
  world = await startDemoWorld();
  browser = await launchTestBrowser({ hostResolverRules: world.hostResolverRules, allowThirdPartyCookies: true });
  client = await openWorkerClient(browser);
});

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

const names = async () =>
  ((await browser.worker.evaluate(() => chrome.cookies.getAll({ partitionKey: {} }))) as BrowserCookie[])
    .map((c) => c.name)
    .sort();

describe('a refusal the site ignores', () => {
  it('is told, with the cookies set against it, and they go in one click', async () => {
    const page = await browser.context.newPage();
    await page.goto(world.pageUrl('quarry'));
    await page.locator('.cmplz-deny').click();
    await expect.poll(names, SETTLE).toContain('cmplz_marketing');
    const tabId = await client.tabIdOf(page);
    await client.waitForView(tabId, (v) => v.consent?.refused.includes('marketing') === true);

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.goto(browser.extensionUrl(`src/popup/index.html?tabId=${tabId}`));
    const summary = popup.getByTestId('consent-summary');
    await expect.poll(() => summary.textContent(), SETTLE).toMatch(/^You refused .*marketing on this site/);
    expect(await summary.textContent()).toMatch(/2 cookies of those kinds are here/);
    const listed = await popup.locator('.consent-cookies li').allTextContents();
    expect(listed.join('\n')).toContain('_fbp');
    expect(listed.join('\n')).toContain('am_uid');
    // The worker saw the pixel's cookies set on the first load, before the answer.
    expect(listed.filter((l) => l.includes('set before you answered'))).toHaveLength(2);

    await popup.getByTestId('consent-remove').click();
    await expect.poll(names, SETTLE).not.toContain('_fbp');
    expect(await names()).not.toContain('am_uid');
    // The consent record itself and the shop's session stay.
    expect(await names()).toEqual(expect.arrayContaining(['PHPSESSID', 'cmplz_marketing']));
    await expect.poll(() => summary.textContent(), SETTLE).toMatch(/no cookies of those kinds are here/);
  });
});
