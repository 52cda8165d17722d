import type { TabView } from '../shared/protocol';
import { launchWithExtension } from './chromium';
import { findExtensionDist } from './extension-dist';
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
}

export type ScanErrorKind = 'invalid-url' | 'unreachable' | 'tls' | 'timeout' | 'failed';

export type ScanResult =
  | { url: string; ok: true; finalUrl: string; status: number | null; view: TabView }
  | { url: string; ok: false; kind: ScanErrorKind; error: string };

export async function scanUrls(
  urls: readonly string[],
  options: ScanOptions,
  onResult: (result: ScanResult) => void = () => undefined,
): Promise<ScanResult[]> {
  const browser = await launchWithExtension({
    extensionPath: options.extensionPath ?? findExtensionDist(),
    headless: true,
    hostResolverRules: options.hostResolverRules,
    // A site owner audits what most visitors' browsers accept, embedded widgets' cookies included.
    allowThirdPartyCookies: true,
    ignoreCertificateErrors: options.insecure,
  });
  const results: ScanResult[] = [];
  try {
    const client = await openWorkerClient(browser);
    const scanOne = async (url: string): Promise<ScanResult> => {
      const invalid = checkUrl(url);
      if (invalid) return { url, ok: false, kind: 'invalid-url', error: invalid };
      // Every URL is a first visit: what an earlier page left behind is not this page's doing.
      await browser.context.clearCookies();
      const page = await browser.context.newPage();
      try {
        let status: number | null = null;
        try {
          const response = await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
          status = response?.status() ?? null;
        } catch (error) {
          return { url, ok: false, ...describeLoadError(error, options) };
        }
        const tabId = await client.tabIdOf(page);
        const view = await settle(client, tabId, options);
        return { url, ok: true, finalUrl: page.url(), status, view };
      } finally {
        await page.close().catch(() => undefined);
      }
    };
    for (const url of urls) {
      const result = await scanOne(url);
      results.push(result);
      onResult(result);
    }
    await client.close();
  } finally {
    await browser.close();
  }
  return results;
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
  const firstLine = message.split('\n')[0];
  return { kind: 'failed', error: code ? `the page could not be loaded (${code})` : firstLine };
}
