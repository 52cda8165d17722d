import { formatLifetime } from '../lifetime';
import { cookieSize, expiresIso, type LabelledCookie } from './labelled-cookie';

type Cell = string | number | boolean | null | undefined;

/** Column name -> value. Names are stable (snake_case, English): scripts read them. */
const COLUMNS: ReadonlyArray<[string, (c: LabelledCookie) => Cell]> = [
  ['name', ({ cookie }) => cookie.name],
  ['value', ({ cookie }) => cookie.value],
  ['domain', ({ cookie }) => cookie.domain],
  ['path', ({ cookie }) => cookie.path],
  ['host_only', ({ cookie }) => cookie.hostOnly],
  ['session', ({ cookie }) => cookie.session],
  ['expires', ({ cookie }) => expiresIso(cookie)],
  ['expiration_date', ({ cookie }) => cookie.expirationDate],
  ['size', ({ cookie }) => cookieSize(cookie)],
  ['http_only', ({ cookie }) => cookie.httpOnly],
  ['secure', ({ cookie }) => cookie.secure],
  ['same_site', ({ cookie }) => cookie.sameSite],
  ['partition_top_level_site', ({ cookie }) => cookie.partitionKey?.topLevelSite],
  ['partition_cross_site_ancestor', ({ cookie }) => cookie.partitionKey?.hasCrossSiteAncestor],
  ['store_id', ({ cookie }) => cookie.storeId],
  ['category', ({ label }) => label.category],
  ['vendor', ({ label }) => label.vendor],
  ['purpose', ({ label }) => label.purpose],
  ['duration', ({ label }) => formatLifetime(label.lifetime)],
  ['party', ({ label }) => label.party],
  ['label_source', ({ label }) => label.source],
  ['confidence', ({ label }) => label.confidence],
  ['reason', ({ label }) => label.reason],
  ['if_deleted', ({ label }) => label.ifDeleted],
  ['if_deleted_reason', ({ label }) => label.ifDeletedReason],
  ['entry_id', ({ label }) => label.entryId],
];

export const CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

/**
 * A text cell a spreadsheet would read as a formula or a command (`=HYPERLINK(...)`,
 * `=cmd|' /C calc'!A0`, `@SUM(1)`): it starts with `=`, `+`, `-` or `@`, also after whitespace or
 * invisible characters a spreadsheet may skip, or with a tab or carriage return. Text that already
 * starts with `'` is caught too, so that the guard below can always be removed the same way.
 */
const NEEDS_GUARD = /^(?:['\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@])/u;

/**
 * RFC 4180: a field holding a comma, a double quote, CR or LF is quoted and its quotes doubled.
 * Fields with edge whitespace are quoted too, because spreadsheets trim bare fields.
 *
 * Cookie names and values come from websites that may be hostile, and people open exports by
 * double-click, so text cells are neutralised against formula injection as OWASP advises: a text
 * cell that would start a formula (see NEEDS_GUARD) gets a single quote `'` put before it and is
 * always quoted. The file no longer round-trips byte for byte; to get the exact text back, drop
 * the first character of every text cell that starts with `'` (a `'` the site wrote itself was
 * doubled). Numbers and booleans are never guarded: a negative number stays a number.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  if (NEEDS_GUARD.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One header line and one line per cookie, every line ending in CRLF. */
export function formatCsv(cookies: readonly LabelledCookie[]): string {
  const lines = [CSV_COLUMNS.map(csvField).join(',')];
  for (const c of cookies) lines.push(COLUMNS.map(([, get]) => csvField(get(c))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
