import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAPERLEAF_HOST } from '../demo-world/sites/paperleaf';
import { SOCIAL_HOST } from '../demo-world/sites/social';
import { type DemoWorld, startDemoWorld } from '../demo-world/world';
import { type FirefoxWithExtension, launchFirefoxWithExtension, waitUntil } from './harness/firefox';

/**
 * The sign-in story of sign-in.test.ts in Firefox ESR with the Firefox build: one click and keeping
 * the site clean take the tracking cookies and leave the site's session and the embedded platform's
 * sign-in; "Also sign me out of Meta" signs out of the platform only, and undo signs back in.
 */

let world: DemoWorld;
let firefox: FirefoxWithExtension;
const SETTLE = { timeout: 15_000 };

beforeAll(async () => {
  world = await startDemoWorld();
  firefox = await launchFirefoxWithExtension([PAPERLEAF_HOST, SOCIAL_HOST], {
    acceptInsecureCerts: true,
    allowThirdPartyCookies: true,
  });
});

afterAll(async () => {
  await firefox?.close();
  await world?.close();
});

type Api = typeof chrome;

/** Every cookie the extension can see, by name and domain. */
const storeNames = (popup: Page) =>
  popup.evaluate(async () => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    const all = await api.cookies.getAll({ partitionKey: {} });
    return all.map((c) => `${c.name} @ ${c.domain}`).sort();
  });

const loginState = (page: Page) =>
  page.evaluate(() => document.getElementById('login-state')?.getAttribute('data-state') ?? null);

function likeFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/plugins/like'));
  if (!frame) throw new Error('no Like button frame');
  return frame;
}
const likeState = (page: Page) =>
  likeFrame(page)
    .evaluate(() => document.getElementById('like-state')?.getAttribute('data-state') ?? null)
    .catch(() => null);

const text = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLElement).textContent.trim()).catch(() => null);

const KEPT = [
  'c_user @ .facebook-demo.test',
  'csrftoken @ www.paperleaf.test',
  'datr @ .facebook-demo.test',
  'plk @ www.paperleaf.test',
  'xs @ .facebook-demo.test',
];
const SIGN_INS = ['c_user @ .facebook-demo.test', 'xs @ .facebook-demo.test'];
const META_GROUP = '[data-testid="kept-group"][data-vendor="Meta"]';

describe('the Firefox build keeps people signed in', () => {
  it('one click and a site kept clean spare both sign-ins; "Also sign me out" and undo do what they say', async () => {
    const social = await firefox.browser.newPage();
    await social.goto(world.url(SOCIAL_HOST, '/'));
    await Promise.all([social.waitForNavigation(), social.click('#social-login')]);
    await waitUntil(social, () => document.querySelector('[data-state="signed-in"]') !== null, null);
    await social.close();

    const page = await firefox.browser.newPage();
    await page.goto(world.url(PAPERLEAF_HOST, '/'));
    await Promise.all([page.waitForNavigation(), page.click('#login')]);
    expect(await loginState(page)).toBe('logged-in');
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-in');

    const popup = await firefox.openExtensionPage('src/popup/index.html', world.url(PAPERLEAF_HOST, '/nothing'));
    const tabId = await popup.evaluate(
      async (url) => {
        const api = (globalThis as unknown as { browser: Api }).browser;
        return (await api.tabs.query({})).find((t) => t.url === url)?.id ?? null;
      },
      world.url(PAPERLEAF_HOST, '/'),
    );
    expect(tabId).not.toBeNull();
    await popup.evaluate((id) => {
      location.search = `?tabId=${id}`;
    }, tabId);
    await expect.poll(() => text(popup, '[data-testid="site"]'), SETTLE).toBe('paperleaf.test');
    await expect.poll(() => text(popup, '[data-testid="remove-optional"]'), SETTLE).toBe('Remove 3 optional cookies');

    await popup.click('[data-testid="remove-optional"]');
    await expect.poll(() => text(popup, '[data-testid="outcome"]'), SETTLE).toContain('Removed 3 cookies');
    expect(await storeNames(popup)).toEqual(KEPT);
    expect(await text(popup, META_GROUP)).toContain('2 cookies kept: removing them would sign you out of Meta.');

    // Kept clean: the page script and the button set their trackers again on reload, and they go.
    await popup.click('[role="switch"]');
    await page.reload();
    expect(await loginState(page)).toBe('logged-in');
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-in');
    await expect.poll(() => storeNames(popup), SETTLE).toEqual(KEPT);

    await popup.click(`${META_GROUP} [data-testid="also-remove"]`);
    expect(await text(popup, `${META_GROUP} [data-testid="confirm-removal"]`)).toContain(
      'Removing these 2 cookies would sign you out of Meta',
    );
    await popup.click(`${META_GROUP} [data-testid="confirm-remove"]`);
    await expect.poll(() => storeNames(popup), SETTLE).toEqual(KEPT.filter((id) => !SIGN_INS.includes(id)));
    await page.reload();
    expect(await loginState(page)).toBe('logged-in');
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-out');

    await popup.click('[data-testid="outcome"] button.primary');
    await expect.poll(() => storeNames(popup), SETTLE).toEqual(KEPT);
    await page.reload();
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-in');
  });
});
