import { compareByName, compareText } from '../shared/name-order';
import type { CookieRecord } from '../shared/protocol';
import type { Column } from './columns';

export type SortDirection = 'ascending' | 'descending';

export interface SortOrder {
  column: Column['id'];
  direction: SortDirection;
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
  keyed.sort((x, y) => sign * compareValues(x.value, y.value) || compareByName(x.record, y.record));
  return keyed.map((k) => k.item);
}
