import { CATEGORIES, type Category } from '../../core/types';
import type { ScanOptions, ScanResult } from '../../node/scan';
import { ScanInterruptedError, ScanSetupError } from '../../node/scan-errors';
import { AUDIT_STATES } from '../../node/scan-states';
import { parseArgs } from '../args';
import { bannerText } from '../consent-audit';
import { type DeclaredCookie, parseDeclaration } from '../declaration';
import { type CliIO, fileErrorText, readUserInput, UsageError } from '../io';
import {
  consentViolations,
  failOnMatches,
  jsonReport,
  jsonResult,
  markdownReport,
  tableReport,
  unansweredStates,
  violationText,
} from '../scan-report';
import { safeText } from '../table';
import { inShard, parseShard, parseUrlList, type ResumeState, readResume } from '../url-list';

/** What `scan` exits with; the help text below says the same. */
export const SCAN_EXIT = {
  ok: 0,
  failOn: 1,
  usage: 2,
  pagesFailed: 3,
  noBrowser: 4,
  bannerNotAnswered: 5,
} as const;

// 128 + the signal's number, as shells report a process a signal ended.
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

const CONSENT_WORDS = [...AUDIT_STATES, 'all'] as const;

export const SCAN_USAGE = `Usage: cookie-inspector scan URL... [--urls FILE] [--json | --jsonl | --markdown] [--wait MS] [--timeout MS]
                           [--consent STATE...] [--banner-wait MS] [--declaration FILE]
                           [--fail-on CATEGORY... | violations] [--jobs N] [--shard I/N] [--resume OUT.jsonl]
                           [--insecure] [--resolve HOST=IP]... [--host-resolver-rules RULES]

Loads each URL in headless Chromium with the built extension, each in a browser of its own with a
fresh profile (a first visit: no cookies, storage, cache or service workers from an earlier page;
third-party cookies allowed), and reports the cookies the page set, labelled. A page that cannot be
loaded is reported as such, and the others are still scanned.

  --json                 machine-readable results (cookie values are never printed); with --urls,
                         one JSON line per URL as it finishes (as --jsonl)
  --jsonl                one JSON object per line and URL, written as each URL finishes
  --markdown             a cookie declaration per page, ready for a cookie policy
  --wait MS              after loading, wait until no cookie changed for MS milliseconds (default 2000)
  --timeout MS           give up on a page that takes longer to load (default 30000, at least 1)
  --fail-on CATEGORY...  exit 1 when any cookie of these categories is set (${CATEGORIES.join(', ')})
  --fail-on violations   exit 1 when the consent audit finds a violation, 5 when a banner to answer
                         was not found (needs --consent); may be given with categories
  --consent STATE...     the consent audit: load each URL once per state, each in a fresh profile:
                           none    what the site sets before anyone answers its banner
                           reject  what it has after its banner is answered "reject all"
                           accept  what it has after "accept all"
                           all     the three
                         Banners are found and answered with DuckDuckGo's autoconsent rules. The
                         report flags analytics and marketing cookies set before an answer, and
                         cookies of the refused categories present after "reject" (refused: what
                         the site's consent record says, else analytics and marketing).
                         Functional cookies before an answer are not flagged: they serve features
                         a visitor uses, which need no consent, and a label cannot tell otherwise.
                         A state whose banner could not be answered is "banner not found", not a pass.
  --banner-wait MS       how long to look for a banner to answer after the page loaded (default 10000)
  --declaration FILE     compare with the site's cookie declaration (our Markdown, CSV or JSON
                         export, or cookie names one a line, \`*\` matching anything): cookies set but
                         not declared, declared under another category, or kept longer than declared
  --urls FILE            scan the URLs of FILE too: one a line (# starts a comment) or a sitemap
  --jobs N               scan N URLs at once, each in browsers of its own (default 1, at most 32)
  --shard I/N            scan only the I-th of N slices of the URLs; a URL's slice follows from
                         the URL alone, so N machines given the same list share it without overlap
  --resume OUT.jsonl     skip the URLs that already have a line in OUT.jsonl (an earlier run's
                         --jsonl output); append this run's lines to it: scan ... --jsonl >> OUT.jsonl
  --insecure             accept self-signed certificates (local test hosts)
  --resolve HOST=IP      send HOST (or *.suffix) to IP instead of asking DNS; repeatable
  --host-resolver-rules  passed to Chromium as is, for example "MAP *.test 127.0.0.1"
  --                     ends the options: every later word is a URL

When standard error is a terminal, a progress line is shown there.

Chromium runs with its sandbox. Where the sandbox cannot run (as root, or without unprivileged user
namespaces) pages are loaded without it, and scan says so on standard error.

Exit status:
  0    every page was scanned and none set a --fail-on category (nor broke --fail-on violations)
  1    a cookie of a --fail-on category was set, or --fail-on violations found a violation
       (each is named on standard error)
  2    usage error: nothing was scanned
  3    one or more pages could not be scanned (each is reported; this wins over 1 and 5)
  4    Chromium or the built extension was not found, or Chromium could not start: nothing was scanned
  5    --fail-on violations: a banner to answer (reject, accept) was not found or not answered on
       some page, so that state could not be judged; 1 wins over it
  130  interrupted (Ctrl-C; 143 for SIGTERM, 129 for SIGHUP): the pages scanned so far are
       reported, the browsers' temporary profiles are removed
`;

