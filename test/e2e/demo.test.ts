import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/core/types';
import type { ExtensionBrowser } from '../../src/node/chromium';
import { openWorkerClient, type WorkerClient } from '../../src/node/worker-client';
import type { BrowserCookie, TabView } from '../../src/shared/protocol';
import { type NetworkGuard, watchNetwork } from '../demo-world/network-guard';
import { cookieId, type DemoPageId, demoPage, type ExpectedCookie, expectedCookies } from '../demo-world/pages';
import { type DemoWorld, INDEX_HOST, startDemoWorld } from '../demo-world/world';
import { launchTestBrowser } from './harness/extension';

/**
 * The product on the demo world: what the popup shows for each demo page against the seed
 * documents, one-click removal on a logged-in help centre, undo, a shop kept clean, and not one
 * network request from the extension throughout.
 */

let world: DemoWorld;
let browser: ExtensionBrowser;
let client: WorkerClient;
let guard: NetworkGuard;

/** Polls return as soon as the state is reached; the limit only matters on a machine under load. */
const SETTLE = { timeout: 10_000 };

beforeAll(async () => {
  world = await startDemoWorld();
  browser = await launchTestBrowser({ hostResolverRules: world.hostResolverRules, allowThirdPartyCookies: true });
  guard = watchNetwork(browser);
  client = await openWorkerClient(browser);
});

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

/** Every cookie in the browser, partitioned ones included, with every attribute. */
function storeCookies(): Promise<BrowserCookie[]> {
  return browser.worker.evaluate(() => chrome.cookies.getAll({ partitionKey: {} })) as Promise<BrowserCookie[]>;
}

const ids = (cookies: ReadonlyArray<{ name: string; domain: string }>) => cookies.map(cookieId).sort();
const isOptional = (c: ExpectedCookie) => c.category !== 'essential' && c.category !== 'unknown';
/** What one click takes: optional cookies whose loss has no consequence the person must choose knowingly. */
const isRemovedByOneClick = (c: ExpectedCookie) => isOptional(c) && c.ifDeleted === undefined;
/** A cookie with its value: a restored cookie must equal the one removed. */
const exact = (c: BrowserCookie) => JSON.stringify({ ...c, partitionKey: c.partitionKey ?? null });

async function openDemoPage(id: DemoPageId): Promise<{ page: Page; tabId: number; view: TabView }> {
  const demo = demoPage(id);
  const page = await browser.context.newPage();
  await page.goto(world.pageUrl(id));
  const loggedIn = id === 'deskpro';
  if (loggedIn && (await page.locator('#login-state').getAttribute('data-state')) === 'logged-out') {
    await page.locator('#login').click();
    await page.waitForSelector('#login-state[data-state="logged-in"]');
  }
  const tabId = await client.tabIdOf(page);
  const wanted = ids(expectedCookies(demo, { loggedIn }));
  const view = await client.waitForView(tabId, (v) => {
    const have = new Set(v.cookies.map((r) => cookieId(r.cookie)));
    return wanted.every((w) => have.has(w));
  });
  return { page, tabId, view };
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 700 });
  await popup.goto(browser.extensionUrl(`src/popup/index.html?tabId=${tabId}`));
  await popup.getByTestId('total').waitFor();
  return popup;
}

/** What the help centre itself says, rendered by its server from the cookies it received. */
async function helpCentreState(page: Page) {
  const text = (selector: string) => page.locator(selector).textContent();
  return {
    login: await page.locator('#login-state').getAttribute('data-state'),
    user: await text('#login-state'),
    rememberMe: await text('#remember-state'),
    visitor: await text('#visitor-state'),
    messenger: await text('#messenger-state'),
  };
}

describe('the popup on the demo world', () => {
  it.each(['deskpro', 'shop', 'creatio'] as const)('labels every cookie of the %s page as documented', async (id) => {
    const demo = demoPage(id);
    const expected = expectedCookies(demo, { loggedIn: true });
    const { page, tabId, view } = await openDemoPage(id);
    expect(ids(view.cookies.map((r) => r.cookie))).toEqual(ids(expected));
    for (const want of expected) {
      const record = view.cookies.find((r) => cookieId(r.cookie) === cookieId(want));
      const label = record?.label;
      expect(
        {
          category: label?.category,
          party: label?.party,
          partitioned: record?.cookie.partitionKey !== undefined,
          ...(want.vendor !== undefined ? { vendor: label?.vendor } : {}),
        },
        cookieId(want),
      ).toEqual({
        category: want.category,
        party: want.party,
        partitioned: want.partitioned === true,
        ...(want.vendor !== undefined ? { vendor: want.vendor } : {}),
      });
    }

    const popup = await openPopup(tabId);
    for (const category of CATEGORIES) {
      const count = expected.filter((c) => c.category === category).length;
      await expect
        .poll(() => popup.getByTestId(`count-${category}`).textContent(), { message: category, ...SETTLE })
        .toBe(String(count));
    }
    await popup.close();
    await page.close();
  });
});

