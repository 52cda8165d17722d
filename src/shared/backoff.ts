/**
 * How long to wait before trying again: doubling from `baseMs` with each failed attempt, up to
 * `maxMs`, so a peer that keeps failing is not hammered and one that comes back is not kept
 * waiting long. One rule for every retry that waits (pages and worker alike), so they cannot
 * drift apart.
 */

export interface BackoffOptions {
  /** The delay before the first retry (attempt 0). */
  baseMs: number;
  /** The longest delay, however many attempts failed. */
  maxMs: number;
}

/** The delay before retry number `attempt` (counting from 0), in milliseconds. */
export function nextDelay(attempt: number, { baseMs, maxMs }: BackoffOptions): number {
  if (!Number.isInteger(attempt) || attempt < 0) {
    throw new RangeError(`backoff attempt must be a whole number from 0, not ${attempt}`);
  }
  if (!(baseMs >= 0)) throw new RangeError(`backoff baseMs must be 0 or more, not ${baseMs}`);
  if (!(maxMs >= 0)) throw new RangeError(`backoff maxMs must be 0 or more, not ${maxMs}`);
  // 2 ** attempt overflows to Infinity after ~1000 attempts, and 0 * Infinity is NaN.
  if (baseMs === 0) return 0;
  return Math.min(maxMs, baseMs * 2 ** attempt);
}
