import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findExecutable } from '../../../src/node/find-executable';
import type { BrowserCookie, RequestKind, RequestOf, ResponseOf } from '../../../src/shared/protocol';
import { GECKO_ID } from '../../../vite.config';
import type { BrowserHarness, HarnessOptions, HarnessPage, InBrowser, PageContent } from './browser-harness';
import {
  allCookies,
  contentVia,
  EvaluatingPage,
  evaluatorOf,
  pollUntil,
  sendRequest,
  tabIdOf,
  waitForOne,
} from './harness-support';

/**
 * Firefox ESR with the Firefox build of the extension, driven over WebDriver BiDi by puppeteer-core
 * (no browser download: Debian's `firefox-esr`; browser-harness.ts says why Puppeteer here).
 * `npm test` builds dist-firefox/ first.
 *
 * Which Firefox a fresh machine gets moves from day to day (ESR 140 one day, 153 the next), so the
 * harness uses only the BiDi commands every supported ESR knows: no `waitForFunction` (Puppeteer
 * builds its predicate with `Function()` inside the page, which an extension page's CSP forbids),
 * no `setViewport` (newer Puppeteer sends `emulation.setScreenOrientationOverride` with it, which
 * ESR 140 does not know). Waiting is polling `evaluate` from Node; the window size is set once, at
 * launch.
 */

export const FIREFOX_DIST = resolve(import.meta.dirname, '../../../dist-firefox');

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/usr/lib/firefox-esr/firefox-esr'];

export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const notFound = () =>
    new Error('No Firefox found. Install it (Debian: `apt-get install -y firefox-esr`) or set FIREFOX_PATH.');
  return findExecutable('FIREFOX_PATH', CANDIDATES, notFound, env);
}

const WINDOW = { width: 1280, height: 800 };

/** A page of the extension that renders nothing but gives access to the extension's APIs. */
const HOST_PAGE = 'src/popup/index.html?tabId=none';

/** What only Firefox has, on top of what a scenario of both browsers asks. */
export interface FirefoxOptions extends HarnessOptions {
  /** Turn on containers (contextual identities), each with a cookie store of its own. */
  containers?: boolean;
  /** Let the extension run in private windows, as the person allows it at install. */
  privateBrowsing?: boolean;
}

export class FirefoxPage extends EvaluatingPage implements HarnessPage {
  constructor(override readonly page: Page) {
    super(page, evaluatorOf(page));
  }

  async click(selector: string): Promise<void> {
    // Strict as Playwright's locators are, so a selector means the same in both browsers.
    await waitForOne(this.evaluateHere, selector);
    await this.page.click(selector);
  }

  waitFor(selector: string): Promise<void> {
    return pollUntil(this.evaluateHere, (s) => document.querySelector(s) !== null, selector, `waiting for ${selector}`);
  }

  frame(selector: string): PageContent {
    return contentVia(async (fn, arg) => {
      const handle = await this.page.$(selector);
      const frame = await handle?.contentFrame();
      await handle?.dispose();
      if (!frame) throw new Error(`no frame ${selector}`);
      return evaluatorOf(frame)(fn, arg);
    });
  }

  async screenshot(path: string, clip: { x: number; y: number; width: number; height: number }): Promise<void> {
    await this.page.screenshot({ path: path as `${string}.png`, clip });
  }
}

export class FirefoxHarness implements BrowserHarness {
  readonly name = 'firefox' as const;
  private host: Promise<FirefoxPage> | null = null;

  constructor(
    /** Puppeteer's view of the browser, for what only Firefox's tests do. */
    readonly browser: Browser,
    /** The moz-extension:// origin of the installed add-on. */
    readonly origin: string,
    /** A blank web page on loopback, from which extension pages are opened. */
    private readonly trampoline: string,
    private readonly cleanUp: () => Promise<void>,
  ) {}

  async openTab(url: string): Promise<FirefoxPage> {
    const page = await this.browser.newPage();
    await page.goto(url);
    return new FirefoxPage(page);
  }

  /**
   * WebDriver BiDi may not navigate to moz-extension:// URLs, so a web page does: the copy of the
   * add-on the harness installs makes the pages web-accessible (the shipped build does not).
   */
  async openExtensionPage(path: string): Promise<FirefoxPage> {
    const page = await this.openTab(this.trampoline);
    const target = `${this.origin}/${path}`;
    await page.evaluate((url) => {
      location.href = url;
    }, target);
    await page.waitUntil((url) => location.href === url, target);
    return page;
  }

  async inExtension<R, A>(fn: InBrowser<R, A>, arg: A): Promise<R> {
    return (await this.hostPage()).evaluate(fn, arg);
  }

  cookies(): Promise<BrowserCookie[]> {
    return allCookies((fn, arg) => this.inExtension(fn, arg));
  }

  async request<K extends RequestKind>(kind: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    const host = await this.hostPage();
    return sendRequest((fn, arg) => host.evaluate(fn, arg), kind, payload);
  }

  tabIdOf(url: string): Promise<number> {
    return tabIdOf((fn, arg) => this.inExtension(fn, arg), url);
  }

  close(): Promise<void> {
    return this.cleanUp();
  }

  private hostPage(): Promise<FirefoxPage> {
    this.host ??= this.openExtensionPage(HOST_PAGE);
    return this.host;
  }
}

/**
 * `hosts` resolve to 127.0.0.1 inside this Firefox (`network.dns.localDomains`), so tests can use
 * real site names on a local server.
 */
export async function launchFirefox(options: FirefoxOptions): Promise<FirefoxHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'cookie-inspector-firefox-'));
  cpSync(FIREFOX_DIST, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.web_accessible_resources = [
    { resources: ['src/popup/index.html', 'src/devtools/panel.html'], matches: ['<all_urls>'] },
  ];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const trampoline = await serveBlankPage();

  const uuid = randomUUID();
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      acceptInsecureCerts: options.acceptInsecureCerts ?? false,
      // No per-page viewport emulation (see above): the window itself has the size screenshots want.
      defaultViewport: null,
      args: [`--width=${WINDOW.width}`, `--height=${WINDOW.height}`],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
        'network.dns.localDomains': options.hosts.join(','),
        // cookieBehavior 0: a person who turned off Total Cookie Protection, so an embedded button sees its sign-in.
        ...(options.allowThirdPartyCookies ? { 'network.cookie.cookieBehavior': 0 } : {}),
        ...(options.containers ? { 'privacy.userContext.enabled': true } : {}),
      },
    });
  } catch (error) {
    await trampoline.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const cleanUp = async () => {
    await browser.close();
    await trampoline.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const installed = options.privateBrowsing
      ? await installAllowedInPrivate(browser, dir)
      : await browser.installExtension(dir);
    if (installed !== GECKO_ID) throw new Error(`Firefox installed ${installed}, not ${GECKO_ID}`);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return new FirefoxHarness(browser, `moz-extension://${uuid}`, trampoline.url, cleanUp);
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
    // that needs them reports itself skipped, saying why.
    return browser.installExtension(dir);
  }
}

interface BidiSend {
  send(method: string, params: unknown): Promise<{ result: { extension: string } }>;
}

/** A blank page on loopback: where an extension page is opened from (see `openExtensionPage`). */
async function serveBlankPage(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end('<!doctype html><title>blank</title>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
