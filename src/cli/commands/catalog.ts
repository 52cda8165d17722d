import { loadEntries } from 'virtual:catalog';
import { type CatalogEntry, CatalogError, type LabellingEntry, validateCatalog } from '../../core/catalog-schema';
import { CATEGORIES } from '../../core/types';
import { parseArgs } from '../args';
import { type CliIO, fileErrorText, UsageError } from '../io';
import { renderTable, safeText } from '../table';

/**
 * `cookie-inspector catalog [--data DIR] [--json]`: validates the catalog (the bundled one, which
 * the build already validated, or a folder of catalog files being edited) and counts its entries.
 * Exit status: 0 valid; 1 the catalog is invalid (every problem is listed, naming file and entry);
 * 2 the command was misused (an argument, or a folder that cannot be read or holds no catalog file).
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(args, { data: 'one', json: 'flag' });
  if (positional.length > 0) {
    throw new UsageError(
      `takes no arguments, not "${positional[0]}"; to check a folder of catalog files use --data DIR`,
    );
  }
  const dir = options.get('data')?.[0];
  const entries = dir ? await loadFolder(dir) : loadEntries();
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

async function loadFolder(dir: string): Promise<CatalogEntry[]> {
  const { readCatalogFiles } = await import('../../node/catalog-files');
  let files: ReturnType<typeof readCatalogFiles>;
  try {
    files = readCatalogFiles(dir);
  } catch (error) {
    // A file that is not JSON is a fault in the catalog; anything else is about the folder itself.
    if (error instanceof CatalogError) throw error;
    throw new UsageError(`cannot read the catalog folder ${dir}: ${fileErrorText(error)}`);
  }
  // An empty result would read as "valid, 0 entries" when the folder is simply the wrong one.
  if (files.length === 0) throw new UsageError(`no catalog files (*.json) in ${dir}`);
  return validateCatalog(files);
}

export function catalogStats(entries: readonly LabellingEntry[]) {
  // Maps, not objects: a vendor named `constructor` or `__proto__` is counted like any other.
  const byCategory = new Map<string, number>(CATEGORIES.filter((c) => c !== 'unknown').map((c) => [c, 0]));
  const byVendor = new Map<string, number>();
  const byOrigin = new Map<string, number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const e of entries) {
    count(byCategory, e.category);
    count(byVendor, e.vendor);
    count(byOrigin, e.origin);
  }
  return {
    entries: entries.length,
    exact: entries.filter((e) => e.name !== undefined).length,
    patterns: entries.filter((e) => e.pattern !== undefined).length,
    vendors: byVendor.size,
    // Object.fromEntries defines own properties, so even `__proto__` is a plain key in the JSON.
    byCategory: Object.fromEntries(byCategory) as Record<string, number>,
    byOrigin: Object.fromEntries(byOrigin) as Record<string, number>,
    byVendor: Object.fromEntries(byVendor) as Record<string, number>,
  };
}
