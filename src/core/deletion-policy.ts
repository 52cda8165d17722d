import type { Category, IfDeleted, Label } from './types';

/**
 * Which cookies a removal the person did not pick cookie by cookie may take: one click ("remove
 * optional cookies"), keeping a site clean, and "remove this category". The one rule, used by the
 * worker, the popup's counts and the panel alike.
 *
 * What deleting does outranks the category: a cookie whose loss signs the person out, asks for a
 * security check again, empties a cart or brings the consent banner back is never taken this way,
 * whatever its category (Facebook's `c_user` is also a tracker). Only the person's own choice for
 * that cookie or that vendor ("Also sign me out of Facebook") removes it, with the consequence
 * spelt out first.
 */

/** Consequences nobody should meet by surprise. */
export const SURPRISING: ReadonlySet<IfDeleted> = new Set([
  'signs-out',
  'security-check',
  'empties-cart',
  'asks-consent',
]);

export type KeepReason =
  /** The site needs it. */
  | 'essential'
  /** Nothing tells what it is, and the person did not ask for unknown cookies to go. */
  | 'unknown'
  /** Deleting it would sign the person out, ask for a security check, empty a cart or ask for consent again. */
  | 'consequence'
  /** The person made an exception for its vendor or for the cookie itself on this site. */
  | 'exception';

export interface PolicyLabel {
  category: Category;
  ifDeleted: IfDeleted;
  vendor: string | null;
  ambiguous?: ReadonlyArray<{ vendor: string }>;
}

/** Whether deleting it has a consequence the person must choose knowingly. */
export function isSurprising(label: Pick<Label, 'ifDeleted'>): boolean {
  return SURPRISING.has(label.ifDeleted);
}

/** Why one click keeps this cookie, or null when one click removes it. */
export function oneClickKeeps(label: PolicyLabel, includeUnknown: boolean): KeepReason | null {
  if (label.category === 'essential') return 'essential';
  if (SURPRISING.has(label.ifDeleted)) return 'consequence';
  if (label.category === 'unknown' && !includeUnknown) return 'unknown';
  return null;
}

export function removableInOneClick(label: PolicyLabel, includeUnknown: boolean): boolean {
  return oneClickKeeps(label, includeUnknown) === null;
}

/** "Remove this category" (the panel): the category the person picked, never a surprising consequence. */
export function removableWithCategory(label: PolicyLabel, category: Category): boolean {
  return label.category === category && !SURPRISING.has(label.ifDeleted);
}
