/**
 * Plain-text tables for terminals. Cookie names come from websites: control characters,
 * bidirectional overrides and terminal escape sequences are shown escaped, never sent to the terminal.
 */

// Invisible characters (soft hyphen, Arabic letter mark, word joiners, byte-order mark) are escaped
// too: they hide what a name really is.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this escapes.
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function safeText(text: string, max = 60): string {
  const escaped = text.replace(UNSAFE, (c) =>
    c === '\t' ? '\\t' : c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (escaped.length <= max) return escaped;
  let end = max - 1;
  // Half of a surrogate pair (an emoji) would print as a replacement character.
  if (isHighSurrogate(escaped.charCodeAt(end - 1))) end -= 1;
  return `${escaped.slice(0, end)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return `${[line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}
