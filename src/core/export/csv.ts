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
 * RFC 4180: a field holding a comma, a double quote, CR or LF is quoted and its quotes doubled.
 * Fields with edge whitespace are quoted too, because spreadsheets trim bare fields.
 * Values are written exactly, not neutralised against spreadsheet formulas, so that the file
 * round-trips; open it as text, not by double-click, when the cookies come from a site you distrust.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One header line and one line per cookie, every line ending in CRLF. */
export function formatCsv(cookies: readonly LabelledCookie[]): string {
  const lines = [CSV_COLUMNS.map(csvField).join(',')];
  for (const c of cookies) lines.push(COLUMNS.map(([, get]) => csvField(get(c))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
