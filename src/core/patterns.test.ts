import { describe, expect, it } from 'vitest';
import { compilePattern, escapeRegex } from './patterns';

describe('escapeRegex', () => {
  it.each(['a.b', '^$', '(x)|[y]', '{1,2}', 'a+b?c*', 'back\\slash', 'path/part', 'pvc_visits[0]'])(
    'makes "%s" match only itself',
    (text) => {
      const re = new RegExp(`^${escapeRegex(text)}$`);
      expect(re.test(text)).toBe(true);
      expect(re.test(`${text}x`)).toBe(false);
      expect(new RegExp(`^${escapeRegex(text)}$`, 'u').test(text)).toBe(true);
    },
  );

  it('keeps the literal parts of a pattern literal', () => {
    const { regex } = compilePattern('a.b(*');
    expect(regex.test('a.b(zz')).toBe(true);
    expect(regex.test('axb(zz')).toBe(false);
  });
});
