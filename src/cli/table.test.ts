import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTable, safeText } from './table';

/**
 * What must never reach a terminal as it is, written out here independently of table.ts: controls,
 * format characters (bidi overrides and isolates, marks, joiners, tags), lone surrogates, line and
 * paragraph separators, spaces other than U+0020, and characters that print as nothing (Hangul and
 * Braille fillers, variation selectors, the unassigned tag code points).
 */
const RAW_UNSAFE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each combining character is matched on its own, on purpose.
  /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\uffa0\ufe00-\ufe0f\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/u;

/** safeText's output read as tokens: plain characters and whole escapes, optionally an ellipsis. */
const TOKENS = /^(?:[^\\]|\\\\|\\t|\\n|\\u[0-9a-f]{4}|\\u\{[0-9a-f]{5,6}\})*…?$/u;

/** Reads safeText's escapes back, to show that nothing was lost when the text fits. */
function readBack(shown: string): string {
  return shown.replace(/\\(\\|t|n|u\{[0-9a-f]+\}|u[0-9a-f]{4})/g, (_, e: string) =>
    e === '\\'
      ? '\\'
      : e === 't'
        ? '\t'
        : e === 'n'
          ? '\n'
          : e.startsWith('u{')
            ? String.fromCodePoint(Number.parseInt(e.slice(2, -1), 16))
            : String.fromCharCode(Number.parseInt(e.slice(1), 16)),
  );
}

describe('safeText', () => {
  it.each([
    ['soft hyphen', 'log\u00adin', 'log\\u00adin'],
    ['byte-order mark', '\ufeffsid', '\\ufeffsid'],
    ['Arabic letter mark', 'a\u061cb', 'a\\u061cb'],
    ['word joiner', 'a\u2060b', 'a\\u2060b'],
    ['right-to-left override', 'a\u202eb', 'a\\u202eb'],
    ['left-to-right embedding', 'a\u202ab', 'a\\u202ab'],
    ['right-to-left isolate', 'a\u2067b\u2069', 'a\\u2067b\\u2069'],
    ['first-strong isolate', '\u2068a', '\\u2068a'],
    ['left-to-right mark', 'a\u200eb', 'a\\u200eb'],
    ['right-to-left mark', 'a\u200fb', 'a\\u200fb'],
    ['escape', 'a\u001b[31m', 'a\\u001b[31m'],
    ['bell', 'a\u0007', 'a\\u0007'],
    ['carriage return', 'a\rb', 'a\\u000db'],
    ['tab and line feed', 'a\tb\nc', 'a\\tb\\nc'],
    ['delete', 'a\u007f', 'a\\u007f'],
    ['C1 control sequence introducer', 'a\u009b31m', 'a\\u009b31m'],
    ['C1 next line', 'a\u0085b', 'a\\u0085b'],
    ['C1 operating system command', '\u009d0;title\u009c', '\\u009d0;title\\u009c'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
    ['Mongolian vowel separator', 'a\u180eb', 'a\\u180eb'],
    ['Hangul choseong filler', 'a\u115fb', 'a\\u115fb'],
    ['Hangul jungseong filler', 'a\u1160b', 'a\\u1160b'],
    ['Hangul filler', 'a\u3164b', 'a\\u3164b'],
    ['halfwidth Hangul filler', 'a\uffa0b', 'a\\uffa0b'],
    ['Braille pattern blank', 'a\u2800b', 'a\\u2800b'],
    ['combining grapheme joiner', 'a\u034fb', 'a\\u034fb'],
    ['no-break space', 'a\u00a0b', 'a\\u00a0b'],
    ['ideographic space', 'a\u3000b', 'a\\u3000b'],
    ['variation selector', 'a\ufe0fb', 'a\\ufe0fb'],
    ['supplementary variation selector', 'a\u{e0100}b', 'a\\u{e0100}b'],
    ['tag characters', 'a\u{e0001}\u{e0041}\u{e007f}b', 'a\\u{e0001}\\u{e0041}\\u{e007f}b'],
    ['unassigned tag code point', 'a\u{e0000}b', 'a\\u{e0000}b'],
    ['lone surrogate', 'a\ud800b', 'a\\ud800b'],
    ['backslash, so that an escape written as text is not taken for one', 'a\\u202eb', 'a\\\\u202eb'],
  ])('shows a %s escaped', (_, text, shown) => {
    expect(safeText(text)).toBe(shown);
    expect(readBack(safeText(text))).toBe(text);
  });

  it('keeps letters, emoji and combining accents', () => {
    expect(safeText('æøå שלום 中文 🍪 e\u0301')).toBe('æøå שלום 中文 🍪 e\u0301');
  });

  it('never cuts an emoji in half when shortening', () => {
    // 'ab' + 🍪🍪: cut at 4 code units would leave the first half of the second cookie.
    const cut = safeText('ab🍪🍪', 5);
    expect(cut).toBe('ab🍪…');
    expect(cut.length).toBeLessThanOrEqual(5);
    const odd = safeText('a🍪🍪', 3);
    expect(odd).toBe('a…');
    for (let max = 2; max <= 12; max++) {
      expect(safeText('🍪'.repeat(10), max)).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });

  it('never cuts an escape in half when shortening', () => {
    const text = 'ab\u001b[31m\u{e0041}\\x\u202e\u0085'.repeat(4);
    expect(safeText('ab\u001bcd', 6)).toBe('ab…');
    expect(safeText('ab\u{e0041}cd', 10)).toBe('ab…');
    for (let max = 1; max <= 80; max++) {
      const shown = safeText(text, max);
      expect(shown.length).toBeLessThanOrEqual(max);
      expect(shown).toMatch(TOKENS);
      expect(shown).not.toMatch(RAW_UNSAFE);
      expect(safeText(text, 1000).startsWith(shown.replace(/…$/, ''))).toBe(true);
    }
  });

  it('keeps text that fits as it is', () => {
    expect(safeText('🍪🍪', 4)).toBe('🍪🍪');
  });

  it('shows any text with nothing unsafe, in whole escapes, within its width (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({
        unit: fc.constantFrom('a', '\\', '\u001b', '\u202e', '\u{e0041}', '🍪', '\ud800', '\u0085'),
        maxLength: 40,
      }),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 120 }), (t, max) => {
        const shown = safeText(t, max);
        expect(shown.length).toBeLessThanOrEqual(max);
        expect(shown).not.toMatch(RAW_UNSAFE);
        expect(shown).toMatch(TOKENS);
        if (!shown.endsWith('…')) expect(readBack(shown)).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('renderTable', () => {
  it('lines up columns', () => {
    expect(renderTable(['A', 'BB'], [['xyz', '1']])).toBe('A    BB\n---  --\nxyz  1\n');
  });

  it('escapes a cell that did not go through safeText, and leaves one that did as it is', () => {
    const out = renderTable(['NAME', 'X'], [[safeText('a\u001b\\b'), 'c\u202e\u009b\u{e0041}d']]);
    for (const line of out.split('\n')) expect(line).not.toMatch(RAW_UNSAFE);
    expect(out).toContain('a\\u001b\\\\b');
    expect(out).toContain('c\\u202e\\u009b\\u{e0041}d');
  });
});
