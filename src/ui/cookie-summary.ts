import type { Category } from '../core/types';
import type { CookieRecord } from '../shared/protocol';

export interface CookieSummary {
  total: number;
  byCategory: Record<Category, number>;
  /** Everything but essential. */
  optional: number;
  /** What one click removes: optional cookies, unknown ones only when the user opted in. */
  removable: number;
  thirdParty: number;
  partitioned: number;
}

export function emptyCounts(): Record<Category, number> {
  return { essential: 0, functional: 0, analytics: 0, marketing: 0, unknown: 0 };
}

export function summarize(records: readonly CookieRecord[], includeUnknown: boolean): CookieSummary {
  const byCategory = emptyCounts();
  let thirdParty = 0;
  let partitioned = 0;
  for (const { cookie, label } of records) {
    byCategory[label.category]++;
    if (label.party === 'third') thirdParty++;
    if (cookie.partitionKey) partitioned++;
  }
  const optional = records.length - byCategory.essential;
  return {
    total: records.length,
    byCategory,
    optional,
    removable: includeUnknown ? optional : optional - byCategory.unknown,
    thirdParty,
    partitioned,
  };
}

/** Whether one-click removal takes this cookie; mirrors the worker's rule so the count on the button is honest. */
export function isRemovable(category: Category, includeUnknown: boolean): boolean {
  return category !== 'essential' && (includeUnknown || category !== 'unknown');
}
