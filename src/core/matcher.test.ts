import { describe, expect, it } from 'vitest';
import type { LabellingEntry } from './catalog-schema';
import { compileMatcher } from './matcher';
import type { WorkCounter } from './patterns';

function entry(pattern: string): LabellingEntry {
  return {
    id: `test/${pattern}`,
    pattern,
    vendor: 'Test',
    category: 'analytics',
    purpose: 'test',
    lifetime: { kind: 'session' },
    party: 'either',
    domains: [],
    origin: 'vendor-documentation',
  };
}

// Patterns a hostile or careless catalog could hold, in each of the matcher's three places: the
// prefix trie (`_*...`), the suffix trie (`*...x`) and the floating list (`*...*`).
const HOSTILE_PATTERNS = [
  '_*_*_*x',
  '_{a}_{b}_{c}_{d}x',
  '_*_*_*_*_*_*_*_*_*_*_*y',
  '*_*_*_*_*_*_*_*_*_*_*_*x',
  '*aaaaaaaaaaaaaaaaaaaaaaaaaaaaab',
  '*_*_*_*_*_*_*_*_*_*_*_*',
  '*ab*ab*ab*ab*ab*ac*',
  'a*a*a*a*a*a*a*a*a*a*a*a*b',
];

describe('compileMatcher', () => {
  it.each([
    ['_'.repeat(20_000), ['*_*_*_*_*_*_*_*_*_*_*_*']],
    [`${'_'.repeat(19_999)}x`, ['_*_*_*x', '_{a}_{b}_{c}_{d}x', '*_*_*_*_*_*_*_*_*_*_*_*x', '*_*_*_*_*_*_*_*_*_*_*_*']],
    ['a'.repeat(20_000), []],
    [`${'a'.repeat(19_999)}b`, ['*aaaaaaaaaaaaaaaaaaaaaaaaaaaaab', 'a*a*a*a*a*a*a*a*a*a*a*a*b']],
    ['ab'.repeat(10_000), ['a*a*a*a*a*a*a*a*a*a*a*a*b']],
    [`${'ab'.repeat(9_999)}ac`, ['*ab*ab*ab*ab*ab*ac*']],
  ])('matches a 20,000-character name in work linear in its length (%#)', (name, expected) => {
    const work: WorkCounter = { steps: 0 };
    const matcher = compileMatcher(HOSTILE_PATTERNS.map(entry), { work });
    const found = matcher.candidates(name, 'example.test').map((m) => m.entry.pattern);
    expect(found.sort()).toEqual([...expected].sort());
    expect(work.steps).toBeGreaterThan(0);
    // At most two comparisons per character for each pattern the tries lead to.
    expect(work.steps).toBeLessThanOrEqual(2 * name.length * HOSTILE_PATTERNS.length);
  });
});
