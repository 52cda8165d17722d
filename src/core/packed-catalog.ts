import type { LabellingEntry } from './catalog-schema';

/**
 * The catalog as the extension ships it: each entry a row of values in a fixed field order, and the
 * values of fields that repeat a few words (vendor, category, party, origin...) written once and
 * referred to by number. Half the size of the entries' own JSON, which matters because a waking
 * service worker's engine reads every character of its script before the worker can do anything
 * (without the catalog's megabyte, its listeners were up 18 to 55 ms sooner in two cold runs;
 * `npm run bench -- popup` shows the cold worker's phases).
 *
 * The form is generic: nothing here names a field, so a new catalog field needs no change. It is
 * made at build time (scripts/lib/vite-catalog-plugin.ts) from validated entries and read back in
 * the worker and the CLI; test/unit/shipped-catalog.test.ts holds the round trip to the entries.
 */
export interface PackedCatalog {
  /** Field names, in the order every row holds their values. */
  fields: string[];
  /** For each field: true when its values are indexes into `words`. */
  worded: boolean[];
  words: string[];
  /** One per entry; null (or a row that ends early) where the entry lacks the field. */
  rows: unknown[][];
}

/** A field is written by number when its values are strings and each is used four times on average. */
const REPEATS_FOR_WORDS = 4;

export function packCatalog(entries: readonly LabellingEntry[]): PackedCatalog {
  const fields: string[] = [];
  for (const entry of entries) {
    for (const [field, value] of Object.entries(entry)) {
      // JSON null is how a row says "absent": a field that holds it could not come back.
      if (value === null) throw new Error(`catalog entry ${entry.id}: "${field}" is null`);
      if (!fields.includes(field)) fields.push(field);
    }
  }
  const worded = fields.map((field) => {
    const values = entries.filter((e) => Object.hasOwn(e, field)).map((e) => (e as Record<string, unknown>)[field]);
    return values.every((v) => typeof v === 'string') && new Set(values).size * REPEATS_FOR_WORDS <= values.length;
  });
  const words: string[] = [];
  const wordIndex = new Map<string, number>();
  const rows = entries.map((entry) => {
    const record = entry as unknown as Record<string, unknown>;
    const row = fields.map((field, i) => {
      if (!Object.hasOwn(record, field)) return null;
      const value = record[field];
      if (!worded[i]) return value;
      let index = wordIndex.get(value as string);
      if (index === undefined) {
        index = words.push(value as string) - 1;
        wordIndex.set(value as string, index);
      }
      return index;
    });
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  return { fields, worded, words, rows };
}

/** The entries back (their fields in the order of `fields`). */
export function unpackCatalog(packed: PackedCatalog): LabellingEntry[] {
  const { fields, worded, words, rows } = packed;
  const entries: LabellingEntry[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const entry: Record<string, unknown> = {};
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      if (value !== null) entry[fields[i]] = worded[i] ? words[value as number] : value;
    }
    entries[r] = entry as unknown as LabellingEntry;
  }
  return entries;
}
