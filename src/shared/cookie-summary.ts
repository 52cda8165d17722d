import { oneClickKeeps } from '../core/deletion-policy';
import type { Category, IfDeleted } from '../core/types';
import type { CookieRecord } from './protocol';

export interface CookieSummary {
  total: number;
  byCategory: Record<Category, number>;
  /** Everything but essential. */
  optional: number;
  /** What one click removes (src/core/deletion-policy.ts), so the count on the button is honest. */
  removable: number;
  /**
   * Optional cookies one click keeps because deleting them has a consequence (signs you out, ...),
   * grouped by vendor and consequence so the person can choose them knowingly.
   */
  keptForConsequence: KeptGroup[];
  thirdParty: number;
  partitioned: number;
}

export interface KeptGroup {
  /** The vendor, or null for cookies nothing identifies (each kept for what it looks like). */
  vendor: string | null;
  ifDeleted: IfDeleted;
  records: CookieRecord[];
}

export function emptyCounts(): Record<Category, number> {
  return { essential: 0, functional: 0, analytics: 0, marketing: 0, unknown: 0 };
}

export function summarize(records: readonly CookieRecord[], includeUnknown: boolean): CookieSummary {
  const byCategory = emptyCounts();
  let thirdParty = 0;
  let partitioned = 0;
  let removable = 0;
  const kept = new Map<string, KeptGroup>();
  for (const record of records) {
    const { cookie, label } = record;
    byCategory[label.category]++;
    if (label.party === 'third') thirdParty++;
    if (cookie.partitionKey) partitioned++;
    const keeps = oneClickKeeps(label, includeUnknown);
    if (keeps === null) removable++;
    else if (keeps === 'consequence' && label.category !== 'essential') {
      const id = `${label.vendor ?? ''}\u0000${label.ifDeleted}`;
      const group = kept.get(id) ?? { vendor: label.vendor, ifDeleted: label.ifDeleted, records: [] };
      group.records.push(record);
      kept.set(id, group);
    }
  }
  return {
    total: records.length,
    byCategory,
    optional: records.length - byCategory.essential,
    removable,
    keptForConsequence: [...kept.values()],
    thirdParty,
    partitioned,
  };
}
