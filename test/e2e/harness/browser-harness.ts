import type { BrowserCookie, RequestKind, RequestOf, ResponseOf } from '../../../src/shared/protocol';

/**
 * What an end-to-end scenario does in either browser, behind one interface, so that a scenario both
 * browsers share is written once (`describe.each(HARNESSES)`, harnesses.ts) and a test of one browser
 * still reads like the others.
 *
 * Why two drivers.
 * - Firefox: Playwright's `firefox` drives only the patched Firefox (Juggler protocol) it downloads,
 *   not Debian's stock Firefox ESR, and the project downloads no browser; its experimental WebDriver
 *   BiDi mode (the undocumented `moz-firefox` channels) has no way to install an add-on. puppeteer-core
 *   drives stock Firefox ESR over WebDriver BiDi and installs a temporary add-on
 *   (`webExtension.install`), so Firefox runs on Puppeteer (firefox-harness.ts).
 * - Chromium: Playwright, because the launcher is product code: `src/node/chromium.ts` (a persistent
 *   context with the unpacked `dist/` loaded, waiting for the service worker's listeners) is what
 *   `cookie-inspector scan` and `npm start` run, and the tests launch through it to see the browser as
 *   they do. Playwright also exposes the extension's service worker (`Worker.evaluate`) and CDP
 *   sessions, which the Chromium-only tests use (worker restart, the real toolbar popup, the DevTools
 *   window) (chromium-harness.ts).
 * - Puppeteer can load an unpacked extension into Chromium too, so one driver is possible; it would
 *   mean moving `scan` off Playwright or testing a launcher the product does not use. Puppeteer's
 *   version must also follow the Firefox ESR CI installs (see /work/shared/notes/chromium.md), which
 *   the shipped scanner should not have to.
 *
 * The interface holds what both browsers' tests do. Each implementation also exposes its driver
 * (`ChromiumHarness.browser`, `FirefoxHarness.browser`) for tests of that browser alone.
 */

export type BrowserName = 'chromium' | 'firefox';

/** What a scenario asks of the browser it runs in, the same for both. */
export interface HarnessOptions {
  /** Host names the test's local server answers for; inside the browser they resolve to 127.0.0.1. */
  hosts: readonly string[];
  /** Let third-party frames use their unpartitioned cookies, as a person who allowed them has it. */
  allowThirdPartyCookies?: boolean;
  /** Trust the test server's self-signed certificate. */
  acceptInsecureCerts?: boolean;
}

/** A function to run inside the browser: it is serialised, so it may use only its argument. */
export type InBrowser<R, A> = (arg: A) => R | Promise<R>;

/** What can be read of a page or of a frame in it. Nothing waits: null means "not there (yet)". */
export interface PageContent {
  /** The trimmed text of the first element `selector` matches, or null. */
  text(selector: string): Promise<string | null>;
  /** The trimmed texts of every element `selector` matches, in document order. */
  texts(selector: string): Promise<string[]>;
  /** An attribute of the first element `selector` matches, or null. */
  attribute(selector: string, name: string): Promise<string | null>;
}

export interface HarnessPage extends PageContent {
  url(): string;
  /** Reloads and waits for the load event. */
  reload(): Promise<void>;
  /** Clicks the element `selector` matches once there is one; a selector that matches several fails. */
  click(selector: string): Promise<void>;
  /** Waits until an element matches `selector`. */
  waitFor(selector: string): Promise<void>;
  /** Polls `predicate` in the page until it returns true. */
  waitUntil<A>(predicate: InBrowser<boolean, A>, arg: A): Promise<void>;
  evaluate<R, A>(fn: InBrowser<R, A>, arg: A): Promise<R>;
  /** The content of the iframe `selector` matches, looked up again on every read. */
  frame(selector: string): PageContent;
  screenshot(path: string, clip: { x: number; y: number; width: number; height: number }): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserHarness {
  readonly name: BrowserName;
  /** Opens `url` in a new tab and waits for it to load. */
  openTab(url: string): Promise<HarnessPage>;
  /** Opens a page of the extension in a new tab: `path` from the build's root, query included. */
  openExtensionPage(path: string): Promise<HarnessPage>;
  /**
   * Runs `fn` where the extension's APIs are (Chromium: its service worker; Firefox: one of its
   * pages). In it, `(globalThis as { browser?: typeof chrome }).browser ?? chrome` is the API.
   */
  inExtension<R, A>(fn: InBrowser<R, A>, arg: A): Promise<R>;
  /** Every cookie of every cookie store, partitioned ones included, as the cookies API has them. */
  cookies(): Promise<BrowserCookie[]>;
  /** Asks the worker through the typed protocol from a page of the extension, as the popup does. */
  request<K extends RequestKind>(kind: K, payload: RequestOf<K>): Promise<ResponseOf<K>>;
  /** The id of the tab showing `url`; the newest one if several do. */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

/** The popup of a tab, opened as a page of the extension. */
export function popupPath(tabId: number): string {
  return `src/popup/index.html?tabId=${tabId}`;
}
