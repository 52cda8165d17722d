import type { Page } from 'playwright-core';
import type { TabView } from '../shared/protocol';
import { launchWithExtension } from './chromium';
import { attachConsentDriver } from './consent-driver';
import { findExtensionDist } from './extension-dist';
import { ScanInterruptedError, ScanSetupError } from './scan-errors';
import type { PageScan, ScanErrorKind, ScanResult, StateScan } from './scan-result';
import type { AuditState } from './scan-states';
import { openWorkerClient, type WorkerClient } from './worker-client';

/**
 * `cookie-inspector scan`: load pages in headless Chromium with the built extension, as a first
 * visit each, and read back what the extension's worker labelled for each page's tab. The labels
 * are the popup's, because they come from the same worker through the same protocol.
 */

export interface ScanOptions {
  /** The built extension; found next to the package by default. */
  extensionPath?: string;
  /** After the page has loaded, it is done once its cookies have not changed for this many milliseconds. */
  waitMs: number;
  /** Milliseconds a page may take to load. */
  timeoutMs: number;
  /** Accept self-signed or otherwise invalid certificates. */
  insecure: boolean;
  /** Chromium `--host-resolver-rules`, for example `MAP *.test 127.0.0.1`. */
  hostResolverRules?: string;
  /** Stops the scan: the browsers of the pages being loaded are closed, their profiles removed. */
  signal?: AbortSignal;
  /** Told once when Chromium's sandbox cannot run here and pages are loaded without it. */
  onSandboxFallback?: (reason: string) => void;
  /**
   * The consent audit: each URL is loaded once per state, each time in a fresh profile. Without
   * it, each URL is loaded once and nothing is answered (as `none`).
   */
  states?: readonly AuditState[];
  /** How long to look for a consent banner to answer after the page loaded (default 10000). */
  bannerWaitMs?: number;
  /** How many URLs are scanned at once, each in browsers of its own (default 1). */
  jobs?: number;
}

export type { PageScan, ScanErrorKind, ScanResult, StateScan } from './scan-result';
export { AUDIT_STATES, type AuditState } from './scan-states';

/** One browser, for one page. */
export interface ScanSession {
  /** Loads the page, answers its banner for `state` (`none` when absent), and waits until its cookies settle. */
  scan(url: string, state?: AuditState): Promise<PageScan>;
  /** Closes the browser and removes its profile; a page still loading then fails. */
  close(): Promise<void>;
}

export type OpenSession = (options: ScanOptions & { extensionPath: string }) => Promise<ScanSession>;

const DEFAULT_BANNER_WAIT_MS = 10_000;

/**
 * Scans each URL in browsers of its own, each with a fresh profile (one per consent state): a
 * first visit means no cookies, storage, cache or service workers left by an earlier page. Up to
 * `jobs` URLs are scanned at once; `onResult` hears of each as it finishes, and the results come
 * back in the order of `urls`. A page that fails is reported as such and the others are scanned.
 * Throws ScanSetupError when the first browser cannot start (nothing could be scanned) and
 * ScanInterruptedError, with the pages done so far, when `signal` fires.
 */
export async function scanUrls(
  urls: readonly string[],
  options: ScanOptions,
  onResult: (result: ScanResult) => void = () => undefined,
  openSession: OpenSession = openBrowserSession,
): Promise<ScanResult[]> {
  const results: Array<ScanResult | undefined> = new Array(urls.length);
  // Stops the other workers too when the first browser cannot start.
  const inner = new AbortController();
  const outer = options.signal;
  const forward = () => inner.abort();
  outer?.addEventListener('abort', forward);
  if (outer?.aborted) inner.abort();
  const signal = inner.signal;
  let setupError: ScanSetupError | null = null;
  let extensionPath = options.extensionPath;
  let started = false;

  const setupFailed = (error: unknown) => {
    setupError ??= new ScanSetupError(errorText(error));
    inner.abort();
  };

  /** One load in a browser of its own; null when the scan stops meanwhile. */
  const scanState = async (
    url: string,
    state: AuditState | undefined,
  ): Promise<PageScan | { kind: ScanErrorKind; error: string } | null> => {
    if (!extensionPath) {
      try {
        extensionPath = findExtensionDist();
      } catch (error) {
        setupFailed(error);
        return null;
      }
    }
    let session: ScanSession;
    try {
      session = await openSession({ ...options, extensionPath, signal });
    } catch (error) {
      // The first browser failing means none will start here; a later one is this page's failure.
      if (!started) {
        setupFailed(error);
        return null;
      }
      return { kind: 'failed', error: `Chromium did not start for this page: ${firstLine(error)}` };
    }
    started = true;
    let closing: Promise<void> | null = null;
    const close = () => {
      closing ??= session.close();
      return closing;
    };
    const stop = () => void close();
    signal.addEventListener('abort', stop);
    try {
      if (signal.aborted) return null;
      return await (state === undefined ? session.scan(url) : session.scan(url, state));
    } catch (error) {
      if (signal.aborted) return null;
      return describeLoadError(error, options);
    } finally {
      signal.removeEventListener('abort', stop);
      await close();
    }
  };

  const scanOne = async (url: string): Promise<ScanResult | null> => {
    const invalid = checkUrl(url);
    if (invalid) return { url, ok: false, kind: 'invalid-url', error: invalid };
    if (!options.states) {
      const scanned = await scanState(url, undefined);
      if (scanned === null) return null;
      return 'view' in scanned ? { url, ok: true, ...scanned } : { url, ok: false, ...scanned };
    }
    const states: StateScan[] = [];
    for (const state of options.states) {
      const scanned = await scanState(url, state);
      if (scanned === null) return null;
      if (!('view' in scanned)) return { url, ok: false, kind: scanned.kind, error: `${state}: ${scanned.error}` };
      states.push({ state, ...scanned });
    }
    const [first] = states;
    return { url, ok: true, finalUrl: first.finalUrl, status: first.status, view: first.view, states };
  };

  let next = 0;
  const worker = async () => {
    while (!signal.aborted) {
      const i = next++;
      if (i >= urls.length) return;
      const result = await scanOne(urls[i]);
      if (result === null) return;
      results[i] = result;
      onResult(result);
    }
  };
  const jobs = Math.max(1, Math.min(options.jobs ?? 1, urls.length));
  try {
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    outer?.removeEventListener('abort', forward);
  }
  if (setupError) throw setupError;
  const done = results.filter((r): r is ScanResult => r !== undefined);
  if (signal.aborted) throw new ScanInterruptedError(done);
  return done;
}

