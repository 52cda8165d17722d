import { describe, expect, it } from 'vitest';
import type { TabView } from '../shared/protocol';
import { type OpenSession, type ScanResult, scanUrls } from './scan';
import { ScanInterruptedError, ScanSetupError } from './scan-errors';

const OPTIONS = { waitMs: 0, timeoutMs: 1000, insecure: false };

function view(url: string): TabView {
  return {
    tabId: 1,
    url,
    site: new URL(url).hostname,
    status: 'ok',
    cookies: [],
    siteSettings: null,
    includeUnknown: false,
  } as TabView;
}

interface FakeBrowsers {
  log: string[];
  open: OpenSession;
}

/**
 * Browsers that record what happens to them. `page(url)` says how loading a URL goes: a final URL,
 * an error, or a promise of either; `start(n)` may make the n-th browser fail to start.
 */
function fakeBrowsers(
  page: (url: string, closed: Promise<void>) => string | Error | Promise<string> = (url) => url,
  start: (n: number) => Error | null = () => null,
): FakeBrowsers {
  const log: string[] = [];
  let count = 0;
  const open: OpenSession = async () => {
    const n = ++count;
    log.push(`open ${n}`);
    const failure = start(n);
    if (failure) throw failure;
    let markClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => {
      markClosed = resolve;
    });
    return {
      async scan(url, state) {
        log.push(`scan ${n} ${url}${state ? ` ${state}` : ''}`);
        const outcome = await page(url, closed);
        if (outcome instanceof Error) throw outcome;
        return {
          finalUrl: outcome,
          status: 200,
          view: view(outcome),
          ...(state && state !== 'none' ? { banner: { status: 'answered' as const, cmp: 'fake' } } : {}),
        };
      },
      async close() {
        log.push(`close ${n}`);
        markClosed();
      },
    };
  };
  return { log, open };
}

const summary = (results: ScanResult[]) =>
  results.map((r) => (r.ok ? `ok ${r.url}` : `${r.kind} ${r.url}: ${r.error}`));

