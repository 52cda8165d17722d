import { parseLifetime } from './lifetime';
import { compilePattern, isPattern } from './patterns';
import { type Category, type DeclaredParty, IF_DELETED, type IfDeleted, type Lifetime, PARTIES } from './types';

/**
 * The catalog's file format and its validation. Each JSON file in `data/` describes the cookies of
 * one vendor (see data/README.md). Validation is strict: an unknown field is more likely a typo
 * than a new feature, and a typo must not silently drop a fact.
 */

export const ENTRY_CATEGORIES = ['essential', 'functional', 'analytics', 'marketing'] as const;
/** What a catalog entry may say deleting the cookie does; `unknown` is the labeller's word, not the catalog's. */
export const ENTRY_IF_DELETED = IF_DELETED.filter((v): v is Exclude<IfDeleted, 'unknown'> => v !== 'unknown');
export type EntryIfDeleted = Exclude<IfDeleted, 'unknown'>;
/** The categories an entry may take when it is seen from another site (a sign-in cookie that also tracks). */
export const EMBEDDED_CATEGORIES = ['analytics', 'marketing'] as const;
export type EmbeddedCategory = (typeof EMBEDDED_CATEGORIES)[number];

export const ORIGINS = ['vendor-documentation', 'open-cookie-database'] as const;
export type Origin = (typeof ORIGINS)[number];

export const MAX_PURPOSE_LENGTH = 160;

/** One entry as written in a catalog file. */
export interface RawEntry {
  name?: string;
  pattern?: string;
  vendor?: string;
  category: Exclude<Category, 'unknown'>;
  purpose: string;
  lifetime: string;
  party: DeclaredParty;
  domains?: string[];
  ifDeleted?: EntryIfDeleted;
  embeddedCategory?: EmbeddedCategory;
  identifiable?: boolean;
  inferred?: boolean;
  vendorCategory?: string;
  reason?: string;
  source?: string;
  generic?: boolean;
  ocdId?: string;
}

export interface CatalogFile {
  vendor: string;
  origin: Origin;
  source: string;
  website?: string;
  cookies: RawEntry[];
}

/** A validated entry, ready to be compiled into a matcher. Plain data: it is shipped as JSON. */
export interface CatalogEntry {
  id: string;
  name?: string;
  pattern?: string;
  vendor: string;
  listedBy?: string;
  category: Exclude<Category, 'unknown'>;
  purpose: string;
  lifetime: Lifetime;
  party: DeclaredParty;
  domains: string[];
  /** What deleting it does, where the documentation says so; otherwise the labeller's rules decide. */
  ifDeleted?: EntryIfDeleted;
  /**
   * The category the cookie has on another site's tab: a sign-in cookie that also recognises the
   * person on every site that embeds the platform. On its own site it is `category`.
   */
  embeddedCategory?: EmbeddedCategory;
  identifiable?: boolean;
  inferred?: boolean;
  vendorCategory?: string;
  reason?: string;
  source: string;
  origin: Origin;
  generic?: boolean;
}

/**
 * What the labeller needs of an entry, and so what the extension ships: the review notes (`reason`,
 * `vendorCategory`) and the document each fact came from (`source`) stay in data/, where a person
 * checks them, and cost the service worker about a seventh of the catalog's size.
 */
export type LabellingEntry = Omit<CatalogEntry, 'reason' | 'source' | 'vendorCategory'>;

export function toLabellingEntry(entry: CatalogEntry): LabellingEntry {
  const { reason: _reason, source: _source, vendorCategory: _vendorCategory, ...rest } = entry;
  return rest;
}

