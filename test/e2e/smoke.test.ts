import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../src/node/chromium';
import { launchTestBrowser } from './harness/extension';

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchTestBrowser();
  });
  afterAll(() => browser?.close());

  it('starts its service worker with the cookie listener registered', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(await browser.worker.evaluate(() => chrome.cookies.onChanged.hasListeners())).toBe(true);
  });

  it('renders the popup page without errors', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(browser.extensionUrl('src/popup/index.html'));
    await expect.poll(() => page.locator('#app').textContent()).not.toBe('');
    expect(errors).toEqual([]);
  });
});
