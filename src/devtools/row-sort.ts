import type { CookieRecord } from '../shared/protocol';
import type { Column } from './columns';

export type SortDirection = 'ascending' | 'descending';

export interface SortOrder {
  column: Column['id'];
  direction: SortDirection;
}

let collator: Intl.Collator | null = null;
/**
 * The panel's one order for text, made once: `localeCompare` would set up a collator of its own,
 * which costs milliseconds the first time on the panel's first render.
 */
export function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b));
}

/**
 * Sorted copy of `items`. Each sort value is computed once (not once per comparison), and ties
 * fall back to name, domain and key, so rows with equal values keep a fixed order while cookies
 * change around them.
 */
export function sortRows<T>(
  items: readonly T[],
  recordOf: (item: T) => CookieRecord,
  column: Column,
  direction: SortDirection,
): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = items.map((item) => {
    const record = recordOf(item);
    return { item, record, value: column.sortValue(record) };
  });
  keyed.sort(
    (x, y) =>
      sign * compareValues(x.value, y.value) ||
      compareText(x.record.cookie.name, y.record.cookie.name) ||
      compareText(x.record.cookie.domain, y.record.cookie.domain) ||
      (x.record.key < y.record.key ? -1 : x.record.key > y.record.key ? 1 : 0),
  );
  return keyed.map((k) => k.item);
}
