import type { CookieRecord } from './protocol';

let collator: Intl.Collator | null = null;
/**
 * The one order for text in lists, made once: `localeCompare` would set up a collator of its own,
 * which costs milliseconds the first time on a page's first render. Equal under the collator
 * ("a" and "A") still has a fixed order, by code units.
 */
export function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The panel's opening order: by name, then domain, then key (the key tells every cookie apart). */
export function compareByName(a: CookieRecord, b: CookieRecord): number {
  return (
    compareText(a.cookie.name, b.cookie.name) ||
    compareText(a.cookie.domain, b.cookie.domain) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * The first `count` records by compareByName, sorted. The worker picks a page's first screen from
 * thousands of cookies: keeping the best `count` seen so far compares most records once, against
 * the last kept, where sorting them all would compare each a dozen times through the collator.
 */
export function firstByName(records: readonly CookieRecord[], count: number): CookieRecord[] {
  const kept: CookieRecord[] = [];
  if (count <= 0) return kept;
  for (const record of records) {
    if (kept.length === count && compareByName(record, kept[count - 1]) >= 0) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareByName(kept[middle], record) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, record);
    if (kept.length > count) kept.pop();
  }
  return kept;
}
