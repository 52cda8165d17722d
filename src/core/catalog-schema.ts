import * as v from 'valibot';
import { parseLifetime } from './lifetime';
import { compilePattern, isPattern } from './patterns';
import { fieldObject } from './schema-object';
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

/** A registrable domain or host as the catalog writes it: lower case, no leading dot. */
export const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
// Characters a cookie name cannot contain (RFC 6265 token) plus invisible look-alikes that
// only ever get there by copy and paste.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this rejects.
export const BAD_NAME_CHARS = /[\s;,="\\\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]|[\x00-\x1f\x7f]/;

const text = (field: string) => {
  const message = `"${field}" must be a non-empty string`;
  return v.pipe(
    v.string(message),
    v.check((value) => value.trim().length > 0, message),
  );
};
const flag = (field: string) => v.optional(v.boolean(`"${field}" must be true or false`));
const LIFETIME_HELP = '(use "session", "<n> <unit>", "variable: <note>" or "unknown")';

/**
 * One entry as written in a catalog file, field by field, in the order data/README.md lists them
 * and canonical form writes them. What involves several fields (exactly one of name and pattern,
 * a generic entry's domains, duplicates) is checked in `validateCatalogFile`.
 */
export const entrySchema = fieldObject({
  name: v.optional(
    v.pipe(
      text('name'),
      v.check((name) => !BAD_NAME_CHARS.test(name), '"name" contains a character a cookie name cannot hold'),
      v.check(
        (name) => !isPattern(name),
        (issue) => `"name" looks like a pattern; use "pattern" for "${String(issue.input)}"`,
      ),
    ),
  ),
  pattern: v.optional(
    v.pipe(
      text('pattern'),
      v.check((pattern) => !BAD_NAME_CHARS.test(pattern), '"pattern" contains a character a cookie name cannot hold'),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        try {
          compilePattern(dataset.value);
        } catch (e) {
          addIssue({ message: `invalid pattern: ${(e as Error).message}` });
        }
      }),
    ),
  ),
  vendor: v.optional(text('vendor')),
  category: v.picklist(
    ENTRY_CATEGORIES,
    (issue) => `unknown category ${JSON.stringify(issue.input)} (use ${ENTRY_CATEGORIES.join(', ')})`,
  ),
  purpose: v.pipe(
    text('purpose'),
    v.check(
      (purpose) => purpose.length <= MAX_PURPOSE_LENGTH,
      (issue) => `"purpose" is ${String(issue.input).length} characters; keep it under ${MAX_PURPOSE_LENGTH}`,
    ),
  ),
  lifetime: v.pipe(
    v.string((issue) => `invalid lifetime ${JSON.stringify(issue.input)} ${LIFETIME_HELP}`),
    v.check(
      (lifetime) => parseLifetime(lifetime) !== null,
      (issue) => `invalid lifetime ${JSON.stringify(issue.input)} ${LIFETIME_HELP}`,
    ),
  ),
  party: v.picklist(PARTIES, `"party" must be one of ${PARTIES.join(', ')}`),
  domains: v.optional(
    v.pipe(
      v.array(v.unknown(), '"domains" must be an array'),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        const seen = new Set<unknown>();
        for (const d of dataset.value) {
          if (typeof d !== 'string' || !DOMAIN.test(d)) {
            addIssue({ message: `invalid domain ${JSON.stringify(d)} (lower case, no leading dot)` });
          } else if (seen.has(d)) addIssue({ message: `domain "${d}" is listed twice` });
          seen.add(d);
        }
      }),
      v.transform((domains) => domains as string[]),
    ),
  ),
  ifDeleted: v.optional(
    v.picklist(
      ENTRY_IF_DELETED as EntryIfDeleted[],
      (issue) => `unknown "ifDeleted" ${JSON.stringify(issue.input)} (use ${ENTRY_IF_DELETED.join(', ')})`,
    ),
  ),
  embeddedCategory: v.optional(
    v.picklist(EMBEDDED_CATEGORIES, `"embeddedCategory" must be one of ${EMBEDDED_CATEGORIES.join(', ')}`),
  ),
  identifiable: flag('identifiable'),
  inferred: flag('inferred'),
  vendorCategory: v.optional(text('vendorCategory')),
  reason: v.optional(text('reason')),
  source: v.optional(text('source')),
  generic: flag('generic'),
  ocdId: v.optional(text('ocdId')),
});

