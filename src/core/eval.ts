import type { Category, LabelSource } from './types';

/**
 * Accuracy metrics for labels against a labelled sample. Definitions (README "Accuracy" shows them
 * to readers):
 * - accuracy: share of cookies whose category equals the truth; `unknown` is always a miss;
 * - balanced accuracy: mean recall over the four categories, so the rarer functional cookies count
 *   as much as the common ones;
 * - essential deleted: share of truly essential cookies labelled functional, analytics or marketing,
 *   which one-click removal deletes by default (it keeps `unknown`, so those are not counted);
 * - tracking kept: share of truly analytics or marketing cookies labelled essential, which no
 *   removal ever touches;
 * - precision of a category nobody predicted is 0, as is F1 when precision and recall are both 0.
 */

export const TRUE_CATEGORIES = ['essential', 'functional', 'analytics', 'marketing'] as const;
export type TrueCategory = (typeof TRUE_CATEGORIES)[number];

export const COVERAGE_BUCKETS = ['catalog', 'pattern', 'domain', 'heuristic', 'unknown'] as const;
export type CoverageBucket = (typeof COVERAGE_BUCKETS)[number];

export interface ScoredCookie {
  truth: TrueCategory;
  predicted: Category;
  source: LabelSource;
}

export interface CategoryScore {
  /** Cookies truly in the category. */
  support: number;
  /** Cookies we put in the category. */
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface BucketScore {
  count: number;
  share: number;
  /** Share of the bucket's cookies labelled correctly (0 for `unknown`). */
  accuracy: number;
}

export interface EvalReport {
  total: number;
  accuracy: number;
  balancedAccuracy: number;
  essentialDeletedRate: number;
  trackingKeptRate: number;
  unknownRate: number;
  coverage: Record<CoverageBucket, BucketScore>;
  perCategory: Record<TrueCategory, CategoryScore>;
  /** confusion[truth][predicted]: counts, `unknown` included as a predicted column. */
  confusion: Record<TrueCategory, Record<Category, number>>;
}

/** Which coverage bucket a label falls into: its source, or `unknown` when it gives no category. */
export function coverageBucket(label: { category: Category; source: LabelSource }): CoverageBucket {
  if (label.category === 'unknown') return 'unknown';
  switch (label.source) {
    case 'exact':
    case 'exact-nocase':
      return 'catalog';
    case 'pattern':
    case 'domain':
    case 'heuristic':
      return label.source;
    case 'none':
      return 'unknown';
  }
}

export function evaluate(items: readonly ScoredCookie[]): EvalReport {
  const confusion = Object.fromEntries(
    TRUE_CATEGORIES.map((t) => [t, { essential: 0, functional: 0, analytics: 0, marketing: 0, unknown: 0 }]),
  ) as Record<TrueCategory, Record<Category, number>>;
  const buckets = Object.fromEntries(COVERAGE_BUCKETS.map((b) => [b, { count: 0, correct: 0 }])) as Record<
    CoverageBucket,
    { count: number; correct: number }
  >;
  let correct = 0;
  for (const item of items) {
    confusion[item.truth][item.predicted] += 1;
    const hit = item.truth === item.predicted;
    if (hit) correct += 1;
    const bucket = buckets[coverageBucket({ category: item.predicted, source: item.source })];
    bucket.count += 1;
    if (hit) bucket.correct += 1;
  }
  const total = items.length;
  const perCategory = Object.fromEntries(
    TRUE_CATEGORIES.map((c) => {
      const support = sumRow(confusion[c]);
      const predicted = TRUE_CATEGORIES.reduce((n, t) => n + confusion[t][c], 0);
      const tp = confusion[c][c];
      const precision = ratio(tp, predicted);
      const recall = ratio(tp, support);
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return [c, { support, predicted, precision, recall, f1 }];
    }),
  ) as Record<TrueCategory, CategoryScore>;
  const present = TRUE_CATEGORIES.filter((c) => perCategory[c].support > 0);
  const essentialRow = confusion.essential;
  const trackingTotal = sumRow(confusion.analytics) + sumRow(confusion.marketing);
  return {
    total,
    accuracy: ratio(correct, total),
    // Categories absent from the sample have no recall to average.
    balancedAccuracy: ratio(
      present.reduce((s, c) => s + perCategory[c].recall, 0),
      present.length,
    ),
    essentialDeletedRate: ratio(
      essentialRow.functional + essentialRow.analytics + essentialRow.marketing,
      sumRow(essentialRow),
    ),
    trackingKeptRate: ratio(confusion.analytics.essential + confusion.marketing.essential, trackingTotal),
    unknownRate: ratio(
      TRUE_CATEGORIES.reduce((n, t) => n + confusion[t].unknown, 0),
      total,
    ),
    coverage: Object.fromEntries(
      COVERAGE_BUCKETS.map((b) => [
        b,
        {
          count: buckets[b].count,
          share: ratio(buckets[b].count, total),
          accuracy: ratio(buckets[b].correct, buckets[b].count),
        },
      ]),
    ) as Record<CoverageBucket, BucketScore>,
    perCategory,
    confusion,
  };
}

/**
 * The label most often given to each name. Sites disagree about the same cookie (`_ga` is
 * "necessary" on a few), so scoring against the majority shows how much of a miss is label noise.
 * Ties go to the category listed first in TRUE_CATEGORIES, the one whose loss costs most.
 */
export function majorityLabels(items: ReadonlyArray<{ name: string; truth: TrueCategory }>): Map<string, TrueCategory> {
  const counts = new Map<string, Record<TrueCategory, number>>();
  for (const { name, truth } of items) {
    let row = counts.get(name);
    if (!row) {
      row = { essential: 0, functional: 0, analytics: 0, marketing: 0 };
      counts.set(name, row);
    }
    row[truth] += 1;
  }
  const out = new Map<string, TrueCategory>();
  for (const [name, row] of counts) {
    let best: TrueCategory = TRUE_CATEGORIES[0];
    for (const c of TRUE_CATEGORIES) if (row[c] > row[best]) best = c;
    out.set(name, best);
  }
  return out;
}

function sumRow(row: Record<Category, number>): number {
  return row.essential + row.functional + row.analytics + row.marketing + row.unknown;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
