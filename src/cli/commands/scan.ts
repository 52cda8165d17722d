import { CATEGORIES, type Category } from '../../core/types';
import { parseArgs } from '../args';
import { type CliIO, UsageError } from '../io';
import { failOnMatches, jsonReport, markdownReport, tableReport } from '../scan-report';
import { safeText } from '../table';

export const SCAN_USAGE = `Usage: cookie-inspector scan URL... [--json | --markdown] [--wait MS] [--timeout MS]
                           [--fail-on CATEGORY...] [--insecure] [--resolve HOST=IP]... [--host-resolver-rules RULES]

Loads each URL in headless Chromium with the built extension (a fresh profile, each URL as a first
visit, third-party cookies allowed) and reports the cookies the page set, labelled.

  --json                 machine-readable results (cookie values are never printed)
  --markdown             a cookie declaration per page, ready for a cookie policy
  --wait MS              after loading, wait until no cookie changed for MS milliseconds (default 2000)
  --timeout MS           give up on a page that takes longer to load (default 30000)
  --fail-on CATEGORY...  exit 1 when any cookie of these categories is set (${CATEGORIES.join(', ')})
  --insecure             accept self-signed certificates (local test hosts)
  --resolve HOST=IP      send HOST (or *.suffix) to IP instead of asking DNS; repeatable
  --host-resolver-rules  passed to Chromium as is, for example "MAP *.test 127.0.0.1"

Exit status: 0 fine, 1 a --fail-on category was set, 2 usage error, 3 a URL could not be scanned.
`;

const DEFAULT_WAIT_MS = 2000;
const DEFAULT_TIMEOUT_MS = 30_000;

/** `cookie-inspector scan URL...` */
export async function run(args: string[], io: CliIO): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(SCAN_USAGE);
    return 0;
  }
  const { positional, options } = parseArgs(args, {
    json: 'flag',
    markdown: 'flag',
    wait: 'one',
    timeout: 'one',
    'fail-on': 'many',
    insecure: 'flag',
    resolve: 'one',
    'host-resolver-rules': 'one',
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

  // Loaded here, not at start-up: the other commands must not pay for a browser driver.
  const { scanUrls } = await import('../../node/scan');
  const results = await scanUrls(
    urls,
    {
      waitMs: milliseconds(options.get('wait')?.[0], 'wait', DEFAULT_WAIT_MS),
      timeoutMs: milliseconds(options.get('timeout')?.[0], 'timeout', DEFAULT_TIMEOUT_MS),
      insecure: options.has('insecure'),
      hostResolverRules: rules.length > 0 ? rules.join(', ') : undefined,
    },
    (result) => {
      if (!result.ok) io.stderr(`cookie-inspector scan: ${result.url}: ${result.error}\n`);
      else if (format === 'table') io.stdout(tableReport(result));
    },
  );
  const now = Date.now() / 1000;
  if (format === 'json') io.stdout(`${JSON.stringify(jsonReport(results, now), null, 2)}\n`);
  if (format === 'markdown') io.stdout(markdownReport(results, now));

  const offending = failOnMatches(results, failOn);
  for (const { url, record } of offending) {
    io.stderr(
      `cookie-inspector scan: --fail-on: ${safeText(record.cookie.name, 60)} (${record.label.category}) on ${url}\n`,
    );
  }
  if (results.some((r) => !r.ok)) return 3;
  return offending.length > 0 ? 1 : 0;
}

function milliseconds(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} takes a whole number of milliseconds, not "${value}"`);
  return n;
}

/** `example.test=127.0.0.1` -> `MAP example.test 127.0.0.1` */
function resolveRule(value: string): string {
  const match = /^([A-Za-z0-9*._-]+)=([0-9A-Fa-f.:[\]]+)$/.exec(value.trim());
  if (!match) throw new UsageError(`--resolve takes HOST=IP, for example shop.test=127.0.0.1, not "${value}"`);
  return `MAP ${match[1]} ${match[2]}`;
}
