import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, escapeRegex, matchPattern } from './patterns';

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

/**
 * An independent reference for the adversarial test, where the regular expression would take
 * seconds: the pattern as a small automaton, run over the name one character at a time with the
 * set of states it can be in (linear in the name for a fixed pattern).
 */
function automatonMatches(source: string, name: string): boolean {
  // '*' is any run, '?' exactly one character; `{x}` is '?' then '*'. Our test patterns use no '?'.
  const tokens = source.replace(/\{[A-Za-z][A-Za-z0-9_-]*\}/g, '?*');
  const close = (states: boolean[]) => {
    for (let j = 0; j < tokens.length; j++) if (states[j] && tokens[j] === '*') states[j + 1] = true;
    return states;
  };
  const start = new Array<boolean>(tokens.length + 1).fill(false);
  start[0] = true;
  let states = close(start);
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    const next = new Array<boolean>(tokens.length + 1).fill(false);
    for (let j = 0; j < tokens.length; j++) {
      if (!states[j]) continue;
      const t = tokens[j];
      if (t === '*') next[j] = true;
      else if (t === '?' || t === c) next[j + 1] = true;
    }
    states = close(next);
  }
  return states[tokens.length];
}

describe('matchPattern', () => {
  it.each([
    ['_ga_*', ['_ga_ABC123', '_ga_'], ['_ga', '_gat', 'x_ga_1']],
    ['*-lpuw', ['abc-lpuw', '-lpuw'], ['xlpuw', '-lpuwx']],
    ['LPSID-{siteId}', ['LPSID-12345', 'LPSID-x'], ['LPSID-', 'LPSID']],
    ['{userId}_spring_*', ['u42_spring_x', 'u_spring_'], ['_spring_x', 'u42_sprin']],
    ['*_spring_*', ['_spring_', 'a_spring_b'], ['_sprin_']],
    ['a*a', ['aa', 'aba', 'aaa'], ['a', 'ab']],
    ['a{x}a', ['aba', 'aaa'], ['aa', 'a']],
    ['{x}a{y}', ['bab', 'aaa'], ['ab', 'ba', 'a']],
    ['ab*ba', ['abba', 'abxba'], ['aba', 'ab']],
    ['x*ab*ab*y', ['xababy', 'xaabbabay'], ['xaby', 'xabay']],
    ['a.b(*', ['a.b(zz'], ['axb(zz']],
  ])('%s', (source, matching, other) => {
    const pattern = compilePattern(source);
    for (const name of matching) expect(matchPattern(pattern, name), name).toBe(true);
    for (const name of other) expect(matchPattern(pattern, name), name).toBe(false);
  });

  it('matches exactly what the regular expression matches (property)', () => {
    const piece = fc.oneof(fc.constantFrom('*', '{x}'), fc.stringMatching(/^[ab_]{1,3}$/));
    const source = fc
      .array(piece, { minLength: 1, maxLength: 7 })
      .map((pieces) => pieces.join(''))
      .filter((s) => {
        try {
          compilePattern(s);
          return true;
        } catch {
          return false;
        }
      });
    const name = fc.stringMatching(/^[ab_]{0,14}$/);
    fc.assert(
      fc.property(source, fc.array(name, { maxLength: 20 }), (s, names) => {
        const pattern = compilePattern(s);
        for (const n of names) {
          expect(matchPattern(pattern, n), `${s} / ${n}`).toBe(pattern.regex.test(n));
          expect(automatonMatches(s, n), `${s} / ${n}`).toBe(pattern.regex.test(n));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('compares characters a number of times linear in the name, however hostile name and pattern', () => {
    const n = 20_000;
    const names = [
      '_'.repeat(n),
      `${'_'.repeat(n - 1)}x`,
      `${'_'.repeat(n - 1)}y`,
      'a'.repeat(n),
      `${'a'.repeat(n - 1)}b`,
      'ab'.repeat(n / 2),
      `${'ab'.repeat(n / 2 - 1)}ac`,
      'x'.repeat(n),
    ];
    const sources = [
      '_*_*_*x',
      '*_*_*_*_*_*_*_*_*_*_*_*x',
      '{a}_{b}_{c}_{d}x',
      '_{a}_{b}_*_*_',
      '*aaaaaaaaaaaaaaaaaaaaaaaaaaaaab*',
      '*aaaaaaaaaaaaaaaaaaaaaaaaaaaaab',
      'a*a*a*a*a*a*a*a*a*a*a*a*b',
      '*ab*ab*ab*ab*ab*ac*',
      '*abababababababababac{x}',
      '{x}x{y}x{z}x{w}y',
      '*x*',
    ];
    for (const source of sources) {
      const pattern = compilePattern(source);
      for (const name of names) {
        const work = { steps: 0 };
        const matched = matchPattern(pattern, name, work);
        expect(matched, `${source} / ${name.slice(0, 4)}…`).toBe(automatonMatches(source, name));
        expect(work.steps, `${source} / ${name.slice(0, 4)}…`).toBeGreaterThan(0);
        // Each character of the name is compared at most twice.
        expect(work.steps, `${source} / ${name.slice(0, 4)}…`).toBeLessThanOrEqual(2 * name.length);
      }
    }
  });
});
