import { describe, expect, it } from 'vitest';
import { formatLifetime, parseLifetime, readableDuration } from './lifetime';

describe('lifetimes', () => {
  it.each([
    ['session', { kind: 'session' }],
    ['unknown', { kind: 'unknown' }],
    ['1 year', { kind: 'duration', seconds: 31_557_600 }],
    ['13 months', { kind: 'duration', seconds: 13 * 2_629_800 }],
    ['20 minutes', { kind: 'duration', seconds: 1200 }],
    ['1.5 hours', { kind: 'duration', seconds: 5400 }],
    ['variable: set by the administrator', { kind: 'variable', note: 'set by the administrator' }],
  ])('parses "%s"', (text, expected) => {
    expect(parseLifetime(text)).toEqual(expected);
  });

  it.each(['', 'Session', '1 Year', '12 monthz', '0 days', '-1 day', 'variable: ', 'forever'])(
    'rejects "%s"',
    (text) => {
      expect(parseLifetime(text)).toBeNull();
    },
  );

  it.each([
    ['1 year', '1 year'],
    ['13 months', '13 months'],
    ['18 months', '18 months'],
    ['2 years', '2 years'],
    ['400 days', '13 months'],
    ['90 days', '3 months'],
    ['30 minutes', '30 minutes'],
    ['1 day', '1 day'],
  ])('writes %s as "%s"', (text, written) => {
    expect(formatLifetime(parseLifetime(text)!)).toBe(written);
  });

  it.each([
    [365 * 86_400, '1 year'],
    [364 * 86_400, '1 year'],
    [380 * 86_400, '1 year'],
    [360 * 86_400, '12 months'],
    [86_399, '1 day'],
    [86_400, '1 day'],
    [23 * 3600, '23 hours'],
    [2 * 86_400 - 1, '2 days'],
    [2 * 86_400 - 3 * 3600, '45 hours'],
    [3599.6, '1 hour'],
  ])('reads %s seconds as "%s": nearly a whole unit, either side, is that unit', (seconds, written) => {
    expect(formatLifetime({ kind: 'duration', seconds })).toBe(written);
  });

  it('says nothing readable under a second', () => {
    expect(readableDuration(0.5)).toBeNull();
    expect(readableDuration(1)).toEqual({ value: 1, unit: 'second' });
  });
});
