import { unzipSync, type Zippable, zipSync } from 'fflate';

/**
 * Every entry's time: the earliest a ZIP (DOS) timestamp can say. Built from local fields because
 * the format stores local fields, so the bytes are the same in every time zone.
 */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const STORED = /\.(png|jpe?g|gif|webp|woff2?)$/i;

/**
 * A ZIP of the files (path -> bytes, `/`-separated, no directory entries), the same bytes for the
 * same files: entries in sorted order, fixed timestamps, no extra fields.
 */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const paths = [...files.keys()].sort(byCodeUnits);
  const entries: Zippable = {};
  for (const path of paths) {
    if (path === '' || path.startsWith('/') || path.split('/').some((p) => p === '' || p === '.' || p === '..')) {
      throw new Error(`"${path}" cannot be a path inside a package`);
    }
    entries[path] = [files.get(path)!, { level: STORED.test(path) ? 0 : 9, mtime: FIXED_TIME }];
  }
  // An object puts integer-like keys first whatever the insertion order ("16" before "a.js").
  if (Object.keys(entries).some((k, i) => k !== paths[i])) {
    throw new Error('the package paths could not be kept in sorted order');
  }
  return zipSync(entries);
}

/** The files of a ZIP, path -> bytes, without directory entries. */
export function unzipFiles(zip: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [path, bytes] of Object.entries(unzipSync(zip))) if (!path.endsWith('/')) files.set(path, bytes);
  return files;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
