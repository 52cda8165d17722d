import { describe, expect, it } from 'vitest';
import { parseLifetime } from '../core/lifetime';
import type { Lifetime } from '../core/types';
import { durationText } from './declaration-strings';

function declared(text: string): Lifetime {
  const lifetime = parseLifetime(text);
  if (!lifetime) throw new Error(`not a lifetime: ${text}`);
  return lifetime;
}

/** Outside the extension the strings are English; the numbers are what is checked here. */
describe('the duration a cookie declaration states', () => {
  it.each([
    ['13 months', '13 months'],
    ['18 months', '18 months'],
    ['1 year', '1 year'],
    ['2 years', '2 years'],
    ['12 months', '1 year'],
    ['90 days', '3 months'],
    ['30 days', '30 days'],
    ['3 weeks', '21 days'],
    ['24 hours', '1 day'],
    ['30 minutes', '30 minutes'],
    ['1 second', '1 second'],
  ])('says %s as "%s", never rounding a catalog duration to another one', (text, expected) => {
    expect(durationText(declared(text))).toBe(expected);
  });

  it('names session, unknown and variable lifetimes in words', () => {
    expect(durationText({ kind: 'session' })).toBe('Session');
    expect(durationText({ kind: 'unknown' })).toBe('Unknown');
    expect(durationText({ kind: 'variable', note: 'never expires' })).toBe('Varies: never expires');
  });
});
