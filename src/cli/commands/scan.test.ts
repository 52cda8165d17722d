import { describe, expect, it } from 'vitest';
import type { ScanOptions, ScanResult, StateScan } from '../../node/scan';
import { describeLoadError } from '../../node/scan';
import { ScanInterruptedError, ScanSetupError } from '../../node/scan-errors';
import type { CookieRecord, TabView } from '../../shared/protocol';
import { main } from '../main';
import { run, type ScanDeps } from './scan';

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (text: string) => {
        out.stdout += text;
      },
      stderr: (text: string) => {
        out.stderr += text;
      },
      readInput: () => Promise.reject(new Error('no input')),
      isTTY: false,
    },
  };
}

function tracked(name: string): CookieRecord {
  return {
    key: `${name};a.test;/`,
    cookie: {
      name,
      domain: '.a.test',
      path: '/',
      value: 'v',
      hostOnly: false,
      secure: true,
      httpOnly: false,
      sameSite: 'lax',
      session: true,
      storeId: '0',
    },
    label: {
      category: 'marketing',
      ifDeleted: 'nothing',
      vendor: 'Acme Ads',
      purpose: null,
      entryId: null,
      ifDeletedReason: 'test',
      party: 'first',
      source: 'exact',
      confidence: 1,
      reason: 'test',
      lifetime: { kind: 'session' },
    },
  } as unknown as CookieRecord;
}

function loaded(url: string, cookies: CookieRecord[] = []): ScanResult {
  const view = {
    tabId: 1,
    url,
    site: new URL(url).hostname,
    status: 'ok',
    cookies,
    siteSettings: null,
    includeUnknown: false,
  } as TabView;
  return { url, ok: true, finalUrl: url, status: 200, view };
}

const FAILED: ScanResult = {
  url: 'https://away.test/',
  ok: false,
  kind: 'failed',
  error: 'No tab shows https://away.test/',
};

/** A scan that returns `results` (or throws `error`) and records the options it was given. */
function fakeScan(results: ScanResult[], error?: (done: ScanResult[]) => Error) {
  const calls: ScanOptions[] = [];
  let stopper: ((signal: NodeJS.Signals) => void) | null = null;
  const deps: ScanDeps = {
    async scanUrls(_urls, options, onResult = () => undefined) {
      calls.push(options);
      options.onSandboxFallback?.('Chromium runs as root, where its sandbox is not supported');
      for (const r of results) onResult(r);
      if (error) throw error(results);
      return results;
    },
    onStopSignal(stop) {
      stopper = stop;
      return () => {
        stopper = null;
      };
    },
  };
  return { deps, calls, stopper: () => stopper };
}

describe('cookie-inspector scan arguments', () => {
  it.each([
    [['scan'], 'give at least one URL'],
    [['scan', 'https://a.test/', '--fail-on', 'tasty'], '--fail-on needs categories'],
    [['scan', 'https://a.test/', '--json', '--markdown'], 'choose one of --json, --jsonl or --markdown'],
    [['scan', 'https://a.test/', '--wait', 'soon'], '--wait takes a whole number of milliseconds'],
    [['scan', 'https://a.test/', '--wait='], '--wait takes a whole number of milliseconds'],
    [['scan', 'https://a.test/', '--wait', '1.5'], '--wait takes a whole number of milliseconds'],
    [['scan', 'https://a.test/', '--wait', '99999999999'], '--wait takes a whole number of milliseconds'],
    [['scan', 'https://a.test/', '--timeout', '0'], '--timeout takes a whole number of milliseconds from 1'],
    [['scan', 'https://a.test/', '--timeout', '-5'], '--timeout takes a whole number of milliseconds from 1'],
    [['scan', 'https://a.test/', '--timeout', '10', '--timeout', '20'], '--timeout is given more than once'],
    [['scan', 'https://a.test/', '--resolve', 'a.test'], '--resolve takes HOST=IP'],
    [['scan', 'https://a.test/', '--fail-on', 'violations'], '--fail-on violations needs --consent'],
    [['scan', 'https://a.test/', '--consent', 'maybe'], '--consent needs states: none, reject, accept, all'],
    [['scan', 'https://a.test/', '--jobs', '0'], '--jobs takes a whole number from 1 to 32'],
    [['scan', 'https://a.test/', '--shard', '3/2'], '--shard takes I/N'],
    [['scan', 'https://a.test/', '--resume', 'out.jsonl'], '--resume reads and continues JSON lines'],
    [['scan', 'https://a.test/', '--jsonl', '--markdown'], 'choose one of --json, --jsonl or --markdown'],
  ])('%j is a usage error before any browser starts', async (argv, message) => {
    const { io: cli, out } = io();
    expect(await main(argv, cli)).toBe(2);
    expect(out.stderr).toContain(message);
  });

  it('prints its help, with every exit status', async () => {
    const { io: cli, out } = io();
    expect(await main(['scan', '--help'], cli)).toBe(0);
    expect(out.stdout).toContain('--fail-on CATEGORY...');
    for (const status of ['0 ', '1 ', '2 ', '3 ', '4 ', '5 ', '130 ']) expect(out.stdout).toContain(`  ${status}`);
  });

  it('passes repeated --resolve rules and a URL after -- on to the scan', async () => {
    const scan = fakeScan([loaded('https://a.test/')]);
    const { io: cli } = io();
    await run(
      ['--resolve', 'a.test=127.0.0.1', '--resolve', 'b.test=127.0.0.2', '--', 'https://a.test/'],
      cli,
      scan.deps,
    );
    expect(scan.calls[0].hostResolverRules).toBe('MAP a.test 127.0.0.1, MAP b.test 127.0.0.2');
  });
});

