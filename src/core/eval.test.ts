import { describe, expect, it } from 'vitest';
import { coverageBucket, evaluate, majorityLabels, type ScoredCookie } from './eval';

const s = (truth: ScoredCookie['truth'], predicted: ScoredCookie['predicted'], source: ScoredCookie['source']) => ({
  truth,
  predicted,
  source,
});

// Ten cookies whose measures are worked out by hand below.
const FIXTURE: ScoredCookie[] = [
  s('essential', 'essential', 'exact'),
  s('essential', 'essential', 'heuristic'),
  s('essential', 'marketing', 'domain'),
  s('essential', 'unknown', 'none'),
  s('functional', 'functional', 'pattern'),
  s('functional', 'essential', 'heuristic'),
  s('analytics', 'analytics', 'exact'),
  s('analytics', 'essential', 'exact-nocase'),
  s('marketing', 'marketing', 'domain'),
  s('marketing', 'marketing', 'exact'),
];

describe('evaluate', () => {
  const r = evaluate(FIXTURE);

  it('counts unknown as a miss in accuracy', () => {
    expect(r.total).toBe(10);
    expect(r.accuracy).toBeCloseTo(6 / 10);
    expect(r.unknownRate).toBeCloseTo(1 / 10);
  });

  it('averages recall over the four categories for balanced accuracy', () => {
    expect(r.balancedAccuracy).toBeCloseTo((2 / 4 + 1 / 2 + 1 / 2 + 2 / 2) / 4);
  });

  it('gives precision, recall and F1 per category', () => {
    expect(r.perCategory.essential).toEqual({
      support: 4,
      predicted: 4,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
    });
    expect(r.perCategory.marketing.precision).toBeCloseTo(2 / 3);
    expect(r.perCategory.marketing.recall).toBe(1);
    expect(r.perCategory.marketing.f1).toBeCloseTo(0.8);
    expect(r.perCategory.analytics).toMatchObject({ support: 2, predicted: 1, precision: 1, recall: 0.5 });
  });

  it('counts only optional labels, not unknown, as essential cookies deleted', () => {
    expect(r.essentialDeletedRate).toBeCloseTo(1 / 4);
  });

  it('counts analytics and marketing cookies labelled essential as tracking kept', () => {
    expect(r.trackingKeptRate).toBeCloseTo(1 / 4);
  });

  it('fills the confusion matrix, unknown included', () => {
    expect(r.confusion.essential).toEqual({ essential: 2, functional: 0, analytics: 0, marketing: 1, unknown: 1 });
    expect(r.confusion.functional.essential).toBe(1);
    const cells = Object.values(r.confusion).flatMap((row) => Object.values(row));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('reports coverage by source, with the accuracy of each', () => {
    expect(r.coverage.catalog).toEqual({ count: 4, share: 0.4, accuracy: 0.75 });
    expect(r.coverage.pattern).toEqual({ count: 1, share: 0.1, accuracy: 1 });
    expect(r.coverage.domain).toEqual({ count: 2, share: 0.2, accuracy: 0.5 });
    expect(r.coverage.heuristic).toEqual({ count: 2, share: 0.2, accuracy: 0.5 });
    expect(r.coverage.unknown).toEqual({ count: 1, share: 0.1, accuracy: 0 });
  });

  it('leaves categories absent from the sample out of balanced accuracy, and scores nothing as 0', () => {
    const only = evaluate([s('essential', 'essential', 'exact'), s('marketing', 'unknown', 'none')]);
    expect(only.balancedAccuracy).toBeCloseTo(0.5);
    expect(only.perCategory.functional).toEqual({ support: 0, predicted: 0, precision: 0, recall: 0, f1: 0 });
    expect(evaluate([]).accuracy).toBe(0);
  });
});

describe('coverageBucket', () => {
  it.each([
    ['essential', 'exact', 'catalog'],
    ['marketing', 'exact-nocase', 'catalog'],
    ['analytics', 'pattern', 'pattern'],
    ['marketing', 'domain', 'domain'],
    ['functional', 'heuristic', 'heuristic'],
    ['unknown', 'exact', 'unknown'],
    ['unknown', 'domain', 'unknown'],
    ['unknown', 'none', 'unknown'],
  ] as const)('%s from %s -> %s', (category, source, bucket) => {
    expect(coverageBucket({ category, source })).toBe(bucket);
  });
});

describe('majorityLabels', () => {
  it('takes the most common label per name, ties going to the costlier loss', () => {
    const majority = majorityLabels([
      { name: '_ga', truth: 'analytics' },
      { name: '_ga', truth: 'essential' },
      { name: '_ga', truth: 'analytics' },
      { name: 'pref', truth: 'marketing' },
      { name: 'pref', truth: 'functional' },
    ]);
    expect(majority.get('_ga')).toBe('analytics');
    expect(majority.get('pref')).toBe('functional');
  });
});
