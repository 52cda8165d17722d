import { cookieLifetime, formatLifetime, parseLifetime } from '../core/lifetime';
import { CATEGORIES, type Category, type Lifetime } from '../core/types';
import type { CookieRecord } from '../shared/protocol';
import { UsageError } from './io';

/**
 * A site's cookie declaration, read from one of our export formats (the Markdown declaration, CSV
 * or JSON) or from a plain list of cookie names, one a line, and compared with what the site sets.
 */

export interface DeclaredCookie {
  /** The name; `*` in it matches any run of characters (`_ga_*`). */
  name: string;
  category?: Category;
  lifetime?: Lifetime;
}

const MARKDOWN_CATEGORY: Record<string, Category> = {
  essential: 'essential',
  functional: 'functional',
  analytics: 'analytics',
  marketing: 'marketing',
  unclassified: 'unknown',
  unknown: 'unknown',
};

export function parseDeclaration(text: string, file: string): DeclaredCookie[] {
  const trimmed = text.trim();
  let declared: DeclaredCookie[];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) declared = fromJson(trimmed, file);
  else if (/^\s*\|/m.test(trimmed) && /^\s*\|\s*-{3,}/m.test(trimmed)) declared = fromMarkdown(trimmed, file);
  else if (/^"?'?name"?,/i.test(trimmed)) declared = fromCsv(trimmed, file);
  else declared = fromList(trimmed);
  if (declared.length === 0) throw new UsageError(`--declaration ${file} declares no cookies`);
  return declared;
}

function fromList(text: string): DeclaredCookie[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((name) => ({ name }));
}

function category(value: unknown, where: string): Category | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value).trim().toLowerCase();
  const found = (CATEGORIES as readonly string[]).includes(text) ? (text as Category) : MARKDOWN_CATEGORY[text];
  if (!found)
    throw new UsageError(`${where}: "${String(value).slice(0, 40)}" is not a category (${CATEGORIES.join(', ')})`);
  return found;
}

/** "1 year", "Session", "13 months", "Variable (...)", or the label's lifetime object. */
function lifetime(value: unknown, where: string): Lifetime | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'object') {
    const kind = (value as { kind?: unknown }).kind;
    if (kind === 'session' || kind === 'unknown') return { kind };
    const seconds = (value as { seconds?: unknown }).seconds;
    if (kind === 'duration' && typeof seconds === 'number' && seconds > 0) return { kind, seconds };
    if (kind === 'variable') return { kind, note: String((value as { note?: unknown }).note ?? '') };
    throw new UsageError(`${where}: the lifetime is not one we know`);
  }
  const text = String(value).trim();
  const lower = text.charAt(0).toLowerCase() + text.slice(1);
  if (/^variable \(/.test(lower)) return { kind: 'variable', note: lower.slice('variable ('.length, -1) };
  const parsed = parseLifetime(lower);
  if (!parsed) throw new UsageError(`${where}: "${text.slice(0, 40)}" is not a duration such as "1 year" or "session"`);
  return parsed;
}

function fromJson(text: string, file: string): DeclaredCookie[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--declaration ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { cookies?: unknown }).cookies;
  if (!Array.isArray(list))
    throw new UsageError(`--declaration ${file}: expected a list of cookies or an export with "cookies"`);
  return list.map((item: unknown, i) => {
    const where = `--declaration ${file}, cookie ${i + 1}`;
    const entry = (typeof item === 'string' ? { name: item } : item) as Record<string, unknown> | null;
    if (!entry || typeof entry.name !== 'string') throw new UsageError(`${where}: has no name`);
    const label = (entry.label ?? {}) as Record<string, unknown>;
    return {
      name: entry.name,
      category: category(entry.category ?? label.category, where),
      lifetime: lifetime(entry.lifetime ?? entry.duration ?? label.lifetime, where),
    };
  });
}

