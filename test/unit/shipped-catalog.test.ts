import { resolve } from 'node:path';
import { loadEntries } from 'virtual:catalog';
import { describe, expect, it } from 'vitest';
import { generateCookies } from '../../scripts/bench/labelling';
import { toLabellingEntry } from '../../src/core/catalog-schema';
import { createLabeller } from '../../src/core/label';
import { loadCatalog } from '../../src/node/catalog-files';

const full = loadCatalog(resolve(import.meta.dirname, '../../data'));
const shipped = loadEntries();

describe('the catalog the extension ships', () => {
  it('holds every entry, without the review notes and sources', () => {
    expect(shipped).toHaveLength(full.length);
    expect(shipped.map((e) => e.id)).toEqual(full.map((e) => e.id));
    for (const entry of shipped) {
      expect(Object.keys(entry)).not.toContain('reason');
      expect(Object.keys(entry)).not.toContain('source');
      expect(Object.keys(entry)).not.toContain('vendorCategory');
    }
    expect(full.every((e) => typeof e.source === 'string')).toBe(true);
  });

  it('comes back from its packed form entry for entry, field for field', () => {
    expect(shipped).toEqual(full.map(toLabellingEntry));
  });

  it('labels every cookie exactly as the full catalog does', () => {
    const fromShipped = createLabeller(shipped);
    const fromFull = createLabeller(full);
    const context = { topLevelUrl: 'https://www.example.com/', vendorsOnPage: ['Creatio'], now: 1_750_000_000 };
    for (const cookie of generateCookies(full, 5_000)) {
      expect(fromShipped.label(cookie, context)).toEqual(fromFull.label(cookie, context));
    }
  });
});
