import { entries as bundled } from 'virtual:catalog';
import type { CatalogEntry } from '../../core/catalog-schema';
import { CATEGORIES } from '../../core/types';
import { parseArgs } from '../args';
import type { CliIO } from '../io';
import { renderTable, safeText } from '../table';

/**
 * `cookie-inspector catalog [--data DIR] [--json]`: validates the catalog (the bundled one, which
 * the build already validated, or a folder of catalog files being edited) and counts its entries.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { options } = parseArgs(args, { data: 'one', json: 'flag' });
  const dir = options.get('data')?.[0];
  let entries: CatalogEntry[] = bundled;
  if (dir) {
    const { loadCatalog } = await import('../../../scripts/lib/catalog-files');
    entries = loadCatalog(dir);
  }
  const stats = catalogStats(entries);
  if (options.has('json')) {
    io.stdout(`${JSON.stringify(stats, null, 2)}\n`);
    return 0;
  }
  io.stdout(
    `Catalog ${dir ? `in ${dir} ` : ''}is valid: ${stats.entries} entries (${stats.exact} exact names, ${stats.patterns} patterns) from ${stats.vendors} vendors.\n\n`,
  );
  io.stdout(
    renderTable(
      ['CATEGORY', 'ENTRIES'],
      Object.entries(stats.byCategory).map(([c, n]) => [c, String(n)]),
    ),
  );
  io.stdout('\n');
  io.stdout(
    renderTable(
      ['ORIGIN', 'ENTRIES'],
      Object.entries(stats.byOrigin).map(([o, n]) => [o, String(n)]),
    ),
  );
  io.stdout('\n');
  io.stdout(
    renderTable(
      ['VENDOR', 'ENTRIES'],
      Object.entries(stats.byVendor)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([v, n]) => [safeText(v, 50), String(n)]),
    ),
  );
  return 0;
}

export function catalogStats(entries: readonly CatalogEntry[]) {
  const byCategory = Object.fromEntries(CATEGORIES.filter((c) => c !== 'unknown').map((c) => [c, 0])) as Record<
    string,
    number
  >;
  const byVendor: Record<string, number> = {};
  const byOrigin: Record<string, number> = {};
  for (const e of entries) {
    byCategory[e.category] += 1;
    byVendor[e.vendor] = (byVendor[e.vendor] ?? 0) + 1;
    byOrigin[e.origin] = (byOrigin[e.origin] ?? 0) + 1;
  }
  return {
    entries: entries.length,
    exact: entries.filter((e) => e.name !== undefined).length,
    patterns: entries.filter((e) => e.pattern !== undefined).length,
    vendors: Object.keys(byVendor).length,
    byCategory,
    byOrigin,
    byVendor,
  };
}