const DEFAULT_WAIT_MS = 2000;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_BANNER_WAIT_MS = 10_000;
const MAX_JOBS = 32;
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
  /** Whether standard error is a terminal, where progress is shown. */
  stderrIsTTY?: boolean;
  /** The URLs an earlier run's JSON lines hold; a file that does not exist holds none. */
  readResume?: (path: string) => Promise<ResumeState>;
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
  stderrIsTTY: Boolean(process.stderr.isTTY),
  readResume: readResumeFile,
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
    jsonl: 'flag',
    markdown: 'flag',
    wait: 'one',
    timeout: 'one',
    'fail-on': 'many',
    consent: 'many',
    'banner-wait': 'one',
    declaration: 'one',
    urls: 'one',
    jobs: 'one',
    shard: 'one',
    resume: 'one',
    insecure: 'flag',
    resolve: 'repeat',
    'host-resolver-rules': 'repeat',
  });
  const formats = ['json', 'jsonl', 'markdown'].filter((f) => options.has(f));
  if (formats.length > 1 && !(formats.length === 2 && formats.includes('json') && formats.includes('jsonl'))) {
    throw new UsageError(
      `choose one of --json, --jsonl or --markdown, not ${formats.map((f) => `--${f}`).join(' and ')}`,
    );
  }
  // `--fail-on marketing analytics https://…`: the list ends at the first word that is no category.
  const failOnList = leadingWords(options.get('fail-on') ?? [], [...CATEGORIES, 'violations']);
  const failOnViolations = failOnList.words.includes('violations');
  const failOn = new Set(failOnList.words.filter((w) => w !== 'violations') as Category[]);
  if (options.has('fail-on') && failOnList.words.length === 0) {
    throw new UsageError(`--fail-on needs categories (${CATEGORIES.join(', ')}) or violations`);
  }
  const consentList = leadingWords(options.get('consent') ?? [], CONSENT_WORDS);
  if (options.has('consent') && consentList.words.length === 0) {
    throw new UsageError(`--consent needs states: ${CONSENT_WORDS.join(', ')}`);
  }
  const states = options.has('consent')
    ? AUDIT_STATES.filter((s) => consentList.words.includes(s) || consentList.words.includes('all'))
    : undefined;
  if (failOnViolations && !states)
    throw new UsageError('--fail-on violations needs --consent (for example --consent all)');

  const listed = options.has('urls') ? await readUrlList(io, options.get('urls')?.[0] ?? '') : [];
  let urls = [...new Set([...positional, ...failOnList.rest, ...consentList.rest, ...listed])];
  if (urls.length === 0) throw new UsageError(`give at least one URL\n\n${SCAN_USAGE}`);
  const shardText = options.get('shard')?.[0];
  if (shardText !== undefined) urls = inShard(urls, parseShard(shardText));
  const jsonl = options.has('jsonl') || (options.has('json') && options.has('urls'));
  const format = jsonl ? 'jsonl' : options.has('json') ? 'json' : options.has('markdown') ? 'markdown' : 'table';
  const resumePath = options.get('resume')?.[0];
  if (resumePath !== undefined && format !== 'jsonl') {
    throw new UsageError('--resume reads and continues JSON lines: use it with --jsonl (or --json with --urls)');
  }
  const rules = [
    ...(options.get('resolve') ?? []).flatMap((value) => value.split(',')).map(resolveRule),
    ...(options.get('host-resolver-rules') ?? []),
  ];
  const waitMs = milliseconds(options.get('wait')?.[0], 'wait', DEFAULT_WAIT_MS, 0);
  // 0 would mean "no limit" to the browser driver: a page that never loads would hang the scan.
  const timeoutMs = milliseconds(options.get('timeout')?.[0], 'timeout', DEFAULT_TIMEOUT_MS, 1);
  const bannerWaitMs = milliseconds(options.get('banner-wait')?.[0], 'banner-wait', DEFAULT_BANNER_WAIT_MS, 1);
  const jobs = wholeNumber(options.get('jobs')?.[0], 'jobs', 1, 1, MAX_JOBS);
  const declarationPath = options.get('declaration')?.[0];
  const declaration =
    declarationPath === undefined
      ? undefined
      : parseDeclaration(await readUserInput(io, declarationPath), declarationPath);

  let resumeNewline = false;
  if (resumePath !== undefined) {
    const resume = await (deps.readResume ?? readResumeFile)(resumePath).catch((error: unknown) => {
      throw new UsageError(`cannot read ${resumePath}: ${fileErrorText(error)}`);
    });
    const before = urls.length;
    urls = urls.filter((url) => !resume.done.has(url));
    resumeNewline = resume.needsNewline;
    io.stderr(
      `cookie-inspector scan: --resume: ${before - urls.length} of ${before} URLs are already in ${safeText(resumePath, 200)}; scanning ${urls.length}${
        resume.badLines > 0 ? ` (${resume.badLines} broken lines ignored, their URLs scanned again)` : ''
      }\n`,
    );
    if (urls.length === 0) return SCAN_EXIT.ok;
  }

  const context = { declaration };
  const progress = deps.stderrIsTTY ? new Progress(io, urls.length) : null;
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
        onSandboxFallback: (reason) => {
          progress?.clear();
          io.stderr(`cookie-inspector scan: warning: ${reason}; loading pages without Chromium's sandbox\n`);
        },
        ...(states ? { states, bannerWaitMs } : {}),
        jobs,
      },
      (result) => {
        progress?.clear();
        if (!result.ok)
          io.stderr(`cookie-inspector scan: ${safeText(result.url, 200)}: ${safeText(result.error, 500)}\n`);
        const now = Date.now() / 1000;
        if (format === 'table') io.stdout(result.ok ? tableReport(result, { ...context, now }) : failedReport(result));
        if (format === 'jsonl') {
          io.stdout(`${resumeNewline ? '\n' : ''}${JSON.stringify(jsonResult(result, { ...context, now }))}\n`);
          resumeNewline = false;
        }
        progress?.done(result);
      },
    );
  } catch (error) {
    progress?.clear();
    if (error instanceof ScanSetupError) {
      io.stderr(`cookie-inspector scan: ${error.message}\n`);
      return SCAN_EXIT.noBrowser;
    }
    if (!(error instanceof ScanInterruptedError)) throw error;
    printReport(io, format, error.results, context);
    const signal: NodeJS.Signals = stoppedBy ?? 'SIGINT';
    io.stderr(
      `cookie-inspector scan: interrupted (${signal}) after ${error.results.length} of ${urls.length} pages; the browsers are closed and their profiles removed${
        format === 'jsonl' ? '; continue with --resume' : ''
      }\n`,
    );
    return SIGNAL_EXIT[signal] ?? 130;
  } finally {
    stopListening();
  }
  progress?.clear();
  printReport(io, format, results, context);

  const offending = failOnMatches(results, failOn);
  for (const { url, record } of offending) {
    io.stderr(
      `cookie-inspector scan: --fail-on: ${safeText(record.cookie.name, 60)} (${record.label.category}) on ${safeText(url, 200)}\n`,
    );
  }
  const violations = failOnViolations ? consentViolations(results) : [];
  for (const { url, violation } of violations) {
    io.stderr(
      `cookie-inspector scan: violation on ${safeText(url, 200)} (${violation.state}): ${violationText(violation)}\n`,
    );
  }
  const unanswered = failOnViolations ? unansweredStates(results) : [];
  for (const { url, audit } of unanswered) {
    const banner = audit.scan.banner;
    const detail = banner && banner.status !== 'answered' ? `: ${banner.detail}` : '';
    io.stderr(
      `cookie-inspector scan: not judged on ${safeText(url, 200)} (${audit.state}): ${bannerText(audit)}${safeText(detail, 300)}\n`,
    );
  }
  if (results.some((r) => !r.ok)) return SCAN_EXIT.pagesFailed;
  if (offending.length > 0 || violations.length > 0) return SCAN_EXIT.failOn;
  return unanswered.length > 0 ? SCAN_EXIT.bannerNotAnswered : SCAN_EXIT.ok;
}

