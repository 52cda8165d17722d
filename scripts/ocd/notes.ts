import { ENTRY_CATEGORIES, MAX_PURPOSE_LENGTH } from '../../src/core/catalog-schema';
import { parseLifetime } from '../../src/core/lifetime';
import { type DeclaredParty, PARTIES } from '../../src/core/types';
import type { EntryCategory } from './types';

/**
 * Our own work on top of the database, kept outside the generated files so a re-import never loses
 * it, and keyed by the database's row ID (a UUID that survives upstream edits to the row):
 * - data/_ocd-purposes/*.json: purposes in our words, and where needed the essential/functional call;
 * - data/_ocd-overrides.json: corrections of upstream facts, each with its reason.
 */

export interface PurposeNote {
  purpose: string;
  category?: EntryCategory;
  reason?: string;
  /**
   * The cookie's name or pattern and vendor as the import last saw them: a label for the person
   * reading the file or its diff, which the row ID alone does not tell. They decide nothing; the
   * import reports a label that no longer matches its row, and `--label-purposes` rewrites it.
   */
  cookie?: string;
  vendor?: string;
  /** The file it came from, for messages. */
  file: string;
}

export interface Override {
  reason: string;
  drop?: boolean;
  name?: string;
  wildcard?: boolean;
  vendor?: string;
  category?: EntryCategory;
  domains?: string[];
  addDomains?: string[];
  party?: DeclaredParty;
  lifetime?: string;
}

