import type { Category, Party } from '../core/types';
import { compareText } from '../shared/name-order';
import type { CookieRecord } from '../shared/protocol';
import { categoryName } from '../ui/format';

export const FLAG_FILTERS = ['httpOnly', 'secure', 'partitioned', 'session', 'sameSiteNone'] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];

/** Stands for "cookies no vendor is known for" in the vendor filter. */
export const NO_VENDOR = '\u0000none';

export interface RowFilter {
  query: string;
  /** Empty: every category. */
  categories: ReadonlySet<Category>;
  /** Empty: every party. */
  parties: ReadonlySet<Party>;
  /** null: any vendor; NO_VENDOR: cookies without one. */
  vendor: string | null;
  /** Every flag here must hold. */
  flags: ReadonlySet<FlagFilter>;
}

export const NO_FILTER: RowFilter = {
  query: '',
  categories: new Set(),
  parties: new Set(),
  vendor: null,
  flags: new Set(),
};

export function isFiltering(filter: RowFilter): boolean {
  return (
    filter.query.trim() !== '' ||
    filter.categories.size > 0 ||
    filter.parties.size > 0 ||
    filter.vendor !== null ||
    filter.flags.size > 0
  );
}

const FLAG_TESTS: Record<FlagFilter, (r: CookieRecord) => boolean> = {
  httpOnly: (r) => r.cookie.httpOnly,
  secure: (r) => r.cookie.secure,
  partitioned: (r) => r.cookie.partitionKey !== undefined,
  session: (r) => r.cookie.session,
  sameSiteNone: (r) => r.cookie.sameSite === 'no_restriction',
};

// Lower-cased once per record (records are replaced, never mutated, when a cookie changes).
const haystacks = new WeakMap<CookieRecord, string>();

/** Everything the free-text search looks in, lower-cased, one field per line. */
export function searchText(record: CookieRecord): string {
  let text = haystacks.get(record);
  if (text === undefined) {
    const { cookie, label } = record;
    text = [
      cookie.name,
      cookie.value,
      cookie.domain,
      cookie.path,
      label.vendor ?? '',
      label.purpose ?? '',
      label.category,
      categoryName(label.category),
      cookie.partitionKey?.topLevelSite ?? '',
    ]
      .join('\n')
      .toLowerCase();
    haystacks.set(record, text);
  }
  return text;
}

/** A predicate for the filter, built once per filter change rather than once per row. */
export function rowMatcher(filter: RowFilter): (record: CookieRecord) => boolean {
  const terms = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  const flags = [...filter.flags].map((f) => FLAG_TESTS[f]);
  const { categories, parties, vendor } = filter;
  return (record) => {
    if (categories.size > 0 && !categories.has(record.label.category)) return false;
    if (parties.size > 0 && !parties.has(record.label.party)) return false;
    if (vendor !== null && (vendor === NO_VENDOR ? record.label.vendor !== null : record.label.vendor !== vendor)) {
      return false;
    }
    for (const test of flags) if (!test(record)) return false;
    if (terms.length === 0) return true;
    const text = searchText(record);
    return terms.every((term) => text.includes(term));
  };
}

/** Vendors present, sorted, for the vendor filter's choices. */
export function vendorsOf(records: readonly CookieRecord[]): string[] {
  const vendors = new Set<string>();
  for (const r of records) if (r.label.vendor) vendors.add(r.label.vendor);
  return [...vendors].sort(compareText);
}
