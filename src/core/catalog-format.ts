import { ENTRY_FIELDS, FILE_FIELDS } from './catalog-schema';

/**
 * The canonical form of a catalog file (data/README.md, "Canonical form"), owned here alone: the
 * importer writes it, `npm run format:data` rewrites files into it, and the catalog test checks it.
 * One form means a diff shows what changed in the facts, never how an editor happened to save them.
 */

/** The JSON Schema of a catalog file, at the top of data/. */
export const CATALOG_SCHEMA_FILE = 'catalog-file.schema.json';

/**
 * The `$schema` of a catalog file: the schema's path relative to the file, so an editor finds it.
 * `path` is as the loader names files, starting with the data folder: `data/vendors/acme.json`.
 */
export function schemaReference(path: string): string {
  const foldersBelowData = path.split('/').length - 2;
  return foldersBelowData > 0 ? `${'../'.repeat(foldersBelowData)}${CATALOG_SCHEMA_FILE}` : CATALOG_SCHEMA_FILE;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The object's own keys, the known ones in `order` and any others after them as they came, so
 * nothing is lost: the validator names an unknown field, formatting keeps it for a person to see.
 */
function ordered(value: Record<string, unknown>, order: readonly string[]): Array<[string, unknown]> {
  const known = order.filter((key) => Object.hasOwn(value, key));
  const rest = Object.keys(value).filter((key) => !order.includes(key));
  return [...known, ...rest].map((key) => [key, value[key]]);
}

/** The text entries are sorted by; an entry without one goes last, as `sort()` puts `undefined`. */
function sortKey(entry: unknown): string | undefined {
  if (!isObject(entry)) return undefined;
  if (typeof entry.name === 'string') return entry.name;
  return typeof entry.pattern === 'string' ? entry.pattern : undefined;
}

function compareEntries(a: unknown, b: unknown): number {
  const x = sortKey(a);
  const y = sortKey(b);
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
  // Character-code order, as JavaScript's default sort(); sort() is stable, so same names keep their order.
  return x < y ? -1 : x > y ? 1 : 0;
}

function canonicalEntry(entry: unknown): unknown {
  // Object.fromEntries defines own properties, so a key such as `__proto__` stays a key.
  return isObject(entry) ? Object.fromEntries(ordered(entry, ENTRY_FIELDS)) : entry;
}

/**
 * The file's data in canonical form: `$schema` pointing at the schema, top-level fields and each
 * entry's fields in the order of data/README.md's tables, `cookies` sorted by name or pattern.
 * Anything that is not a catalog file's shape is returned as it is, for the validator to name.
 */
export function canonicalCatalogFile(path: string, data: unknown): unknown {
  if (!isObject(data)) return data;
  const withSchema = { ...data, $schema: schemaReference(path) };
  return Object.fromEntries(
    ordered(withSchema, FILE_FIELDS).map(([key, value]): [string, unknown] =>
      key === 'cookies' && Array.isArray(value)
        ? [key, [...value].sort(compareEntries).map(canonicalEntry)]
        : [key, value],
    ),
  );
}

/** The text of a catalog file in canonical form: 2-space JSON and a final line break. */
export function formatCatalogFile(path: string, data: unknown): string {
  return `${JSON.stringify(canonicalCatalogFile(path, data), null, 2)}\n`;
}

/**
 * Why the text of the catalog file at `path` is not in canonical form, naming the first line that
 * differs, or null when it is.
 */
export function canonicalFormProblem(path: string, text: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return `${path}: not valid JSON: ${(e as Error).message}`;
  }
  const duplicates = duplicateKeys(text);
  if (duplicates.length > 0) {
    return `${path}: the key ${JSON.stringify(duplicates[0])} appears twice in one object; JSON keeps only the last`;
  }
  const expected = formatCatalogFile(path, data);
  if (text === expected) return null;
  const have = text.split('\n');
  const want = expected.split('\n');
  const line = want.findIndex((l, i) => have[i] !== l);
  const at = line === -1 ? have.length : line + 1;
  return `${path}: not in canonical form from line ${at} (${JSON.stringify(have[at - 1] ?? '')}, expected ${JSON.stringify(want[at - 1] ?? '')}); run npm run format:data`;
}

/**
 * Keys written twice in one object of a JSON text. JSON.parse keeps the last silently, so
 * rewriting such a file would drop a fact; the formatter refuses it instead. Expects valid JSON.
 */
export function duplicateKeys(text: string): string[] {
  const duplicates: string[] = [];
  // One set of keys per open object; null for an open array.
  const stack: Array<Set<string> | null> = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '{') stack.push(new Set());
    else if (c === '[') stack.push(null);
    else if (c === '}' || c === ']') stack.pop();
    else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const literal = text.slice(i, end + 1);
      i = end + 1;
      while (i < text.length && /\s/.test(text[i])) i++;
      const keys = stack[stack.length - 1];
      if (text[i] === ':' && keys) {
        const key = JSON.parse(literal) as string;
        if (keys.has(key)) duplicates.push(key);
        keys.add(key);
      }
      continue;
    }
    i++;
  }
  return duplicates;
}
