import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../src/node/chromium';
import { openWorkerClient, type WorkerClient } from '../../src/node/worker-client';
import type { BrowserCookie } from '../../src/shared/protocol';
import { signIntoPaperleaf } from '../demo-world/paperleaf-sign-in';
import { type DemoWorld, startDemoWorld } from '../demo-world/world';
import { launchTestBrowser } from './harness/extension';

/**
 * Never sign anyone out, in real Chromium: a person signed in to a reading club (an unlabelled
 * server session and a CSRF cookie) that embeds a social platform's Like button (whose sign-in
 * cookie also serves the button and tracks). One click, then keeping the site clean, take the
 * tracking cookies and leave both sign-ins; "Also sign me out of Meta" then signs the person out of
 * the platform only, and undo signs them back in.
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

const storeNames = async () =>
  ((await browser.worker.evaluate(() => chrome.cookies.getAll({ partitionKey: {} }))) as BrowserCookie[])
    .map((c) => `${c.name} @ ${c.domain}`)
    .sort();

const state = (page: Page) => page.locator('#login-state').getAttribute('data-state');
const likeState = (page: Page) => page.frameLocator('#like').locator('#like-state').getAttribute('data-state');

const SIGN_INS = ['c_user @ .facebook-demo.test', 'xs @ .facebook-demo.test'];
const KEPT = [
  ...SIGN_INS,
  'csrftoken @ www.paperleaf.test',
  'datr @ .facebook-demo.test',
  'plk @ www.paperleaf.test',
].sort();
const TRACKING = ['_fbp @ www.paperleaf.test', '_ga @ www.paperleaf.test', 'fr @ .facebook-demo.test'];

describe('signed in to a site that embeds a social platform', () => {
  let page: Page;
  let popup: Page;
  let tabId: number;

  it('one click removes the tracking cookies and keeps both sign-ins', async () => {
    page = await signIntoPaperleaf(browser.context, world);
    expect(await state(page)).toBe('logged-in');
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-in');
    tabId = await client.tabIdOf(page);
    await client.waitForView(tabId, (v) => {
      const have = new Set(v.cookies.map((r) => `${r.cookie.name} @ ${r.cookie.domain}`));
      return [...KEPT, ...TRACKING].every((id) => have.has(id));
    });
    const view = await client.request('getTabView', { tabId });
    const cUser = view.cookies.find((r) => r.cookie.name === 'c_user')?.label;
    // On this site the platform's sign-in cookie is what it is here: a tracker that signs you in.
    expect(cUser).toMatchObject({ category: 'marketing', ifDeleted: 'signs-out', vendor: 'Meta', party: 'third' });
    expect(view.cookies.find((r) => r.cookie.name === 'plk')?.label.ifDeleted).toBe('signs-out');

    popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.goto(browser.extensionUrl(`src/popup/index.html?tabId=${tabId}`));
    await popup.getByTestId('remove-optional').click();
    await popup.getByTestId('outcome').waitFor();
    expect(await storeNames()).toEqual(KEPT);
    const kept = popup.locator('[data-testid="kept-group"][data-vendor="Meta"]').filter({ hasText: 'sign you out' });
    expect(await kept.textContent()).toContain('2 cookies kept: removing them would sign you out of Meta.');

    await page.reload();
    expect(await state(page)).toBe('logged-in');
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-in');
  });

  it('keeping the site clean takes what the pages set again, and still signs nobody out', async () => {
    await popup.getByRole('switch').click();
    await page.reload();
    expect(await state(page)).toBe('logged-in');
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-in');
    // The page script and the button set their tracking cookies again; each goes as it comes.
    await expect.poll(storeNames, SETTLE).toEqual(KEPT);
    const history = await client.request('getHistory', {});
    expect(history.some((b) => b.trigger === 'automatic' && b.site === 'paperleaf.test')).toBe(true);
  });

  it('signs out of the platform only when asked, with the consequence spelt out, and undo signs back in', async () => {
    const group = popup.locator('[data-testid="kept-group"][data-vendor="Meta"]').filter({ hasText: 'sign you out' });
    await group.getByTestId('also-remove').click();
    expect(await group.getByTestId('confirm-removal').textContent()).toContain(
      'Removing these 2 cookies would sign you out of Meta',
    );
    await group.getByTestId('confirm-remove').click();
    await expect.poll(() => popup.getByTestId('outcome').textContent(), SETTLE).toContain('Removed 2 cookies');
    await expect.poll(storeNames, SETTLE).toEqual(KEPT.filter((id) => !SIGN_INS.includes(id)));
    await page.reload();
    expect(await state(page)).toBe('logged-in');
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-out');

    await popup.locator('[data-testid="outcome"] button.primary').click();
    await expect.poll(storeNames, SETTLE).toEqual(KEPT);
    await page.reload();
    await expect.poll(() => likeState(page), SETTLE).toBe('signed-in');
    expect(await state(page)).toBe('logged-in');
  });
});