/** RFC 4180 rows. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

function fromCsv(text: string, file: string): DeclaredCookie[] {
  const [header, ...rows] = csvRows(text);
  // Our CSV export puts a `'` before a cell a spreadsheet would run as a formula.
  const unguard = (cell: string | undefined) => (cell?.startsWith("'") ? cell.slice(1) : cell);
  const column = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [nameAt, categoryAt, durationAt] = [column('name'), column('category'), column('duration')];
  return rows
    .filter((row) => row.some((cell) => cell !== ''))
    .map((row, i) => {
      const where = `--declaration ${file}, line ${i + 2}`;
      const name = unguard(row[nameAt]);
      if (!name) throw new UsageError(`${where}: has no name`);
      return {
        name,
        category: categoryAt < 0 ? undefined : category(unguard(row[categoryAt]), where),
        lifetime: durationAt < 0 ? undefined : lifetime(unguard(row[durationAt]), where),
      };
    });
}

/** Cells of a GFM table row; `\|` stays in its cell. */
function markdownCells(line: string): string[] {
  const cells = line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/);
  return cells.map((cell) => cell.trim());
}

/** The text of a cell: a code span's contents, or text with its backslash escapes undone. */
function markdownText(cell: string): string {
  const code = /^(`+) ?(.*?) ?\1$/.exec(cell);
  if (code) return code[2].replaceAll('\\|', '|');
  return cell.replace(/<br>/g, '\n').replace(/\\(.)/g, '$1');
}

function fromMarkdown(text: string, file: string): DeclaredCookie[] {
  const declared: DeclaredCookie[] = [];
  let columns: string[] | null = null;
  for (const [i, line] of text.split(/\r\n|\r|\n/).entries()) {
    if (!line.trim().startsWith('|')) {
      columns = null;
      continue;
    }
    const cells = markdownCells(line);
    if (columns === null) {
      columns = cells.map((cell) => markdownText(cell).toLowerCase());
      continue;
    }
    if (cells.every((cell) => /^:?-{3,}:?$/.test(cell))) continue;
    const at = (name: string) => columns?.indexOf(name) ?? -1;
    const where = `--declaration ${file}, line ${i + 1}`;
    const nameAt = Math.max(at('name'), 0);
    declared.push({
      name: markdownText(cells[nameAt] ?? ''),
      category: at('category') < 0 ? undefined : category(markdownText(cells[at('category')] ?? ''), where),
      lifetime: at('duration') < 0 ? undefined : lifetime(markdownText(cells[at('duration')] ?? ''), where),
    });
  }
  return declared;
}

export interface DeclarationDrift {
  /** Set by the site, declared nowhere. */
  undeclared: CookieRecord[];
  /** Declared under another category than we label it. */
  otherCategory: Array<{ record: CookieRecord; declared: Category }>;
  /** Kept longer than the declaration says. */
  longer: Array<{ record: CookieRecord; declared: string; actual: string }>;
}

// Declarations round durations ("13 months" for 400 days): only more than this is longer.
const LIFETIME_SLACK = 0.05;

export function compareDeclaration(
  declared: readonly DeclaredCookie[],
  records: readonly CookieRecord[],
  now: number,
): DeclarationDrift {
  const matchers = declared.map((d) => ({ d, test: nameMatcher(d.name) }));
  const drift: DeclarationDrift = { undeclared: [], otherCategory: [], longer: [] };
  for (const record of records) {
    const found = matchers.find((m) => m.test(record.cookie.name))?.d;
    if (!found) {
      drift.undeclared.push(record);
      continue;
    }
    const labelled = record.label.category;
    if (found.category && found.category !== 'unknown' && labelled !== 'unknown' && found.category !== labelled) {
      drift.otherCategory.push({ record, declared: found.category });
    }
    const actual = cookieLifetime(record.cookie, now);
    if (found.lifetime && longerThan(actual, found.lifetime)) {
      drift.longer.push({ record, declared: formatLifetime(found.lifetime), actual: formatLifetime(actual) });
    }
  }
  return drift;
}

function longerThan(actual: Lifetime, declared: Lifetime): boolean {
  if (actual.kind !== 'duration') return false;
  if (declared.kind === 'session') return true;
  if (declared.kind !== 'duration') return false;
  return actual.seconds > declared.seconds * (1 + LIFETIME_SLACK);
}

function nameMatcher(pattern: string): (name: string) => boolean {
  if (!pattern.includes('*')) return (name) => name === pattern;
  const parts = pattern.split('*');
  // Literal pieces in order, without a regular expression: a declaration is not trusted input.
  return (name) => {
    if (!name.startsWith(parts[0]) || !name.endsWith(parts[parts.length - 1])) return false;
    let at = parts[0].length;
    const end = name.length - parts[parts.length - 1].length;
    if (end < at) return false;
    for (const part of parts.slice(1, -1)) {
      const found = name.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}
