import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type CatalogEntry, CatalogError, validateCatalog } from '../../src/core/catalog-schema';

/** Every catalog file under `dataDir`, in a stable order, parsed but not yet validated. */
export function readCatalogFiles(dataDir: string): Array<{ path: string; data: unknown }> {
  const files: Array<{ path: string; data: unknown }> = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      // `_`-prefixed files and folders hold inputs to the catalog (import overrides), not entries.
      if (name.startsWith('_')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (name.endsWith('.json')) {
        const path = relative(join(dataDir, '..'), full).split('\\').join('/');
        let data: unknown;
        try {
          data = JSON.parse(readFileSync(full, 'utf8'));
        } catch (e) {
          throw new CatalogError([`${path}: not valid JSON: ${(e as Error).message}`]);
        }
        files.push({ path, data });
      }
    }
  };
  visit(dataDir);
  return files;
}

/** Reads and validates the whole catalog; throws a CatalogError naming every bad file and entry. */
export function loadCatalog(dataDir: string): CatalogEntry[] {
  return validateCatalog(readCatalogFiles(dataDir));
}