/** A list option's own words, up to the first that is not one of `allowed`; the rest are URLs. */
function leadingWords(words: readonly string[], allowed: readonly string[]): { words: string[]; rest: string[] } {
  const end = words.findIndex((w) => !allowed.includes(w));
  return end < 0 ? { words: [...words], rest: [] } : { words: words.slice(0, end), rest: words.slice(end) };
}

async function readUrlList(io: CliIO, path: string): Promise<string[]> {
  return parseUrlList(await readUserInput(io, path), path);
}

/**
 * One line on standard error, redrawn as URLs finish: how many are done, failed and in violation,
 * and the rate. Cleared before anything else is written there.
 */
class Progress {
  private finished = 0;
  private failed = 0;
  private violating = 0;
  private shown = false;
  private readonly started = Date.now();

  constructor(
    private readonly io: CliIO,
    private readonly total: number,
  ) {}

  done(result: ScanResult): void {
    this.finished += 1;
    if (!result.ok) this.failed += 1;
    else if (consentViolations([result]).length > 0) this.violating += 1;
    const minutes = (Date.now() - this.started) / 60_000;
    const rate = minutes > 0 ? (this.finished / minutes).toFixed(1) : '-';
    this.io.stderr(
      `\r\u001b[K[${this.finished}/${this.total}] ${this.failed} failed · ${this.violating} with violations · ${rate} sites/min`,
    );
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.io.stderr('\r\u001b[K');
    this.shown = false;
  }
}