describe('cookie-inspector scan results and exit statuses', () => {
  it('exits 0 when every page was scanned and nothing matched --fail-on', async () => {
    const { io: cli } = io();
    expect(await run(['https://a.test/'], cli, fakeScan([loaded('https://a.test/')]).deps)).toBe(0);
  });

  it('exits 1 when a --fail-on category was set', async () => {
    const { io: cli, out } = io();
    const scan = fakeScan([loaded('https://a.test/', [tracked('_ad')])]);
    expect(await run(['https://a.test/', '--fail-on', 'marketing'], cli, scan.deps)).toBe(1);
    expect(out.stderr).toContain('--fail-on: _ad (marketing) on https://a.test/');
  });

  it('reports a page that failed in the table and on stderr, reports the others, and exits 3', async () => {
    const { io: cli, out } = io();
    const scan = fakeScan([loaded('https://a.test/'), FAILED, loaded('https://b.test/')]);
    expect(await run(['https://a.test/', FAILED.url, 'https://b.test/'], cli, scan.deps)).toBe(3);
    expect(out.stdout).toMatch(/https:\/\/away\.test\/ \(not scanned\)\n {2}No tab shows https:\/\/away\.test\//);
    expect(out.stdout.indexOf('a.test')).toBeLessThan(out.stdout.indexOf('away.test'));
    expect(out.stdout.indexOf('away.test')).toBeLessThan(out.stdout.indexOf('b.test'));
    expect(out.stderr).toContain('cookie-inspector scan: https://away.test/: No tab shows https://away.test/');
    expect(out.stderr).not.toMatch(/^\s+at /m);
  });

  it('lists a page that failed in the JSON report', async () => {
    const { io: cli, out } = io();
    const scan = fakeScan([FAILED, loaded('https://b.test/')]);
    expect(await run([FAILED.url, 'https://b.test/', '--json'], cli, scan.deps)).toBe(3);
    const report = JSON.parse(out.stdout);
    expect(report.results[0]).toEqual({ url: FAILED.url, error: { kind: 'failed', message: FAILED.error } });
    expect(report.results[1].url).toBe('https://b.test/');
  });

  it('exits 4 with one line when Chromium cannot be found or started', async () => {
    const { io: cli, out } = io();
    const scan = fakeScan([], () => new ScanSetupError('No Chromium found. Install it.'));
    expect(await run(['https://a.test/'], cli, scan.deps)).toBe(4);
    expect(out.stderr).toMatch(/^cookie-inspector scan: No Chromium found\. Install it\.$/m);
    expect(out.stderr).not.toMatch(/^\s+at /m);
  });

  it('says once on stderr that pages are loaded without the sandbox', async () => {
    const { io: cli, out } = io();
    await run(['https://a.test/'], cli, fakeScan([loaded('https://a.test/')]).deps);
    expect(out.stderr.match(/without Chromium's sandbox/g)).toHaveLength(1);
    expect(out.stderr).toContain('runs as root');
  });

  it('on Ctrl-C prints what was scanned, says it was interrupted, and exits 130', async () => {
    const { io: cli, out } = io();
    const scan = fakeScan([loaded('https://a.test/')], (done) => new ScanInterruptedError(done));
    const stopped = run(['https://a.test/', 'https://b.test/', '--json'], cli, {
      ...scan.deps,
      async scanUrls(urls, options, onResult) {
        scan.stopper()?.('SIGINT');
        expect(options.signal?.aborted).toBe(true);
        return scan.deps.scanUrls(urls, options, onResult);
      },
    });
    expect(await stopped).toBe(130);
    expect(JSON.parse(out.stdout).results.map((r: { url: string }) => r.url)).toEqual(['https://a.test/']);
    expect(out.stderr).toContain('interrupted (SIGINT) after 1 of 2 pages');
    expect(scan.stopper()).toBeNull();
  });

  it('exits 143 on SIGTERM', async () => {
    const { io: cli } = io();
    const scan = fakeScan([], (done) => new ScanInterruptedError(done));
    const code = await run(['https://a.test/'], cli, {
      ...scan.deps,
      async scanUrls(urls, options, onResult) {
        scan.stopper()?.('SIGTERM');
        return scan.deps.scanUrls(urls, options, onResult);
      },
    });
    expect(code).toBe(143);
  });
});

function audited(url: string, states: Array<[StateScan['state'], CookieRecord[], StateScan['banner']?]>): ScanResult {
  const scans: StateScan[] = states.map(([state, cookies, banner]) => {
    const { view } = loaded(url, cookies) as Extract<ScanResult, { ok: true }>;
    return { state, finalUrl: url, status: 200, view, ...(banner ? { banner } : {}) };
  });
  return { url, ok: true, finalUrl: url, status: 200, view: scans[0].view, states: scans };
}

const ANSWERED = { status: 'answered', cmp: 'cookieyes' } as const;

describe('cookie-inspector scan --consent', () => {
  it('passes the consent states on, and exits 1 naming each violation under --fail-on violations', async () => {
    const { io: cli, out } = io();
    const scan = fakeScan([
      audited('https://a.test/', [
        ['none', [tracked('_ad')]],
        ['reject', [tracked('_ad')], ANSWERED],
        ['accept', [tracked('_ad')], ANSWERED],
      ]),
    ]);
    expect(
      await run(['--consent', 'all', 'https://a.test/', '--fail-on', 'violations', '--json'], cli, scan.deps),
    ).toBe(1);
    expect(scan.calls[0].states).toEqual(['none', 'reject', 'accept']);
    expect(out.stderr).toContain('violation on https://a.test/ (none): _ad @ .a.test (marketing, Acme Ads)');
    expect(out.stderr).toContain('violation on https://a.test/ (reject): _ad @ .a.test (marketing, Acme Ads)');
    const [result] = JSON.parse(out.stdout).results;
    expect(result.consent.violations.map((v: { state: string; kind: string }) => `${v.state} ${v.kind}`)).toEqual([
      'none before-consent',
      'reject after-refusal',
    ]);
    expect(result.consent.violations[0]).toMatchObject({
      cookie: { name: '_ad', domain: '.a.test' },
      label: { category: 'marketing', vendor: 'Acme Ads' },
    });
  });

  it('exits 5 when a banner to answer was not found, and 0 when nothing is wrong', async () => {
    const notFound = fakeScan([
      audited('https://a.test/', [['reject', [], { status: 'not-found', detail: 'no banner autoconsent knows' }]]),
    ]);
    const { io: cli, out } = io();
    expect(await run(['https://a.test/', '--consent', 'reject', '--fail-on', 'violations'], cli, notFound.deps)).toBe(
      5,
    );
    expect(out.stdout).toMatch(/reject\s+banner not found.*BANNER NOT FOUND: not judged/);
    expect(out.stderr).toContain(
      'not judged on https://a.test/ (reject): banner not found: no banner autoconsent knows',
    );

    const clean = fakeScan([
      audited('https://a.test/', [
        ['none', []],
        ['reject', [], ANSWERED],
      ]),
    ]);
    expect(
      await run(['https://a.test/', '--consent', 'none', 'reject', '--fail-on', 'violations'], io().io, clean.deps),
    ).toBe(0);
    expect(clean.calls[0].states).toEqual(['none', 'reject']);
  });
});

describe('cookie-inspector scan --urls', () => {
  function files(contents: Record<string, string>) {
    const { io: cli, out } = io();
    return {
      out,
      io: {
        ...cli,
        readInput: async (path: string) => {
          if (!(path in contents)) throw Object.assign(new Error('gone'), { code: 'ENOENT' });
          return contents[path];
        },
      },
    };
  }

  it('streams one JSON line per URL as it finishes, with --json and --urls', async () => {
    const { io: cli, out } = files({ 'list.txt': 'https://a.test/\n# skip\nhttps://b.test/\n' });
    const scan = fakeScan([loaded('https://b.test/'), FAILED]);
    expect(await run(['--urls', 'list.txt', '--json', '--jobs', '4'], cli, scan.deps)).toBe(3);
    expect(scan.calls[0].jobs).toBe(4);
    const lines = out.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l: { url: string }) => l.url)).toEqual(['https://b.test/', FAILED.url]);
    expect(lines[1].error.kind).toBe('failed');
  });

  it('skips the URLs an earlier run already wrote, and starts on a new line after a cut-off one', async () => {
    const { io: cli, out } = files({ 'list.txt': 'https://a.test/\nhttps://b.test/\nhttps://c.test/\n' });
    const scanned: string[][] = [];
    const scan = fakeScan([loaded('https://c.test/')]);
    const code = await run(['--urls', 'list.txt', '--jsonl', '--resume', 'out.jsonl'], cli, {
      ...scan.deps,
      readResume: async () => ({
        done: new Set(['https://a.test/', 'https://b.test/']),
        badLines: 1,
        needsNewline: true,
      }),
      async scanUrls(urls, options, onResult) {
        scanned.push([...urls]);
        return scan.deps.scanUrls(urls, options, onResult);
      },
    });
    expect(code).toBe(0);
    expect(scanned).toEqual([['https://c.test/']]);
    expect(out.stderr).toContain('2 of 3 URLs are already in out.jsonl; scanning 1 (1 broken lines ignored');
    expect(out.stdout.startsWith('\n{"url":"https://c.test/"')).toBe(true);
  });

  it('scans only its shard of the list', async () => {
    const list = Array.from({ length: 40 }, (_, i) => `https://s${i}.test/`);
    const { io: cli } = files({ 'list.txt': list.join('\n') });
    const seen: string[] = [];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const scan = fakeScan([]);
      await run(['--urls', 'list.txt', '--jsonl', '--shard', shard], cli, {
        ...scan.deps,
        async scanUrls(urls) {
          seen.push(...urls);
          return [];
        },
      });
    }
    expect(seen.sort()).toEqual([...list].sort());
  });

  it('shows progress on standard error only when it is a terminal', async () => {
    const tty = io();
    await run(['https://a.test/', '--json'], tty.io, {
      ...fakeScan([loaded('https://a.test/')]).deps,
      stderrIsTTY: true,
    });
    expect(tty.out.stderr).toContain('[1/1] 0 failed · 0 with violations');
    const pipe = io();
    await run(['https://a.test/', '--json'], pipe.io, {
      ...fakeScan([loaded('https://a.test/')]).deps,
      stderrIsTTY: false,
    });
    expect(pipe.out.stderr).not.toContain('[1/1]');
  });
});

describe('a failed page load, in words', () => {
  const options = { timeoutMs: 5000, insecure: false };

  it.each([
    ['page.goto: net::ERR_CERT_AUTHORITY_INVALID at https://a.test/', 'tls', /add --insecure/],
    ['page.goto: net::ERR_NAME_NOT_RESOLVED at https://a.test/', 'unreachable', /could not be resolved/],
    ['page.goto: net::ERR_CONNECTION_REFUSED at https://a.test/', 'unreachable', /could not be reached/],
    ['page.goto: net::ERR_ABORTED at https://a.test/', 'failed', /ERR_ABORTED/],
  ])('%s', (message, kind, text) => {
    const described = describeLoadError(new Error(message), options);
    expect(described.kind).toBe(kind);
    expect(described.error).toMatch(text);
  });

  it('names the time limit of a timeout', () => {
    const timeout = Object.assign(new Error('page.goto: Timeout 5000ms exceeded.'), { name: 'TimeoutError' });
    expect(describeLoadError(timeout, options)).toEqual({
      kind: 'timeout',
      error: 'the page did not finish loading within 5000 ms',
    });
  });
});
