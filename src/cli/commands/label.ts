import { createDefaultLabeller } from '../../shared/labeller';
import { oneOf, parseArgs } from '../args';
import { parseCookieInput, toUrl } from '../cookie-input';
import { type CliIO, readUserInput, UsageError } from '../io';
import { toLabelRecord } from '../label-record';
import { renderTable, safeText } from '../table';
import { safeJson } from '../unsafe-text';

/** `cookie-inspector label [FILE|-] [--site URL] [--format json|table]` */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(args, { site: 'one', format: 'one' });
  if (positional.length > 1) throw new UsageError('give at most one input file (or - for standard input)');
  const format =
    oneOf(options.get('format')?.[0], ['json', 'table'] as const, 'format') ?? (io.isTTY ? 'table' : 'json');
  const defaultSite = options.get('site')?.[0];
  const input = parseCookieInput(await readUserInput(io, positional[0] ?? '-'));
  const labeller = createDefaultLabeller();
  const records = input.map(({ cookie, site }) => {
    const topLevelUrl = site ?? (defaultSite ? toUrl(defaultSite) : undefined);
    return toLabelRecord(cookie, labeller.label(cookie, { topLevelUrl }));
  });
  if (format === 'json') {
    // Names and values come from websites: C1 controls and bidi overrides, which JSON.stringify
    // leaves raw, would reach the terminal of whoever reads the output.
    io.stdout(`${safeJson(records)}\n`);
    return 0;
  }
  io.stdout(
    renderTable(
      ['NAME', 'DOMAIN', 'CATEGORY', 'IF DELETED', 'VENDOR', 'PARTY', 'LIFETIME', 'SOURCE', 'CONF', 'REASON'],
      records.map((r) => [
        safeText(r.name, 40),
        safeText(r.domain, 30),
        r.category,
        r.ifDeleted,
        safeText(r.vendor ?? '-', 28),
        r.party,
        r.lifetime,
        r.source,
        r.confidence.toFixed(2),
        safeText(r.reason, 90),
      ]),
    ),
  );
  return 0;
}