/** Reads an earlier run's JSON lines as a stream: such a file can be far larger than any input we read whole. */
async function readResumeFile(path: string): Promise<ResumeState> {
  const { createReadStream, existsSync, openSync, readSync, closeSync, statSync } = await import('node:fs');
  const { createInterface } = await import('node:readline');
  if (!existsSync(path)) return { done: new Set(), badLines: 0, needsNewline: false };
  const size = statSync(path).size;
  let lastIsNewline = true;
  if (size > 0) {
    const fd = openSync(path, 'r');
    try {
      const byte = Buffer.alloc(1);
      readSync(fd, byte, 0, 1, size - 1);
      lastIsNewline = byte[0] === 0x0a;
    } finally {
      closeSync(fd);
    }
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  return readResume(lines, lastIsNewline);
}

/** JSON and Markdown are printed whole at the end; the table and JSON lines were printed page by page. */
function printReport(
  io: CliIO,
  format: 'json' | 'jsonl' | 'markdown' | 'table',
  results: readonly ScanResult[],
  context: { declaration?: readonly DeclaredCookie[] },
): void {
  const now = Date.now() / 1000;
  if (format === 'json') io.stdout(`${JSON.stringify(jsonReport(results, now, context), null, 2)}\n`);
  if (format === 'markdown') io.stdout(markdownReport(results, now, context));
}

/** A page that could not be scanned, in the table report where its cookies would have been. */
function failedReport(result: Extract<ScanResult, { ok: false }>): string {
  return `${safeText(result.url, 200)} (not scanned)\n  ${safeText(result.error, 500)}\n\n`;
}

function wholeNumber(value: string | undefined, name: string, fallback: number, least: number, most: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < least || n > most) {
    throw new UsageError(`--${name} takes a whole number from ${least} to ${most}, not "${value}"`);
  }
  return n;
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
