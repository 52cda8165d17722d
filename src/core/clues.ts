import type { Category } from './types';

/** What the heuristics reason with: one clue about a cookie, from its name, value or shape. */

export type Known = Exclude<Category, 'unknown'>;

export interface Clue {
  category: Known;
  confidence: number;
  reason: string;
  /** What a cookie of this kind usually does, in a person's words. */
  purpose: string;
  /**
   * True for clues from the cookie's shape (party, lifetime, flags) rather than its name or value.
   * A weak clue for an optional category gives way to any stronger clue; a weak clue for
   * `essential` still counts, so that it can hold back a shaky optional call.
   */
  weak?: boolean;
}