export class CatalogError extends Error {
  constructor(readonly problems: string[]) {
    super(`The catalog is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'CatalogError';
  }
}

/** A file's fields, in the order its canonical form writes them (data/README.md, "A file"). */
export const FILE_FIELDS = ['$schema', 'vendor', 'origin', 'source', 'website', 'cookies'] as const;
/** An entry's fields, in the order data/README.md's entry table lists them and canonical form writes them. */
export const ENTRY_FIELDS = [
  'name',
  'pattern',
  'vendor',
  'category',
  'purpose',
  'lifetime',
  'party',
  'domains',
  'ifDeleted',
  'embeddedCategory',
  'identifiable',
  'inferred',
  'vendorCategory',
  'reason',
  'source',
  'generic',
  'ocdId',
] as const;
const FILE_FIELD_SET = new Set<string>(FILE_FIELDS);
const ENTRY_FIELD_SET = new Set<string>(ENTRY_FIELDS);
/** A registrable domain or host as the catalog writes it: lower case, no leading dot. */
export const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
// Characters a cookie name cannot contain (RFC 6265 token) plus invisible look-alikes that
// only ever get there by copy and paste.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this rejects.
export const BAD_NAME_CHARS = /[\s;,="\\\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]|[\x00-\x1f\x7f]/;

/** The id part of a file path: `data/vendors/deskpro.json` -> `deskpro`. */
export function fileSlug(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.replace(/\.json$/, '');
}

/**
 * Validates one parsed catalog file and returns its entries, or the list of problems, each naming
 * the file and the entry.
 */
export function validateCatalogFile(path: string, data: unknown): { entries: CatalogEntry[]; problems: string[] } {
  const problems: string[] = [];
  const entries: CatalogEntry[] = [];
  const fail = (msg: string) => problems.push(`${path}: ${msg}`);
  if (!isObject(data)) {
    fail('the file must hold a JSON object');
    return { entries, problems };
  }
  for (const key of Object.keys(data)) {
    if (!FILE_FIELD_SET.has(key)) fail(`unknown field "${key}" at the top level`);
  }
  const vendor = data.vendor;
  if (!nonEmptyString(vendor)) fail('"vendor" must be a non-empty string');
  if (!ORIGINS.includes(data.origin as Origin)) fail(`"origin" must be one of ${ORIGINS.join(', ')}`);
  if (!nonEmptyString(data.source)) fail('"source" must be a non-empty string');
  if (data.website !== undefined && !nonEmptyString(data.website)) fail('"website" must be a string');
  if (!Array.isArray(data.cookies)) {
    fail('"cookies" must be an array');
    return { entries, problems };
  }
  if (problems.length > 0) return { entries, problems };

  const slug = fileSlug(path);
  const seen = new Map<string, number>();
  data.cookies.forEach((raw: unknown, index: number) => {
    const where = `entry ${index}${isObject(raw) && typeof (raw.name ?? raw.pattern) === 'string' ? ` ("${raw.name ?? raw.pattern}")` : ''}`;
    const entryProblems: string[] = [];
    const bad = (msg: string) => entryProblems.push(`${path}: ${where}: ${msg}`);
    if (!isObject(raw)) {
      bad('must be an object');
      problems.push(...entryProblems);
      return;
    }
    for (const key of Object.keys(raw)) {
      if (!ENTRY_FIELD_SET.has(key)) bad(`unknown field "${key}"`);
    }
    const hasName = raw.name !== undefined;
    const hasPattern = raw.pattern !== undefined;
    if (hasName === hasPattern) bad('needs exactly one of "name" or "pattern"');
    if (hasName) {
      if (!nonEmptyString(raw.name)) bad('"name" must be a non-empty string');
      else if (BAD_NAME_CHARS.test(raw.name)) bad(`"name" contains a character a cookie name cannot hold`);
      else if (isPattern(raw.name)) bad(`"name" looks like a pattern; use "pattern" for "${raw.name}"`);
    }
    if (hasPattern) {
      if (!nonEmptyString(raw.pattern)) bad('"pattern" must be a non-empty string');
      else if (BAD_NAME_CHARS.test(raw.pattern)) bad('"pattern" contains a character a cookie name cannot hold');
      else {
        try {
          compilePattern(raw.pattern);
        } catch (e) {
          bad(`invalid pattern: ${(e as Error).message}`);
        }
      }
    }
    if (raw.vendor !== undefined && !nonEmptyString(raw.vendor)) bad('"vendor" must be a non-empty string');
    if (!ENTRY_CATEGORIES.includes(raw.category as never)) {
      bad(`unknown category ${JSON.stringify(raw.category)} (use ${ENTRY_CATEGORIES.join(', ')})`);
    }
    if (!nonEmptyString(raw.purpose)) bad('"purpose" must be a non-empty string');
    else if (raw.purpose.length > MAX_PURPOSE_LENGTH) {
      bad(`"purpose" is ${raw.purpose.length} characters; keep it under ${MAX_PURPOSE_LENGTH}`);
    }
    const lifetime = typeof raw.lifetime === 'string' ? parseLifetime(raw.lifetime) : null;
    if (!lifetime) {
      bad(
        `invalid lifetime ${JSON.stringify(raw.lifetime)} (use "session", "<n> <unit>", "variable: <note>" or "unknown")`,
      );
    }
    if (!PARTIES.includes(raw.party as DeclaredParty)) bad(`"party" must be one of ${PARTIES.join(', ')}`);
    const domains: string[] = [];
    if (raw.domains !== undefined) {
      if (!Array.isArray(raw.domains)) bad('"domains" must be an array');
      else {
        for (const d of raw.domains) {
          if (typeof d !== 'string' || !DOMAIN.test(d))
            bad(`invalid domain ${JSON.stringify(d)} (lower case, no leading dot)`);
          else if (domains.includes(d)) bad(`domain "${d}" is listed twice`);
          else domains.push(d);
        }
      }
    }
    if (raw.ifDeleted !== undefined && !ENTRY_IF_DELETED.includes(raw.ifDeleted as EntryIfDeleted)) {
      bad(`unknown "ifDeleted" ${JSON.stringify(raw.ifDeleted)} (use ${ENTRY_IF_DELETED.join(', ')})`);
    }
    if (raw.embeddedCategory !== undefined) {
      if (!EMBEDDED_CATEGORIES.includes(raw.embeddedCategory as EmbeddedCategory)) {
        bad(`"embeddedCategory" must be one of ${EMBEDDED_CATEGORIES.join(', ')}`);
      } else if (raw.category !== 'essential' && raw.category !== 'functional') {
        bad('"embeddedCategory" is for an essential or functional cookie that also tracks where it is embedded');
      }
    }
    for (const flag of ['identifiable', 'inferred', 'generic'] as const) {
      if (raw[flag] !== undefined && typeof raw[flag] !== 'boolean') bad(`"${flag}" must be true or false`);
    }
    // The labeller uses a generic entry only on its own domains: without any it would label nothing.
    if (raw.generic === true && domains.length === 0 && entryProblems.length === 0) {
      bad('"generic": true needs "domains", the only domains on which a generic name labels a cookie');
    }
    for (const text of ['vendorCategory', 'reason', 'source', 'ocdId'] as const) {
      if (raw[text] !== undefined && !nonEmptyString(raw[text])) bad(`"${text}" must be a non-empty string`);
    }
    if (entryProblems.length > 0 || !lifetime) {
      problems.push(...entryProblems);
      return;
    }
    const key = (raw.name ?? raw.pattern) as string;
    const entryVendor = (raw.vendor as string | undefined) ?? (vendor as string);
    // What the labeller sees: the vendor an entry resolves to and its set of domains, not how they are written.
    const dupKey = JSON.stringify([hasPattern ? 'pattern' : 'name', key, entryVendor, [...domains].sort()]);
    const firstIndex = seen.get(dupKey);
    if (firstIndex !== undefined) {
      problems.push(`${path}: ${where}: duplicate of entry ${firstIndex} (same name, vendor and domains)`);
      return;
    }
    seen.set(dupKey, index);
    const sameKey = entries.filter((e) => (e.name ?? e.pattern) === key).length;
    const entry: CatalogEntry = {
      id: `${slug}/${key}${sameKey > 0 ? `#${sameKey + 1}` : ''}`,
      vendor: entryVendor,
      category: raw.category as CatalogEntry['category'],
      purpose: raw.purpose as string,
      lifetime,
      party: raw.party as DeclaredParty,
      domains,
      source: (raw.source as string | undefined) ?? (data.source as string),
      origin: data.origin as Origin,
    };
    if (hasName) entry.name = raw.name as string;
    else entry.pattern = raw.pattern as string;
    if (raw.ifDeleted !== undefined) entry.ifDeleted = raw.ifDeleted as EntryIfDeleted;
    if (raw.embeddedCategory !== undefined) entry.embeddedCategory = raw.embeddedCategory as EmbeddedCategory;
    if (raw.vendor !== undefined && raw.vendor !== vendor) entry.listedBy = vendor as string;
    for (const flag of ['identifiable', 'inferred', 'generic'] as const) {
      if (raw[flag] !== undefined) entry[flag] = raw[flag] as boolean;
    }
    for (const text of ['vendorCategory', 'reason'] as const) {
      if (raw[text] !== undefined) entry[text] = raw[text] as string;
    }
    entries.push(entry);
  });
  return { entries, problems };
}

/** Validates every file; throws a CatalogError listing every problem in every file. */
export function validateCatalog(files: ReadonlyArray<{ path: string; data: unknown }>): CatalogEntry[] {
  const all: CatalogEntry[] = [];
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const { path, data } of files) {
    const result = validateCatalogFile(path, data);
    problems.push(...result.problems);
    for (const entry of result.entries) {
      const other = ids.get(entry.id);
      if (other === path) {
        // Only a name that ends like the numbering of repeated names (`x#2` beside two `x`) gets here.
        problems.push(
          `${path}: entry id "${entry.id}" is given to two entries of this file: a name ending in "#<n>" reads as the number of a repeated name`,
        );
      } else if (other) {
        problems.push(`${path}: entry id "${entry.id}" is also used in ${other}; rename one file`);
      }
      ids.set(entry.id, path);
      all.push(entry);
    }
  }
  if (problems.length > 0) throw new CatalogError(problems);
  return all;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
