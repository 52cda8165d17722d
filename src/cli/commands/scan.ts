import { CATEGORIES, type Category } from '../../core/types';
import type { ScanOptions, ScanResult } from '../../node/scan';
import { ScanInterruptedError, ScanSetupError } from '../../node/scan-errors';
import { parseArgs } from '../args';
import { type CliIO, UsageError } from '../io';
import { failOnMatches, jsonReport, markdownReport, tableReport } from '../scan-report';
import { safeText } from '../table';

/** What `scan` exits with; the help text below says the same. */
export const SCAN_EXIT = {
  ok: 0,
  failOn: 1,
  usage: 2,
  pagesFailed: 3,
  noBrowser: 4,
} as const;

// 128 + the signal's number, as shells report a process a signal ended.
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

export const SCAN_USAGE = `Usage: cookie-inspector scan URL... [--json | --markdown] [--wait MS] [--timeout MS]
                           [--fail-on CATEGORY...] [--insecure] [--resolve HOST=IP]... [--host-resolver-rules RULES]

Loads each URL in headless Chromium with the built extension, each in a browser of its own with a
fresh profile (a first visit: no cookies, storage, cache or service workers from an earlier page;
third-party cookies allowed), and reports the cookies the page set, labelled. A page that cannot be
loaded is reported as such, and the others are still scanned.

  --json                 machine-readable results (cookie values are never printed)
  --markdown             a cookie declaration per page, ready for a cookie policy
  --wait MS              after loading, wait until no cookie changed for MS milliseconds (default 2000)
  --timeout MS           give up on a page that takes longer to load (default 30000, at least 1)
  --fail-on CATEGORY...  exit 1 when any cookie of these categories is set (${CATEGORIES.join(', ')})
  --insecure             accept self-signed certificates (local test hosts)
  --resolve HOST=IP      send HOST (or *.suffix) to IP instead of asking DNS; repeatable
  --host-resolver-rules  passed to Chromium as is, for example "MAP *.test 127.0.0.1"
  --                     ends the options: every later word is a URL

Chromium runs with its sandbox. Where the sandbox cannot run (as root, or without unprivileged user
namespaces) pages are loaded without it, and scan says so on standard error.

Exit status:
  0    every page was scanned and none set a --fail-on category
  1    a cookie of a --fail-on category was set (each is named on standard error)
  2    usage error: nothing was scanned
  3    one or more pages could not be scanned (each is reported; this wins over 1)
  4    Chromium or the built extension was not found, or Chromium could not start: nothing was scanned
  130  interrupted (Ctrl-C; 143 for SIGTERM): the pages scanned so far are reported, the browser's
       temporary profile is removed
`;

const DEFAULT_WAIT_MS = 2000;
const DEFAULT_TIMEOUT_MS = 30_000;
// setTimeout waits at most this long; a longer wait would fire at once.
const MAX_MS = 2_147_483_647;

/** What the command needs from the outside; tests pass fakes. */
export interface ScanDeps {
  scanUrls: (
    urls: readonly string[],
    options: ScanOptions,
    onResult?: (result: ScanResult) => void,
  ) => Promise<ScanResult[]>;
  /** Calls `stop` on Ctrl-C, SIGTERM or SIGHUP; returns what stops listening. */
  onStopSignal: (stop: (signal: NodeJS.Signals) => void) => () => void;
}

const nodeDeps: ScanDeps = {
  // Loaded here, not at start-up: the other commands must not pay for a browser driver.
  scanUrls: async (urls, options, onResult) => (await import('../../node/scan')).scanUrls(urls, options, onResult),
  onStopSignal(stop) {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    let stopping = false;
    const handler = (signal: NodeJS.Signals) => {
      // A second Ctrl-C while the browser closes: leave now; Chromium is killed and the profile
      // removed on the way out (see launchWithExtension).
      if (stopping) process.exit(SIGNAL_EXIT[signal] ?? 130);
      stopping = true;
      stop(signal);
    };
    for (const s of signals) process.on(s, handler);
    return () => {
      for (const s of signals) process.off(s, handler);
    };
  },
};

