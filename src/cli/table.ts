import { escapeUnsafe, isUnsafeChar, visibleEscape } from './unsafe-text';

/**
 * Plain-text tables for terminals. Cookie names come from websites: control characters,
 * bidirectional overrides, invisible characters and terminal escape sequences are shown escaped
 * (see unsafe-text.ts), never sent to the terminal.
 */

/**
 * The text with unsafe characters and backslashes escaped (a backslash too, so that a name which
 * spells `\u202e` is not taken for one that holds it), shortened to at most `max` UTF-16 units
 * with an ellipsis. It is cut only between whole characters and whole escapes: half an escape
 * would read as something else, half a surrogate pair prints as a replacement character.
 */
export function safeText(text: string, max = 60): string {
  let shown = '';
  // What fits in front of an ellipsis, kept while the whole text may still turn out too long.
  let head: string | null = null;
  for (const c of text) {
    const piece = c === '\\' || isUnsafeChar(c) ? visibleEscape(c) : c;
    if (head === null && shown.length + piece.length > max - 1) head = shown;
    shown += piece;
    if (shown.length > max) return `${head ?? ''}…`;
  }
  return shown;
}

/**
 * Columns padded to their widest cell. Cells are escaped once more, so a cell a caller forgot to
 * pass through safeText cannot reach the terminal raw; safeText's output passes unchanged.
 */
export function renderTable(headers: string[], rows: string[][]): string {
  const safeHeaders = headers.map(escapeUnsafe);
  const safeRows = rows.map((r) => r.map(escapeUnsafe));
  const widths = safeHeaders.map((h, i) => Math.max(h.length, ...safeRows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return `${[line(safeHeaders), line(widths.map((w) => '-'.repeat(w))), ...safeRows.map(line)].join('\n')}\n`;
}
