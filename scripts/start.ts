import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { formatBreakdown } from '../src/cli/breakdown';
import { ChromiumNotFoundError, type ExtensionBrowser, findChromium, launchWithExtension } from '../src/node/chromium';
import { findExtensionDist } from '../src/node/extension-dist';
import { openWorkerClient, type WorkerClient } from '../src/node/worker-client';
import { cookieId, type DemoPage, expectedCookies } from '../test/demo-world/pages';
import { signIntoPaperleaf } from '../test/demo-world/paperleaf-sign-in';
import { type DemoWorld, startDemoWorld } from '../test/demo-world/world';

/**
 * `npm start`: builds the extension, serves the demo world, opens each demo page in Chromium with
 * the extension, prints what the popup shows for it and saves screenshots of the popup and the
 * devtools panel. Headless (no DISPLAY) it ends by itself; with a display the browser stays open.
 * EXTENSION_DIST=<folder> uses an existing build instead of building.
 */

const ROOT = resolve(import.meta.dirname, '..');
const OUTPUT = join(ROOT, 'demo-output');
const STORE_SHOTS = join(ROOT, 'docs/store/screenshots');
const headless = !process.env.DISPLAY;

function say(text = ''): void {
  process.stdout.write(`${text}\n`);
}

function build(): string {
  if (process.env.EXTENSION_DIST) {
    say(`Using the build in ${process.env.EXTENSION_DIST} (EXTENSION_DIST).`);
    return findExtensionDist();
  }
  say('Building the extension (npm run build)…');
  // The build's own output only matters when it fails.
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error('`npm run build` failed; see the messages above.');
  }
  return findExtensionDist();
}

/** Logs in with "Remember me", as a returning helpdesk user would have. */
async function logIntoDeskpro(page: Page): Promise<void> {
  await page.locator('#login').click();
  await page.waitForSelector('#login-state[data-state="logged-in"]');
}

interface Session {
  world: DemoWorld;
  browser: ExtensionBrowser;
  client: WorkerClient;
}

async function showPage({ world, browser, client }: Session, demo: DemoPage): Promise<void> {
  let page: Page;
  if (demo.id === 'paperleaf') {
    page = await signIntoPaperleaf(browser.context, world);
  } else {
    page = await browser.context.newPage();
    await page.goto(world.pageUrl(demo.id));
  }
  if (demo.id === 'deskpro') await logIntoDeskpro(page);
  const tabId = await client.tabIdOf(page);
  const wanted = expectedCookies(demo, { loggedIn: true }).map(cookieId);
  let view = await client.request('getTabView', { tabId });
  try {
    // Some cookies come from scripts a moment after the page loaded: wait until all are there.
    view = await client.waitForView(tabId, (v) => {
      const have = new Set(v.cookies.map((r) => cookieId(r.cookie)));
      return wanted.every((id) => have.has(id));
    });
  } catch (error) {
    say(`  (not every expected cookie arrived: ${(error as Error).message})`);
  }
  say(`\n== ${demo.title}\n   ${page.url()}`);
  say(
    formatBreakdown(view)
      .split('\n')
      .map((line) => (line ? `   ${line}` : line))
      .join('\n'),
  );
  await screenshot(browser, `src/popup/index.html?tabId=${tabId}`, `${demo.id}-popup.png`, {
    width: 400,
    height: 640,
  });
  await screenshot(
    browser,
    `src/devtools/panel.html?tabId=${tabId}`,
    `${demo.id}-panel.png`,
    { width: 1280, height: 720 },
    // Open the first cookie's details, where the panel explains its label.
    (panel) => panel.locator('[role="row"][data-key]').first().click({ timeout: 2000 }),
  );
}

/**
 * The screenshots the Chrome Web Store and addons.mozilla.org list, at 1280x800, the size both
 * take: the popup over the page it describes, as a person sees it, and the DevTools panel.
 */
