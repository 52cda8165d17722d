import type { PurposeLabel } from './build';

/**
 * Labels a purpose file's notes with the cookie and vendor of their row, so a person reading the
 * file or its diff sees which cookie a purpose is about (the key is the database's row ID, which
 * says nothing). Only the labels change: the notes keep their order and every other field, and a
 * note for a row the database no longer has keeps its old label.
 */
export function labelPurposeFile(data: unknown, labels: ReadonlyMap<string, PurposeLabel>): unknown {
  if (!isObject(data)) return data;
  return Object.fromEntries(
    Object.entries(data).map(([id, note]): [string, unknown] => {
      const label = labels.get(id.toLowerCase());
      if (id.startsWith('$') || !label || !isObject(note)) return [id, note];
      const { cookie: _cookie, vendor: _vendor, ...rest } = note;
      // Fields first, so the label sits on the lines above the purpose in every diff.
      return [id, { cookie: label.cookie, vendor: label.vendor, ...rest }];
    }),
  );
}

/** A purpose file as we write it: 2-space JSON with a final line break, as a person would. */
export function formatPurposeFile(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
