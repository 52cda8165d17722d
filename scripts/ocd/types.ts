import type { RawEntry } from '../../src/core/catalog-schema';

/** A category a catalog entry can have (`unknown` is a label, never an entry). */
export type EntryCategory = RawEntry['category'];