describe('removing optional cookies from a logged-in help centre', () => {
  const deskpro = demoPage('deskpro');
  let page: Page;
  let popup: Page;
  let before: Awaited<ReturnType<typeof helpCentreState>>;
  let storeBefore: BrowserCookie[];

  it('takes exactly the optional cookies with one click, and the user stays logged in', async () => {
    const opened = await openDemoPage('deskpro');
    page = opened.page;
    await page.reload();
    // The Messenger loader runs a moment after each load: let it finish before removing anything.
    await page.waitForSelector('html[data-messenger="loaded"]', { state: 'attached' });
    before = await helpCentreState(page);
    expect(before.login).toBe('logged-in');
    expect(before.rememberMe).toBe('on');
    expect(before.visitor).not.toBe('none');
    storeBefore = await storeCookies();

    popup = await openPopup(opened.tabId);
    await popup.getByTestId('remove-optional').click();
    await popup.getByTestId('outcome').waitFor();
    const storeAfter = await storeCookies();
    const after = new Set(storeAfter.map(exact));
    const removed = storeBefore.filter((c) => !after.has(exact(c)));
    const added = storeAfter.filter((c) => !storeBefore.map(exact).includes(exact(c)));
    expect(ids(removed)).toEqual(ids(deskpro.cookies.filter(isRemovedByOneClick)));
    expect(added).toEqual([]);

    await page.reload();
    const now = await helpCentreState(page);
    // Still logged in, and still remembered: deleting the remember-me token would sign the person
    // out when the browser closes, so one click keeps it and says why.
    expect(now.login).toBe('logged-in');
    expect(now.user).toBe(before.user);
    expect(now.rememberMe).toBe('on');
    expect(await popup.getByTestId('kept').textContent()).toContain('would sign you out of Deskpro');
    expect(now.visitor).toBe('none');
  });

  it('undo brings the help centre back to where it was', async () => {
    // The reload let the portal script write a new visitor token and Messenger cache: undo must
    // put the old ones back over them.
    const wanted = ids(deskpro.cookies.filter((c) => c.setBy !== 'response header'));
    const tabId = await client.tabIdOf(page);
    await client.waitForView(tabId, (v) => {
      const have = new Set(v.cookies.map((r) => cookieId(r.cookie)));
      return wanted.every((w) => have.has(w));
    });
    await popup.locator('[data-testid="outcome"] button.primary').click();
    const original = storeBefore.map(exact).sort();
    await expect.poll(async () => (await storeCookies()).map(exact).sort(), SETTLE).toEqual(original);

    await page.reload();
    expect(await helpCentreState(page)).toEqual(before);
    await popup.close();
    await page.close();
  });
});

describe('a shop kept clean', () => {
  const shop = demoPage('shop');

  it('never keeps an optional cookie: each one is removed as soon as it is set', async () => {
    await browser.context.clearCookies();
    await client.request('setSiteSettings', {
      site: 'lumen-shop.test',
      settings: { keepClean: true, allowedVendors: [], allowedCookies: [] },
    });
    // Cookie events as the browser reports them, recorded from an extension page.
    const recorder = await browser.context.newPage();
    await recorder.goto(browser.extensionUrl('src/popup/index.html?tabId=none'));
    await recorder.evaluate(() => {
      const log: Array<{ id: string; removed: boolean }> = [];
      (window as unknown as { cookieLog: typeof log }).cookieLog = log;
      chrome.cookies.onChanged.addListener(({ cookie, removed }) => {
        log.push({ id: `${cookie.name} @ ${cookie.domain}`, removed });
      });
    });
    const cookieLog = () =>
      recorder.evaluate(() => (window as unknown as { cookieLog: Array<{ id: string; removed: boolean }> }).cookieLog);

    const page = await browser.context.newPage();
    await page.goto(world.pageUrl('shop'));
    const optional = ids(shop.cookies.filter(isRemovedByOneClick));
    // Every optional cookie, the late ones included, has been set at least once...
    await expect
      .poll(async () => {
        const set = new Set((await cookieLog()).filter((e) => !e.removed).map((e) => e.id));
        return optional.filter((id) => !set.has(id));
      }, SETTLE)
      .toEqual([]);
    // ...and every setting of one is followed by its removal.
    await expect
      .poll(async () => {
        const open = new Map<string, number>();
        for (const e of await cookieLog()) open.set(e.id, (open.get(e.id) ?? 0) + (e.removed ? -1 : 1));
        return optional.filter((id) => (open.get(id) ?? 0) > 0);
      }, SETTLE)
      .toEqual([]);
    // Essential cookies and those nobody could identify stay (unknown ones go only if the user says so).
    await expect
      .poll(async () => ids(await storeCookies()), SETTLE)
      .toEqual(ids(shop.cookies.filter((c) => !isRemovedByOneClick(c))));

    const history = await client.request('getHistory', {});
    const automatic = history.filter((b) => b.trigger === 'automatic' && b.site === 'lumen-shop.test');
    expect(automatic.reduce((n, b) => n + b.count, 0)).toBeGreaterThanOrEqual(optional.length);

    await client.request('setSiteSettings', {
      site: 'lumen-shop.test',
      settings: { keepClean: false, allowedVendors: [], allowedCookies: [] },
    });
    await recorder.close();
    await page.close();
  });
});

describe('the extension and the network', () => {
  it('sent no request of its own during any of the tests above', async () => {
    // The watch works: it saw the pages' own requests.
    expect(guard.pageRequests()).toBeGreaterThan(10);
    expect(guard.extensionRequests).toEqual([]);
    expect(guard.serverSawNonPage(world)).toEqual([]);
  });

  it('cannot send one even when asked to: its content security policy forbids connections', async () => {
    const target = world.url(INDEX_HOST, '/from-the-extension');
    const outcome = await browser.worker.evaluate(
      (url) =>
        fetch(url).then(
          () => 'sent',
          () => 'blocked',
        ),
      target,
    );
    expect(outcome).toBe('blocked');
    expect(world.requests.filter((r) => r.path === '/from-the-extension')).toEqual([]);
    expect(guard.extensionRequests).toEqual([]);
  });
});