async function openBrowserSession(options: ScanOptions & { extensionPath: string }): Promise<ScanSession> {
  const browser = await launchWithExtension({
    extensionPath: options.extensionPath,
    headless: true,
    hostResolverRules: options.hostResolverRules,
    // A site owner audits what most visitors' browsers accept, embedded widgets' cookies included.
    allowThirdPartyCookies: true,
    ignoreCertificateErrors: options.insecure,
    onSandboxFallback: options.onSandboxFallback,
    // scan stops between pages on Ctrl-C and reports what it has; Playwright would exit at once.
    handleSignals: false,
  });
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= browser.close();
    return closing;
  };
  let client: WorkerClient;
  try {
    client = await openWorkerClient(browser);
  } catch (error) {
    await close();
    throw error;
  }
  return {
    async scan(url, state = 'none') {
      const deadline = Date.now() + options.timeoutMs;
      const page = await browser.context.newPage();
      const driver = state === 'none' ? null : await attachConsentDriver(page, state);
      const response = await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
      const status = response?.status() ?? null;
      const tabId = await tabOf(client, page, deadline);
      const banner = driver ? await driver.outcome(options.bannerWaitMs ?? DEFAULT_BANNER_WAIT_MS) : undefined;
      const view = await settle(client, tabId, options);
      return { finalUrl: page.url(), status, view, ...(banner ? { banner } : {}) };
    },
    close,
  };
}

/**
 * The page's tab, found by its address. A page that moves on by itself after loading (a script
 * or a meta refresh sending it elsewhere) changes that address under us: ask again until it holds.
 */
async function tabOf(client: WorkerClient, page: Page, deadline: number): Promise<number> {
  for (;;) {
    try {
      return await client.tabIdOf(page);
    } catch (error) {
      if (Date.now() >= deadline || page.isClosed()) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(error: unknown): string {
  return errorText(error).split('\n')[0];
}

/**
 * Pages keep setting cookies after `load` (tag managers, widgets, timers): watch the tab until
 * `waitMs` pass without any change to its cookies, but no longer than `timeoutMs`.
 */
async function settle(client: WorkerClient, tabId: number, options: ScanOptions): Promise<TabView> {
  const deadline = Date.now() + options.timeoutMs;
  let view = await client.waitForView(tabId, (v) => v.status === 'ok', options.timeoutMs);
  let signature = cookieSignature(view);
  let quietSince = Date.now();
  while (Date.now() - quietSince < options.waitMs && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS, options.waitMs)));
    view = await client.request('getTabView', { tabId });
    const next = cookieSignature(view);
    if (next !== signature) {
      signature = next;
      quietSince = Date.now();
    }
  }
  return view;
}

const POLL_MS = 150;

function cookieSignature(view: TabView): string {
  return view.cookies
    .map((r) => `${r.key}=${r.cookie.value}`)
    .sort()
    .join('\n');
}

function checkUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL (write it with its scheme, for example https://example.com/)`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return `only http and https pages can be scanned, not ${parsed.protocol}`;
  }
  return null;
}

/** A person's reading of the error Playwright reports for a failed navigation. */
export function describeLoadError(
  error: unknown,
  options: Pick<ScanOptions, 'timeoutMs' | 'insecure'>,
): { kind: ScanErrorKind; error: string } {
  const message = error instanceof Error ? error.message : String(error);
  const code = /net::(ERR_[A-Z0-9_]+)/.exec(message)?.[1];
  if ((error instanceof Error && error.name === 'TimeoutError') || code === 'ERR_TIMED_OUT') {
    return { kind: 'timeout', error: `the page did not finish loading within ${options.timeoutMs} ms` };
  }
  if (code && /^ERR_(CERT_|SSL_|BAD_SSL|CERTIFICATE)/.test(code)) {
    return {
      kind: 'tls',
      error: `TLS error (${code}): the site's certificate is not trusted${
        options.insecure ? '' : '; for a self-signed test host, add --insecure'
      }`,
    };
  }
  if (code === 'ERR_NAME_NOT_RESOLVED' || code === 'ERR_NAME_RESOLUTION_FAILED') {
    return { kind: 'unreachable', error: `the host name could not be resolved (${code})` };
  }
  if (code && /^ERR_(CONNECTION_|ADDRESS_|INTERNET_DISCONNECTED|NETWORK_|PROXY_|TUNNEL_)/.test(code)) {
    return { kind: 'unreachable', error: `the site could not be reached (${code})` };
  }
  return { kind: 'failed', error: code ? `the page could not be loaded (${code})` : firstLine(error) };
}
