import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDelay } from './backoff';

describe('nextDelay', () => {
  it('starts at the base and doubles with each attempt, up to the cap', () => {
    const delays = [0, 1, 2, 3, 4, 5].map((attempt) => nextDelay(attempt, { baseMs: 150, maxMs: 2000 }));
    expect(delays).toEqual([150, 300, 600, 1200, 2000, 2000]);
  });

  it('stays at the cap however many attempts failed, and at 0 for a base of 0', () => {
    expect(nextDelay(5000, { baseMs: 1000, maxMs: 60_000 })).toBe(60_000);
    expect(nextDelay(5000, { baseMs: 0, maxMs: 60_000 })).toBe(0);
  });

  it('never shrinks from one attempt to the next and never passes the cap', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 2000 }),
        fc.nat({ max: 100_000 }),
        fc.nat({ max: 1_000_000 }),
        (attempt, baseMs, maxMs) => {
          const now = nextDelay(attempt, { baseMs, maxMs });
          const after = nextDelay(attempt + 1, { baseMs, maxMs });
          expect(now).toBeLessThanOrEqual(maxMs);
          expect(after).toBeGreaterThanOrEqual(now);
        },
      ),
    );
  });

  it('refuses an attempt or a delay that is negative or not a number', () => {
    expect(() => nextDelay(-1, { baseMs: 10, maxMs: 100 })).toThrow(RangeError);
    expect(() => nextDelay(1.5, { baseMs: 10, maxMs: 100 })).toThrow(/attempt/);
    expect(() => nextDelay(0, { baseMs: Number.NaN, maxMs: 100 })).toThrow(/baseMs/);
    expect(() => nextDelay(0, { baseMs: 10, maxMs: -1 })).toThrow(/maxMs/);
  });
});
