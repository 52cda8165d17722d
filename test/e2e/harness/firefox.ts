import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findExecutable } from '../../../src/node/find-executable';
import { GECKO_ID } from '../../../vite.config';

/**
 * Firefox ESR with the Firefox build of the extension, driven over WebDriver BiDi (puppeteer-core;
 * no browser download: Debian's `firefox-esr`). `npm test` builds dist-firefox/ first.
 *
 * Which Firefox a fresh machine gets moves from day to day (ESR 140 one day, 153 the next), so the
 * harness uses only the BiDi commands every supported ESR knows: no `waitForFunction` (Puppeteer
 * builds its predicate with `Function()` inside the page, which an extension page's CSP forbids),
 * no `setViewport` (newer Puppeteer sends `emulation.setScreenOrientationOverride` with it, which
 * ESR 140 does not know). Waiting is polling `page.evaluate` from Node (`waitUntil`); the window
 * size is set once, at launch.
 */

export const FIREFOX_DIST = resolve(import.meta.dirname, '../../../dist-firefox');

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];

export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const notFound = () =>
    new Error('No Firefox found. Install it (Debian: `apt-get install -y firefox-esr`) or set FIREFOX_PATH.');
  return findExecutable('FIREFOX_PATH', CANDIDATES, notFound, env);
}

const WINDOW = { width: 1280, height: 800 };

/**
 * Polls `predicate` in the page from Node until it returns true. `page.evaluate` runs the function
 * through BiDi's `script.callFunction`, which an extension page's CSP allows.
 */
export async function waitUntil(
  page: Page,
  predicate: (arg: string | null) => boolean,
  arg: string | null,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(predicate, arg)) return;
      last = null;
    } catch (e) {
      // A navigation in flight destroys the context the call ran in: try again.
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`waitUntil timed out after ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** The moz-extension:// origin of the installed add-on. */
  origin: string;
  /** Opens an extension page (path from the build's root) in a new tab, by way of `via`, a web page. */
  openExtensionPage(path: string, via: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * `hosts` resolve to 127.0.0.1 inside this Firefox (`network.dns.localDomains`), so tests can use
 * real site names on a local server. WebDriver BiDi may not navigate to moz-extension:// URLs, so
 * the copy the test installs lets web pages open the popup (web_accessible_resources): a page of
 * the test server then navigates there. The shipped build has no such entry.
 */
export interface FirefoxOptions {
  /** Trust the demo world's self-signed certificate. */
  acceptInsecureCerts?: boolean;
  /**
   * Let third-party frames use their unpartitioned cookies, as a person who turned off Total Cookie
   * Protection for a site has them (cookieBehavior 0), so an embedded button sees its sign-in.
   */
  allowThirdPartyCookies?: boolean;
  /** Turn on containers (contextual identities), each with a cookie store of its own. */
  containers?: boolean;
  /** Let the extension run in private windows, as the person allows it at install. */
  privateBrowsing?: boolean;
}

export async function launchFirefoxWithExtension(
  hosts: readonly string[],
  options: FirefoxOptions = {},
): Promise<FirefoxWithExtension> {
  const dir = mkdtempSync(join(tmpdir(), 'cookie-inspector-firefox-'));
  cpSync(FIREFOX_DIST, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.web_accessible_resources = [
    { resources: ['src/popup/index.html', 'src/devtools/panel.html'], matches: ['<all_urls>'] },
  ];
  writeFileSync(manifestPath, JSON.stringify(manifest));

  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    // No per-page viewport emulation (see above): the window itself has the size screenshots want.
    defaultViewport: null,
    args: [`--width=${WINDOW.width}`, `--height=${WINDOW.height}`],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'network.dns.localDomains': hosts.join(','),
      ...(options.allowThirdPartyCookies ? { 'network.cookie.cookieBehavior': 0 } : {}),
      ...(options.containers ? { 'privacy.userContext.enabled': true } : {}),
    },
  });
  const installed = options.privateBrowsing
    ? await installAllowedInPrivate(browser, dir)
    : await browser.installExtension(dir);
  if (installed !== GECKO_ID) throw new Error(`Firefox installed ${installed}, not ${GECKO_ID}`);
  const origin = `moz-extension://${uuid}`;
  return {
    browser,
    origin,
    async openExtensionPage(path, via) {
      const page = await browser.newPage();
      await page.goto(via);
      await page.evaluate((url) => {
        location.href = url;
      }, `${origin}/${path}`);
      await waitUntil(page, (o) => location.origin === o, origin);
      return page;
    },
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * WebDriver BiDi's `webExtension.install` takes `allowPrivateBrowsing` (the person's choice at
 * install); Puppeteer's `installExtension` does not pass it, so the command goes through its
 * connection.
 */
async function installAllowedInPrivate(browser: Browser, dir: string): Promise<string> {
  const connection = (browser as unknown as { connection: BidiSend }).connection;
  try {
    const { result } = await connection.send('webExtension.install', {
      extensionData: { type: 'path', path: dir },
      // Firefox's name for it; the standard `allowPrivateBrowsing` is not taken by every ESR yet.
      'moz:allowPrivateBrowsing': true,
    });
    return result.extension;
  } catch {
    // An ESR that does not know the parameter: installed without private windows, and the test
    // that needs them reports itself skipped.
    return browser.installExtension(dir);
  }
}

interface BidiSend {
  send(method: string, params: unknown): Promise<{ result: { extension: string } }>;
}
