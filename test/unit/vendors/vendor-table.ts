import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { createLabeller } from '../../../src/core/label';
import type { Category, IfDeleted } from '../../../src/core/types';
import { loadCatalog } from '../../../src/node/catalog-files';

/**
 * Table tests for the vendor files transcribed from vendors' own documentation: each row is written
 * from the document, not from data/, and is labelled through the whole catalog, so an Open Cookie
 * Database entry or another vendor's pattern that wins over the vendor's own entry fails the row.
 */

const catalog = loadCatalog(resolve(import.meta.dirname, '../../../data'));
const labeller = createLabeller(catalog);

export interface VendorRow {
  /** The name or pattern as the document writes it. */
  name: string;
  /** A concrete cookie name for a pattern. */
  instance?: string;
  /** Where the test cookie sits; the page it is seen from is `site`. */
  domain: string;
  site: string;
  vendor: string;
  category: Exclude<Category, 'unknown'>;
  /** What deleting it does, where the document says so. */
  ifDeleted?: IfDeleted;
}

/** One test per row: the catalog file `file` (its slug) decides the label, with the document's category. */
export function vendorTable(file: string, rows: readonly VendorRow[]): void {
  it.each(rows)(`${file}: $name on $domain`, (row) => {
    const label = labeller.label(
      { name: row.instance ?? row.name, domain: row.domain, path: '/', value: 'x' },
      { topLevelUrl: row.site },
    );
    expect(label.entryId?.split('/')[0]).toBe(file);
    expect(label.vendor).toBe(row.vendor);
    expect(label.category).toBe(row.category);
    if (row.ifDeleted) expect(label.ifDeleted).toBe(row.ifDeleted);
    expect(['exact', 'pattern']).toContain(label.source);
  });
}