async function storeScreenshots({ world, browser, client }: Session): Promise<void> {
  mkdirSync(STORE_SHOTS, { recursive: true });
  const size = { width: 1280, height: 800 };
  for (const [id, file] of [
    ['paperleaf', '1-popup-keeps-sign-ins.png'],
    ['shop', '2-popup-shop.png'],
  ] as const) {
    const page = await browser.context.newPage();
    await page.setViewportSize(size);
    await page.goto(world.pageUrl(id));
    const tabId = await client.tabIdOf(page);
    const site = await page.screenshot();
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 760 });
    await popup.goto(browser.extensionUrl(`src/popup/index.html?tabId=${tabId}`));
    await popup.getByTestId('total').waitFor();
    const shot = await popup.screenshot();
    await popup.close();
    await page.close();
    const canvas = await browser.context.newPage();
    await canvas.setViewportSize(size);
    const png = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;
    await canvas.setContent(
      `<body style="margin:0"><img src="${png(site)}" style="position:absolute;inset:0">` +
        `<img src="${png(shot)}" style="position:absolute;top:12px;right:24px;border:1px solid #999;` +
        `box-shadow:0 8px 24px rgba(0,0,0,.35)"></body>`,
    );
    await canvas.screenshot({ path: join(STORE_SHOTS, file) });
    await canvas.close();
  }
  const shop = await browser.context.newPage();
  await shop.goto(world.pageUrl('shop'));
  const tabId = await client.tabIdOf(shop);
  await screenshot(
    browser,
    `src/devtools/panel.html?tabId=${tabId}`,
    '3-devtools-panel.png',
    size,
    (panel) => panel.locator('[role="row"][data-key]').nth(2).click({ timeout: 2000 }),
    STORE_SHOTS,
  );
  await shop.close();
  say(`Store screenshots (1280x800) are in ${STORE_SHOTS}/.`);
}

async function screenshot(
  browser: ExtensionBrowser,
  path: string,
  file: string,
  size: { width: number; height: number },
  prepare?: (page: Page) => Promise<void>,
  folder = OUTPUT,
): Promise<void> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.goto(browser.extensionUrl(path));
  // The page has rendered once its root has content and it is no longer loading its data.
  await page.waitForFunction(() => {
    const app = document.getElementById('app');
    return app !== null && app.childElementCount > 0 && !document.querySelector('[data-testid$="loading"]');
  });
  // A screenshot without the extra step is still worth having.
  await prepare?.(page).catch(() => undefined);
  // Store screenshots have an exact size; the demo's own show the whole page.
  await page.screenshot({ path: join(folder, file), fullPage: folder === OUTPUT });
  await page.close();
}

async function main(): Promise<number> {
  try {
    findChromium();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return error instanceof ChromiumNotFoundError ? 3 : 1;
  }
  const dist = build();
  const world = await startDemoWorld();
  say(`Demo world on https://127.0.0.1:${world.port} (hosts *.test); Chromium ${headless ? 'headless' : 'headed'}.`);
  const browser = await launchWithExtension({
    extensionPath: dist,
    headless,
    hostResolverRules: world.hostResolverRules,
    allowThirdPartyCookies: true,
  });
  try {
    rmSync(OUTPUT, { recursive: true, force: true });
    mkdirSync(OUTPUT, { recursive: true });
    const session = { world, browser, client: await openWorkerClient(browser) };
    for (const demo of world.pages) await showPage(session, demo);
    await storeScreenshots(session);
    const shots = readdirSync(OUTPUT).sort();
    say(`\nScreenshots of the popup and the devtools panel (${shots.length}) are in ${OUTPUT}/:`);
    for (const shot of shots) say(`  ${shot}`);
    if (!headless) {
      say('\nThe browser stays open to explore: close it (or press Ctrl+C) to end.');
      await new Promise<void>((done) => {
        browser.context.on('close', () => done());
        process.once('SIGINT', () => done());
      });
    }
    return 0;
  } finally {
    await browser.close();
    await world.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