export class NotesError extends Error {
  constructor(readonly problems: string[]) {
    super(`Our import notes are invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'NotesError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;
const PURPOSE_FIELDS = new Set(['cookie', 'vendor', 'purpose', 'category', 'reason']);
const OVERRIDE_FIELDS = new Set([
  'reason',
  'drop',
  'name',
  'wildcard',
  'vendor',
  'category',
  'domains',
  'addDomains',
  'party',
  'lifetime',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/**
 * Merges the purpose files (parsed JSON, in a stable order). The same ID in two files is fine when
 * both say the same; otherwise it is an error naming both, since picking one would drop the other.
 */
export function readPurposeFiles(files: ReadonlyArray<{ path: string; data: unknown }>): Map<string, PurposeNote> {
  const notes = new Map<string, PurposeNote>();
  const problems: string[] = [];
  for (const { path, data } of files) {
    if (!isObject(data)) {
      problems.push(`${path}: must hold an object keyed by Open Cookie Database ID`);
      continue;
    }
    for (const [rawId, value] of Object.entries(data)) {
      if (rawId.startsWith('$')) continue;
      const id = rawId.toLowerCase();
      const bad = (msg: string) => problems.push(`${path}: ${rawId}: ${msg}`);
      if (!UUID.test(id)) bad('the key is not a UUID');
      if (!isObject(value)) {
        bad('must be an object with "purpose"');
        continue;
      }
      for (const key of Object.keys(value)) if (!PURPOSE_FIELDS.has(key)) bad(`unknown field "${key}"`);
      if (!text(value.purpose)) bad('"purpose" must be a non-empty string');
      else if (value.purpose.length > MAX_PURPOSE_LENGTH) {
        bad(`"purpose" is ${value.purpose.length} characters; keep it under ${MAX_PURPOSE_LENGTH}`);
      }
      if (value.category !== undefined && !ENTRY_CATEGORIES.includes(value.category as EntryCategory)) {
        bad(`unknown category ${JSON.stringify(value.category)} (use ${ENTRY_CATEGORIES.join(', ')})`);
      }
      for (const key of ['reason', 'cookie', 'vendor'] as const) {
        if (value[key] !== undefined && !text(value[key])) bad(`"${key}" must be a non-empty string`);
      }
      const note: PurposeNote = { purpose: String(value.purpose ?? '').trim(), file: path };
      if (value.category !== undefined) note.category = value.category as EntryCategory;
      if (value.reason !== undefined) note.reason = String(value.reason).trim();
      if (typeof value.cookie === 'string') note.cookie = value.cookie;
      if (typeof value.vendor === 'string') note.vendor = value.vendor;
      const other = notes.get(id);
      if (other) {
        const same = other.purpose === note.purpose && other.category === note.category && other.reason === note.reason;
        if (!same) bad(`also in ${other.file} with different content; keep one`);
        continue;
      }
      notes.set(id, note);
    }
  }
  if (problems.length > 0) throw new NotesError(problems);
  return notes;
}

/** Validates data/_ocd-overrides.json; every override must say why it exists. */
export function readOverrides(path: string, data: unknown): Map<string, Override> {
  const overrides = new Map<string, Override>();
  const problems: string[] = [];
  if (!isObject(data)) throw new NotesError([`${path}: must hold an object keyed by Open Cookie Database ID`]);
  for (const [rawId, value] of Object.entries(data)) {
    if (rawId.startsWith('$')) continue;
    const id = rawId.toLowerCase();
    const bad = (msg: string) => problems.push(`${path}: ${rawId}: ${msg}`);
    if (!UUID.test(id)) bad('the key is not a UUID');
    if (!isObject(value)) {
      bad('must be an object with "reason"');
      continue;
    }
    for (const key of Object.keys(value)) if (!OVERRIDE_FIELDS.has(key)) bad(`unknown field "${key}"`);
    if (!text(value.reason)) bad('"reason" must say why the override exists');
    if (value.drop !== undefined && value.drop !== true) bad('"drop" must be true when present');
    for (const key of ['name', 'vendor'] as const) {
      if (value[key] !== undefined && !text(value[key])) bad(`"${key}" must be a non-empty string`);
    }
    if (value.wildcard !== undefined && typeof value.wildcard !== 'boolean') bad('"wildcard" must be true or false');
    if (value.category !== undefined && !ENTRY_CATEGORIES.includes(value.category as EntryCategory)) {
      bad(`unknown category ${JSON.stringify(value.category)}`);
    }
    for (const key of ['domains', 'addDomains'] as const) {
      const list = value[key];
      if (list === undefined) continue;
      if (!Array.isArray(list) || list.some((d) => typeof d !== 'string' || !DOMAIN.test(d))) {
        bad(`"${key}" must be a list of lower-case domains without a leading dot`);
      }
    }
    if (value.party !== undefined && !PARTIES.includes(value.party as DeclaredParty)) {
      bad(`"party" must be one of ${PARTIES.join(', ')}`);
    }
    if (value.lifetime !== undefined && (typeof value.lifetime !== 'string' || !parseLifetime(value.lifetime))) {
      bad('"lifetime" must be canonical ("session", "<n> <unit>", "variable: <note>" or "unknown")');
    }
    overrides.set(id, value as unknown as Override);
  }
  if (problems.length > 0) throw new NotesError(problems);
  return overrides;
}

function words(textValue: string): string[] {
  return textValue
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/** The longest run of consecutive words two texts share (case and punctuation ignored). */
export function longestSharedRun(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let best = 0;
  let previous = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const current = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        current[j] = previous[j - 1] + 1;
        if (current[j] > best) best = current[j];
      }
    }
    previous = current;
  }
  return best;
}

/** Ten words in a row from the database's description, or all of a short purpose, is a copy. */
export const COPIED_RUN = 10;
/** Six words in a row is a close paraphrase: kept, but reported for rewording. */
export const CLOSE_RUN = 6;

/**
 * How a written purpose relates to the database's description: `copied` (never shipped: the
 * importer falls back to generic text), `close` (reported), or `own`.
 */
export function purposeOriginality(purpose: string, description: string): 'copied' | 'close' | 'own' {
  const run = longestSharedRun(purpose, description);
  const length = words(purpose).length;
  if (length > 0 && (run >= COPIED_RUN || (run === length && length >= 4))) return 'copied';
  return run >= CLOSE_RUN ? 'close' : 'own';
}
