import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type CatalogEntry, CatalogError, validateCatalog } from '../core/catalog-schema';

/**
 * Reading the catalog's files from disk, for everything that runs on Node: the build's catalog
 * plugin, the CLI's `catalog --data`, the importer, `format:data` and the tests.
 */

/**
 * Every catalog file under `dataDir`, in a stable order: `path` names it from the data folder on
 * (`data/vendors/acme.json`), as messages and entry ids do; `file` is where it is on disk.
 */
export function catalogFilePaths(dataDir: string): Array<{ path: string; file: string }> {
  const found: Array<{ path: string; file: string }> = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      // `_`-prefixed files and folders hold inputs to the catalog (import overrides), not entries.
      if (name.startsWith('_')) continue;
      const file = join(dir, name);
      if (statSync(file).isDirectory()) visit(file);
      // The JSON Schema of catalog files sits beside them but is not one.
      else if (name.endsWith('.json') && !name.endsWith('.schema.json')) {
        found.push({ path: relative(join(dataDir, '..'), file).split('\\').join('/'), file });
      }
    }
  };
  visit(dataDir);
  return found;
}

/** Every catalog file under `dataDir`, in a stable order, parsed but not yet validated. */
export function readCatalogFiles(dataDir: string): Array<{ path: string; data: unknown }> {
  return catalogFilePaths(dataDir).map(({ path, file }) => {
    // A file that cannot be read is about the folder; one that is not JSON is a fault in the catalog.
    const text = readFileSync(file, 'utf8');
    try {
      return { path, data: JSON.parse(text) as unknown };
    } catch (e) {
      throw new CatalogError([`${path}: not valid JSON: ${(e as Error).message}`]);
    }
  });
}

/** Reads and validates the whole catalog; throws a CatalogError naming every bad file and entry. */
export function loadCatalog(dataDir: string): CatalogEntry[] {
  return validateCatalog(readCatalogFiles(dataDir));
}
