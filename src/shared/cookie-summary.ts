import { oneClickKeeps } from '../core/deletion-policy';
import type { Category } from '../core/types';
import type { CookieRecord, CookieSummary, KeptGroup } from './protocol';

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