describe('scanUrls', () => {
  it('loads every URL in a browser of its own, closed before the next one starts', async () => {
    const browsers = fakeBrowsers();
    const results = await scanUrls(['https://a.test/', 'https://b.test/'], OPTIONS, undefined, browsers.open);
    expect(summary(results)).toEqual(['ok https://a.test/', 'ok https://b.test/']);
    expect(browsers.log).toEqual([
      'open 1',
      'scan 1 https://a.test/',
      'close 1',
      'open 2',
      'scan 2 https://b.test/',
      'close 2',
    ]);
  });

  it('reports a page that fails after it loaded, closes its browser, and goes on with the next', async () => {
    const browsers = fakeBrowsers((url) =>
      url === 'https://away.test/'
        ? new Error('No tab shows https://away.test/\n    at tabIdOf (worker-client.ts:1)')
        : url,
    );
    const seen: string[] = [];
    const results = await scanUrls(
      ['https://a.test/', 'https://away.test/', 'https://b.test/'],
      OPTIONS,
      (r) => seen.push(r.url),
      browsers.open,
    );
    expect(summary(results)).toEqual([
      'ok https://a.test/',
      'failed https://away.test/: No tab shows https://away.test/',
      'ok https://b.test/',
    ]);
    expect(seen).toEqual(['https://a.test/', 'https://away.test/', 'https://b.test/']);
    expect(browsers.log.filter((l) => l.startsWith('close'))).toEqual(['close 1', 'close 2', 'close 3']);
  });

  it('starts no browser for a URL that is no http or https URL', async () => {
    const browsers = fakeBrowsers();
    const results = await scanUrls(['not a url', 'file:///etc/passwd'], OPTIONS, undefined, browsers.open);
    expect(results.map((r) => !r.ok && r.kind)).toEqual(['invalid-url', 'invalid-url']);
    expect(browsers.log).toEqual([]);
  });

  it('stops before any page when Chromium cannot start at all', async () => {
    const browsers = fakeBrowsers(undefined, () => new Error('Chromium exited: libnss3.so missing'));
    const run = scanUrls(['https://a.test/', 'https://b.test/'], OPTIONS, undefined, browsers.open);
    await expect(run).rejects.toBeInstanceOf(ScanSetupError);
    await expect(run).rejects.toThrow(/libnss3\.so missing/);
    expect(browsers.log).toEqual(['open 1']);
  });

  it('reports a page whose browser did not start once others have, and goes on', async () => {
    const browsers = fakeBrowsers(undefined, (n) => (n === 2 ? new Error('out of memory') : null));
    const results = await scanUrls(
      ['https://a.test/', 'https://b.test/', 'https://c.test/'],
      OPTIONS,
      undefined,
      browsers.open,
    );
    expect(summary(results)).toEqual([
      'ok https://a.test/',
      'failed https://b.test/: Chromium did not start for this page: out of memory',
      'ok https://c.test/',
    ]);
  });

  it('on a stop signal closes the browser of the page being loaded and starts no other', async () => {
    const controller = new AbortController();
    const browsers = fakeBrowsers(async (url, closed) => {
      if (url !== 'https://slow.test/') return url;
      controller.abort();
      // A page load ends when its browser is closed under it.
      await closed;
      throw new Error('page.goto: Target page, context or browser has been closed');
    });
    const run = scanUrls(
      ['https://a.test/', 'https://slow.test/', 'https://never.test/'],
      { ...OPTIONS, signal: controller.signal },
      undefined,
      browsers.open,
    );
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanInterruptedError);
    expect(summary((error as ScanInterruptedError).results)).toEqual(['ok https://a.test/']);
    expect(browsers.log).toEqual([
      'open 1',
      'scan 1 https://a.test/',
      'close 1',
      'open 2',
      'scan 2 https://slow.test/',
      'close 2',
    ]);
  });

  it('closes a browser that finished starting after the stop signal', async () => {
    const controller = new AbortController();
    const inner = fakeBrowsers();
    const open: OpenSession = async (options) => {
      const session = await inner.open(options);
      controller.abort();
      return session;
    };
    const error = await scanUrls(['https://a.test/'], { ...OPTIONS, signal: controller.signal }, undefined, open).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ScanInterruptedError);
    expect(inner.log).toEqual(['open 1', 'close 1']);
  });

  it('loads a URL once per consent state, each in a fresh browser, and fails the URL naming the state that failed', async () => {
    const browsers = fakeBrowsers((url) => url);
    const results = await scanUrls(
      ['https://a.test/'],
      { ...OPTIONS, states: ['none', 'reject', 'accept'] },
      undefined,
      browsers.open,
    );
    expect(browsers.log).toEqual([
      'open 1',
      'scan 1 https://a.test/ none',
      'close 1',
      'open 2',
      'scan 2 https://a.test/ reject',
      'close 2',
      'open 3',
      'scan 3 https://a.test/ accept',
      'close 3',
    ]);
    const [result] = results;
    expect(result.ok && result.states?.map((s) => [s.state, s.banner?.status ?? null])).toEqual([
      ['none', null],
      ['reject', 'answered'],
      ['accept', 'answered'],
    ]);

    let loads = 0;
    const flaky = fakeBrowsers((url) => (++loads === 2 ? new Error('page.goto: net::ERR_CONNECTION_RESET') : url));
    const [failed] = await scanUrls(
      ['https://a.test/'],
      { ...OPTIONS, states: ['none', 'reject'] },
      undefined,
      flaky.open,
    );
    expect(summary([failed])).toEqual([
      'unreachable https://a.test/: reject: the site could not be reached (ERR_CONNECTION_RESET)',
    ]);
  });

  it('with jobs, scans that many URLs at once, tells of each as it finishes, and returns them in list order', async () => {
    const gates = new Map<string, () => void>();
    const running: string[] = [];
    let most = 0;
    const browsers = fakeBrowsers(async (url) => {
      running.push(url);
      most = Math.max(most, running.length);
      // a.test finishes last: it waits until every other page has started.
      if (url === 'https://a.test/') await new Promise<void>((resolve) => gates.set(url, resolve));
      running.splice(running.indexOf(url), 1);
      if (url === 'https://d.test/') gates.get('https://a.test/')?.();
      return url;
    });
    const heard: string[] = [];
    const urls = ['https://a.test/', 'https://b.test/', 'https://c.test/', 'https://d.test/'];
    const results = await scanUrls(urls, { ...OPTIONS, jobs: 2 }, (r) => heard.push(r.url), browsers.open);
    expect(most).toBe(2);
    expect(heard).toEqual(['https://b.test/', 'https://c.test/', 'https://d.test/', 'https://a.test/']);
    expect(results.map((r) => r.url)).toEqual(urls);
  });

  it('with jobs, stops every worker when the first browser cannot start', async () => {
    const browsers = fakeBrowsers(undefined, () => new Error('Chromium not found'));
    const error = await scanUrls(
      ['https://a.test/', 'https://b.test/', 'https://c.test/'],
      { ...OPTIONS, jobs: 3 },
      undefined,
      browsers.open,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanSetupError);
    expect(browsers.log.filter((l) => l.startsWith('scan'))).toEqual([]);
  });
});
