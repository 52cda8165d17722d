import type { Page } from 'playwright-core';
import type { TabView } from '../shared/protocol';
import { launchWithExtension } from './chromium';
import { findExtensionDist } from './extension-dist';
import { ScanInterruptedError, ScanSetupError } from './scan-errors';
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
  /** Stops the scan: the browser of the page being loaded is closed, its profile removed. */
  signal?: AbortSignal;
  /** Told once when Chromium's sandbox cannot run here and pages are loaded without it. */
  onSandboxFallback?: (reason: string) => void;
}

export type ScanErrorKind = 'invalid-url' | 'unreachable' | 'tls' | 'timeout' | 'failed';

export type ScanResult =
  | { url: string; ok: true; finalUrl: string; status: number | null; view: TabView }
  | { url: string; ok: false; kind: ScanErrorKind; error: string };

type Loaded = Omit<Extract<ScanResult, { ok: true }>, 'url' | 'ok'>;

/** One browser, for one page. */
export interface ScanSession {
  /** Loads the page and waits until its cookies settle. */
  scan(url: string): Promise<Loaded>;
  /** Closes the browser and removes its profile; a page still loading then fails. */
  close(): Promise<void>;
}

export type OpenSession = (options: ScanOptions & { extensionPath: string }) => Promise<ScanSession>;

/**
 * Scans each URL in a browser of its own, with a fresh profile: a first visit means no cookies,
 * storage, cache or service workers left by an earlier page. A page that fails is reported as such
 * and the next one is scanned. Throws ScanSetupError when the first browser cannot start (nothing
 * could be scanned) and ScanInterruptedError, with the pages done so far, when `signal` fires.
 */
export async function scanUrls(
  urls: readonly string[],
  options: ScanOptions,
  onResult: (result: ScanResult) => void = () => undefined,
  openSession: OpenSession = openBrowserSession,
): Promise<ScanResult[]> {
  const results: ScanResult[] = [];
  const { signal } = options;
  let extensionPath = options.extensionPath;
  let started = false;

  const scanOne = async (url: string): Promise<ScanResult> => {
    const invalid = checkUrl(url);
    if (invalid) return { url, ok: false, kind: 'invalid-url', error: invalid };
    if (!extensionPath) {
      try {
        extensionPath = findExtensionDist();
      } catch (error) {
        throw new ScanSetupError(errorText(error));
      }
    }
    let session: ScanSession;
    try {
      session = await openSession({ ...options, extensionPath });
    } catch (error) {
      // The first browser failing means none will start here; a later one is this page's failure.
      if (!started) throw new ScanSetupError(errorText(error));
      return { url, ok: false, kind: 'failed', error: `Chromium did not start for this page: ${firstLine(error)}` };
    }
    started = true;
    let closing: Promise<void> | null = null;
    const close = () => {
      closing ??= session.close();
      return closing;
    };
    const stop = () => void close();
    signal?.addEventListener('abort', stop);
    try {
      if (signal?.aborted) throw new ScanInterruptedError(results);
      const loaded = await session.scan(url);
      return { url, ok: true, ...loaded };
    } catch (error) {
      if (signal?.aborted) throw new ScanInterruptedError(results);
      return { url, ok: false, ...describeLoadError(error, options) };
    } finally {
      signal?.removeEventListener('abort', stop);
      await close();
    }
  };

  for (const url of urls) {
    if (signal?.aborted) throw new ScanInterruptedError(results);
    const result = await scanOne(url);
    results.push(result);
    onResult(result);
  }
  return results;
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
    async scan(url) {
      const deadline = Date.now() + options.timeoutMs;
      const page = await browser.context.newPage();
      const response = await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
      const status = response?.status() ?? null;
      const tabId = await tabOf(client, page, deadline);
      const view = await settle(client, tabId, options);
      return { finalUrl: page.url(), status, view };
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
