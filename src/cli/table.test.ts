import { describe, expect, it } from 'vitest';
import { safeText } from './table';

describe('safeText', () => {
  it.each([
    ['soft hyphen', 'log\u00adin', 'log\\u00adin'],
    ['byte-order mark', '\ufeffsid', '\\ufeffsid'],
    ['Arabic letter mark', 'a\u061cb', 'a\\u061cb'],
    ['word joiner', 'a\u2060b', 'a\\u2060b'],
    ['right-to-left override', 'a\u202eb', 'a\\u202eb'],
    ['escape', 'a\u001b[31m', 'a\\u001b[31m'],
  ])('shows a %s escaped', (_, text, shown) => {
    expect(safeText(text)).toBe(shown);
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

  it('keeps text that fits as it is', () => {
    expect(safeText('🍪🍪', 4)).toBe('🍪🍪');
  });
});