/** `cookie-inspector scan URL...` */
export async function run(args: string[], io: CliIO, deps: ScanDeps = nodeDeps): Promise<number> {
  const optionWords = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (optionWords.includes('--help') || optionWords.includes('-h')) {
    io.stdout(SCAN_USAGE);
    return SCAN_EXIT.ok;
  }
  const { positional, options } = parseArgs(args, {
    json: 'flag',
    markdown: 'flag',
    wait: 'one',
    timeout: 'one',
    'fail-on': 'many',
    insecure: 'flag',
    resolve: 'repeat',
    'host-resolver-rules': 'repeat',
  });
  if (options.has('json') && options.has('markdown')) throw new UsageError('choose --json or --markdown, not both');
  // `--fail-on marketing analytics https://…`: the list ends at the first word that is no category.
  const failOnWords = options.get('fail-on') ?? [];
  const firstUrl = failOnWords.findIndex((w) => !(CATEGORIES as readonly string[]).includes(w));
  const failOn = new Set((firstUrl < 0 ? failOnWords : failOnWords.slice(0, firstUrl)) as Category[]);
  const urls = [...positional, ...(firstUrl < 0 ? [] : failOnWords.slice(firstUrl))];
  if (options.has('fail-on') && failOn.size === 0) {
    throw new UsageError(`--fail-on needs categories: ${CATEGORIES.join(', ')}`);
  }
  if (urls.length === 0) throw new UsageError(`give at least one URL\n\n${SCAN_USAGE}`);
  const rules = [
    ...(options.get('resolve') ?? []).flatMap((value) => value.split(',')).map(resolveRule),
    ...(options.get('host-resolver-rules') ?? []),
  ];
  const format = options.has('json') ? 'json' : options.has('markdown') ? 'markdown' : 'table';
  const waitMs = milliseconds(options.get('wait')?.[0], 'wait', DEFAULT_WAIT_MS, 0);
  // 0 would mean "no limit" to the browser driver: a page that never loads would hang the scan.
  const timeoutMs = milliseconds(options.get('timeout')?.[0], 'timeout', DEFAULT_TIMEOUT_MS, 1);

  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals | null = null;
  const stopListening = deps.onStopSignal((signal) => {
    stoppedBy = signal;
    controller.abort();
  });
  let results: ScanResult[];
  try {
    results = await deps.scanUrls(
      urls,
      {
        waitMs,
        timeoutMs,
        insecure: options.has('insecure'),
        hostResolverRules: rules.length > 0 ? rules.join(', ') : undefined,
        signal: controller.signal,
        onSandboxFallback: (reason) =>
          io.stderr(`cookie-inspector scan: warning: ${reason}; loading pages without Chromium's sandbox\n`),
      },
      (result) => {
        if (!result.ok)
          io.stderr(`cookie-inspector scan: ${safeText(result.url, 200)}: ${safeText(result.error, 500)}\n`);
        if (format === 'table') io.stdout(result.ok ? tableReport(result) : failedReport(result));
      },
    );
  } catch (error) {
    if (error instanceof ScanSetupError) {
      io.stderr(`cookie-inspector scan: ${error.message}\n`);
      return SCAN_EXIT.noBrowser;
    }
    if (!(error instanceof ScanInterruptedError)) throw error;
    printReport(io, format, error.results);
    const signal: NodeJS.Signals = stoppedBy ?? 'SIGINT';
    io.stderr(
      `cookie-inspector scan: interrupted (${signal}) after ${error.results.length} of ${urls.length} pages; the browser is closed and its profile removed\n`,
    );
    return SIGNAL_EXIT[signal] ?? 130;
  } finally {
    stopListening();
  }
  printReport(io, format, results);

  const offending = failOnMatches(results, failOn);
  for (const { url, record } of offending) {
    io.stderr(
      `cookie-inspector scan: --fail-on: ${safeText(record.cookie.name, 60)} (${record.label.category}) on ${url}\n`,
    );
  }
  if (results.some((r) => !r.ok)) return SCAN_EXIT.pagesFailed;
  return offending.length > 0 ? SCAN_EXIT.failOn : SCAN_EXIT.ok;
}

/** JSON and Markdown are printed whole at the end; the table was printed page by page. */
function printReport(io: CliIO, format: 'json' | 'markdown' | 'table', results: readonly ScanResult[]): void {
  const now = Date.now() / 1000;
  if (format === 'json') io.stdout(`${JSON.stringify(jsonReport(results, now), null, 2)}\n`);
  if (format === 'markdown') io.stdout(markdownReport(results, now));
}

/** A page that could not be scanned, in the table report where its cookies would have been. */
function failedReport(result: Extract<ScanResult, { ok: false }>): string {
  return `${safeText(result.url, 200)} (not scanned)\n  ${safeText(result.error, 500)}\n\n`;
}

function milliseconds(value: string | undefined, name: string, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  // Digits only: Number() would also take "", " 5 ", "1e3" and "0x10".
  if (!/^\d+$/.test(value) || n < least || n > MAX_MS) {
    throw new UsageError(`--${name} takes a whole number of milliseconds from ${least} to ${MAX_MS}, not "${value}"`);
  }
  return n;
}

/** `example.test=127.0.0.1` -> `MAP example.test 127.0.0.1` */
function resolveRule(value: string): string {
  const match = /^([A-Za-z0-9*._-]+)=([0-9A-Fa-f.:[\]]+)$/.exec(value.trim());
  if (!match) throw new UsageError(`--resolve takes HOST=IP, for example shop.test=127.0.0.1, not "${value}"`);
  return `MAP ${match[1]} ${match[2]}`;
}
