import type { Category } from '../core/types';
import type { CookieRecord } from './protocol';

export interface CookieGroup {
  category: Category;
  records: CookieRecord[];
}

/**
 * Optional categories first, in the order people most want to act on them; essential last, since
 * those are the cookies the site needs and nobody removes by accident.
 */
export const GROUP_ORDER: readonly Category[] = ['marketing', 'analytics', 'functional', 'unknown', 'essential'];

/** Name or vendor contains the query, ignoring case; the cookie's domain counts too. */
export function matchesQuery(record: CookieRecord, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return (
    record.cookie.name.toLowerCase().includes(q) ||
    (record.label.vendor?.toLowerCase().includes(q) ?? false) ||
    record.cookie.domain.toLowerCase().includes(q)
  );
}

/**
 * Sorted by name, then domain and key: a cookie whose value changes keeps its place, so live
 * updates never make rows jump.
 */
export function compareRecords(a: CookieRecord, b: CookieRecord): number {
  return (
    compareText(a.cookie.name, b.cookie.name) ||
    compareText(a.cookie.domain, b.cookie.domain) ||
    compareText(a.key, b.key)
  );
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Non-empty groups in GROUP_ORDER, each sorted; cookies that do not match the query are left out. */
export function groupRecords(records: readonly CookieRecord[], query = ''): CookieGroup[] {
  const buckets = new Map<Category, CookieRecord[]>(GROUP_ORDER.map((c) => [c, []]));
  for (const record of records) {
    if (matchesQuery(record, query)) buckets.get(record.label.category)?.push(record);
  }
  const groups: CookieGroup[] = [];
  for (const category of GROUP_ORDER) {
    const list = buckets.get(category) ?? [];
    if (list.length > 0) groups.push({ category, records: list.sort(compareRecords) });
  }
  return groups;
}

/**
 * Rows in the popup's first frame, over all groups: more than a 600-pixel popup shows below its
 * summary. The worker sends these first and the rest at once after, so the tab is on screen before
 * a long list has crossed over.
 */
export const FIRST_SCREEN_ROWS = 12;

/** The first `count` records in the order `groupRecords` shows them (no query). */
export function leadRecords(records: readonly CookieRecord[], count = FIRST_SCREEN_ROWS): CookieRecord[] {
  const lead: CookieRecord[] = [];
  for (const category of GROUP_ORDER) {
    if (lead.length >= count) break;
    const inGroup = records.filter((r) => r.label.category === category).sort(compareRecords);
    lead.push(...inGroup.slice(0, count - lead.length));
  }
  return lead;
}
