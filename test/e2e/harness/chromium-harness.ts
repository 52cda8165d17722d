import type { Page } from 'playwright-core';
import type { ExtensionBrowser, LaunchOptions } from '../../../src/node/chromium';
import type { BrowserCookie, RequestKind, RequestOf, ResponseOf } from '../../../src/shared/protocol';
import type { BrowserHarness, HarnessOptions, HarnessPage, InBrowser, PageContent } from './browser-harness';
import { launchTestBrowser } from './extension';
import { allCookies, contentVia, EvaluatingPage, evaluatorOf, sendRequest, tabIdOf, WAIT_MS } from './harness-support';

/**
 * Debian's Chromium with the built `dist/`, driven by Playwright through the launcher `scan` and
 * `npm start` use (browser-harness.ts says why Playwright here).
 */

/** Chromium's own launch options, for the tests of Chromium alone. */
export type ChromiumOptions = Omit<LaunchOptions, 'extensionPath'>;

/** A page of the extension that renders nothing but gives access to the extension's APIs. */
const HOST_PAGE = 'src/popup/index.html?tabId=none';

export class ChromiumPage extends EvaluatingPage implements HarnessPage {
  constructor(override readonly page: Page) {
    super(page, evaluatorOf(page));
  }

  async click(selector: string): Promise<void> {
    // Playwright's locators are strict: a selector that matches several elements fails.
    await this.page.locator(selector).click({ timeout: WAIT_MS });
  }

  async waitFor(selector: string): Promise<void> {
    await this.page.locator(selector).first().waitFor({ state: 'attached', timeout: WAIT_MS });
  }

  frame(selector: string): PageContent {
    return contentVia(async (fn, arg) => {
      const frame = await (await this.page.$(selector))?.contentFrame();
      if (!frame) throw new Error(`no frame ${selector}`);
      return evaluatorOf(frame)(fn, arg);
    });
  }

  async screenshot(path: string, clip: { x: number; y: number; width: number; height: number }): Promise<void> {
    await this.page.screenshot({ path, clip });
  }
}

export class ChromiumHarness implements BrowserHarness {
  readonly name = 'chromium' as const;
  private host: Promise<Page> | null = null;

  constructor(
    /** Playwright's view of the browser, for what only Chromium's tests do. */
    readonly browser: ExtensionBrowser,
  ) {}

  async openTab(url: string): Promise<ChromiumPage> {
    const page = await this.browser.context.newPage();
    await page.goto(url);
    return new ChromiumPage(page);
  }

  async openExtensionPage(path: string): Promise<ChromiumPage> {
    return this.openTab(this.browser.extensionUrl(path));
  }

  inExtension<R, A>(fn: InBrowser<R, A>, arg: A): Promise<R> {
    // Playwright keeps one Worker object across a worker restart, and it talks to the new worker.
    return evaluatorOf(this.browser.worker)(fn, arg);
  }

  cookies(): Promise<BrowserCookie[]> {
    return allCookies((fn, arg) => this.inExtension(fn, arg));
  }

  async request<K extends RequestKind>(kind: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    return sendRequest(evaluatorOf(await this.hostPage()), kind, payload);
  }

  tabIdOf(url: string): Promise<number> {
    return tabIdOf((fn, arg) => this.inExtension(fn, arg), url);
  }

  /** Fails the test file if the extension made a network request of its own (see launchTestBrowser). */
  close(): Promise<void> {
    return this.browser.close();
  }

  private hostPage(): Promise<Page> {
    this.host ??= (async () => {
      const page = await this.browser.context.newPage();
      await page.goto(this.browser.extensionUrl(HOST_PAGE));
      return page;
    })();
    return this.host;
  }
}

/** Chromium with the built extension, with its own options (tests of Chromium alone). */
export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumHarness> {
  return new ChromiumHarness(await launchTestBrowser(options));
}

/** Chromium for a scenario both browsers run. */
export function launchChromiumFor(options: HarnessOptions): Promise<ChromiumHarness> {
  return launchChromium({
    hostResolverRules: options.hosts.map((host) => `MAP ${host} 127.0.0.1`).join(','),
    allowThirdPartyCookies: options.allowThirdPartyCookies ?? false,
    ignoreCertificateErrors: options.acceptInsecureCerts ?? false,
  });
}