/** A catalog file's own fields, in canonical order; its entries are checked one by one. */
export const fileSchema = fieldObject({
  $schema: v.optional(v.string('"$schema" must be a string')),
  vendor: text('vendor'),
  origin: v.picklist(ORIGINS, `"origin" must be one of ${ORIGINS.join(', ')}`),
  source: text('source'),
  website: v.optional(text('website')),
  cookies: v.array(v.unknown(), '"cookies" must be an array'),
});

/** One entry as written in a catalog file (the schema's output: its input is anything JSON holds). */
export type RawEntry = v.InferOutput<typeof entrySchema>;
export type CatalogFile = Omit<v.InferOutput<typeof fileSchema>, 'cookies' | '$schema'> & { cookies: RawEntry[] };

/** A file's fields, in the order its canonical form writes them (data/README.md, "A file"). */
export const FILE_FIELDS = Object.keys(fileSchema.entries) as ReadonlyArray<keyof typeof fileSchema.entries>;
/** An entry's fields, in the order data/README.md's entry table lists them and canonical form writes them. */
export const ENTRY_FIELDS = Object.keys(entrySchema.entries) as ReadonlyArray<keyof typeof entrySchema.entries>;
const FILE_FIELD_SET = new Set<string>(FILE_FIELDS);
const ENTRY_FIELD_SET = new Set<string>(ENTRY_FIELDS);

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
  const file = v.safeParse(fileSchema, data);
  if (!file.success) for (const issue of file.issues) fail(issue.message);
  if (!file.success || problems.length > 0) return { entries, problems };
  const { vendor, origin, source } = file.output;

  const slug = fileSlug(path);
  const seen = new Map<string, number>();
  file.output.cookies.forEach((raw: unknown, index: number) => {
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
    if ((raw.name !== undefined) === (raw.pattern !== undefined)) bad('needs exactly one of "name" or "pattern"');
    const parsed = v.safeParse(entrySchema, raw);
    if (!parsed.success) for (const issue of parsed.issues) bad(issue.message);
    if (!parsed.success || entryProblems.length > 0) {
      problems.push(...entryProblems);
      return;
    }
    const e = parsed.output;
    const domains = e.domains ?? [];
    if (e.embeddedCategory !== undefined && e.category !== 'essential' && e.category !== 'functional') {
      bad('"embeddedCategory" is for an essential or functional cookie that also tracks where it is embedded');
    }
    // The labeller uses a generic entry only on its own domains: without any it would label nothing.
    if (e.generic === true && domains.length === 0) {
      bad('"generic": true needs "domains", the only domains on which a generic name labels a cookie');
    }
    if (entryProblems.length > 0) {
      problems.push(...entryProblems);
      return;
    }
    const key = (e.name ?? e.pattern) as string;
    const entryVendor = e.vendor ?? vendor;
    // What the labeller sees: the vendor an entry resolves to and its set of domains, not how they are written.
    const dupKey = JSON.stringify([
      e.pattern !== undefined ? 'pattern' : 'name',
      key,
      entryVendor,
      [...domains].sort(),
    ]);
    const firstIndex = seen.get(dupKey);
    if (firstIndex !== undefined) {
      problems.push(`${path}: ${where}: duplicate of entry ${firstIndex} (same name, vendor and domains)`);
      return;
    }
    seen.set(dupKey, index);
    const sameKey = entries.filter((x) => (x.name ?? x.pattern) === key).length;
    const entry: CatalogEntry = {
      id: `${slug}/${key}${sameKey > 0 ? `#${sameKey + 1}` : ''}`,
      vendor: entryVendor,
      category: e.category,
      purpose: e.purpose,
      lifetime: parseLifetime(e.lifetime) as Lifetime,
      party: e.party,
      domains,
      source: e.source ?? source,
      origin,
    };
    if (e.name !== undefined) entry.name = e.name;
    else entry.pattern = e.pattern;
    if (e.ifDeleted !== undefined) entry.ifDeleted = e.ifDeleted;
    if (e.embeddedCategory !== undefined) entry.embeddedCategory = e.embeddedCategory;
    if (e.vendor !== undefined && e.vendor !== vendor) entry.listedBy = vendor;
    for (const flag of ['identifiable', 'inferred', 'generic'] as const) {
      if (e[flag] !== undefined) entry[flag] = e[flag];
    }
    for (const field of ['vendorCategory', 'reason'] as const) {
      if (e[field] !== undefined) entry[field] = e[field];
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
