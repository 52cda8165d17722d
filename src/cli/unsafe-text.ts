/**
 * Characters from websites that must not reach a terminal (or a reader of our JSON) as they are:
 * controls (C0, DEL, C1: terminal escape sequences), format characters (bidirectional overrides,
 * embeddings, isolates and marks, zero-width joiners, soft hyphen, byte-order mark, Unicode tags),
 * lone surrogates, line and paragraph separators, spaces other than U+0020, and characters that
 * print as nothing at all (Hangul and Braille blanks, variation selectors, the Mongolian vowel
 * separator). Each hides or reorders what a cookie name really is.
 *
 * Unicode tags (U+E0000-U+E007F) are listed by range: most of them are unassigned, so \p{Cf}
 * alone would miss them. Emoji that need a variation selector or a joiner show those escaped: a
 * name is shown as what it is, not as how it renders.
 */
const UNSAFE_ALL =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each combining character is matched on its own, on purpose.
  /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\uffa0\ufe00-\ufe0f\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;
const UNSAFE_ONE = new RegExp(`^${UNSAFE_ALL.source}$`, 'u');

/** `c` is one code point (or a lone surrogate). */
export function isUnsafeChar(c: string): boolean {
  return UNSAFE_ONE.test(c);
}

/** `\uXXXX` for the basic plane, `\u{XXXXX}` above it: the way JavaScript writes them. */
export function visibleEscape(c: string): string {
  if (c === '\t') return '\\t';
  if (c === '\n') return '\\n';
  if (c === '\\') return '\\\\';
  const code = c.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Every unsafe character escaped; backslashes stay, so text that is already safe stays as it is. */
export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE_ALL, visibleEscape);
}

/**
 * JSON text with every unsafe character inside its strings written as `\uXXXX` (a surrogate pair
 * above the basic plane), so it parses back to the same strings. JSON.stringify already escapes
 * C0 controls and lone surrogates, so a raw C0 character in its output (a line break or tab of the
 * indentation) is structure and stays.
 */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_ALL, (c) => {
    if (c.charCodeAt(0) < 0x20) return c;
    let out = '';
    for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

/** What `JSON.stringify(value, null, 2)` writes, with unsafe characters escaped. */
export function safeJson(value: unknown): string {
  return escapeJsonText(JSON.stringify(value, null, 2));
}
