import {
  COVERAGE_BUCKETS,
  type EvalReport,
  evaluate,
  majorityLabels,
  type ScoredCookie,
  TRUE_CATEGORIES,
} from '../../core/eval';
import type { Labeller } from '../../core/label';
import { CATEGORIES, type Label } from '../../core/types';
import { createDefaultLabeller } from '../../shared/labeller';
import { parseArgs } from '../args';
import { type LabelledCookie, parseCookieBlock } from '../cookieblock';
import { type CliIO, readUserInput, UsageError } from '../io';
import { renderTable } from '../table';

/** `cookie-inspector eval FILE [--json]`: how well we label a sample whose purposes are known. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(args, { json: 'flag' });
  if (positional.length !== 1) {
    throw new UsageError('give one file of labelled cookies in the CookieBlock format (FILE or - for standard input)');
  }
  const sample = parseCookieBlock(await readUserInput(io, positional[0]), Math.floor(Date.now() / 1000));
  const result = evaluateSample(sample, createDefaultLabeller());
  if (options.has('json')) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  io.stdout(renderReport(result));
  return 0;
}

export interface SampleResult extends EvalReport {
  sites: number;
  /** The same measures against the label most sites gave each cookie name. */
  majority: EvalReport;
  /**
   * How a labeller that knew each name's majority label would score against the declared labels:
   * how far the sites' disagreement alone keeps any labeller that goes by name from the truth.
   */
  noiseCeiling: Pick<EvalReport, 'accuracy' | 'balancedAccuracy' | 'essentialDeletedRate' | 'trackingKeptRate'>;
}

/**
 * Labels every cookie as the extension would on its tab: first alone, then again with the vendors
 * that the catalog recognised among the tab's other cookies, which settles names several vendors use.
 */
export function evaluateSample(sample: readonly LabelledCookie[], labeller: Labeller): SampleResult {
  const bySite = new Map<string, LabelledCookie[]>();
  for (const item of sample) {
    const list = bySite.get(item.site);
    if (list) list.push(item);
    else bySite.set(item.site, [item]);
  }
  const labels = new Map<LabelledCookie, Label>();
  for (const [site, items] of bySite) {
    const vendorsOnPage = new Set<string>();
    for (const { cookie } of items) {
      const label = labeller.label(cookie, { topLevelUrl: site });
      if (label.vendor && label.entryId) vendorsOnPage.add(label.vendor);
    }
    for (const item of items) {
      labels.set(item, labeller.label(item.cookie, { topLevelUrl: site, vendorsOnPage: [...vendorsOnPage] }));
    }
  }
  const scored = (truthOf: (item: LabelledCookie) => ScoredCookie['truth']): ScoredCookie[] =>
    sample.map((item) => {
      const label = labels.get(item) as Label;
      return { truth: truthOf(item), predicted: label.category, source: label.source };
    });
  const majority = majorityLabels(sample.map((item) => ({ name: item.cookie.name, truth: item.truth })));
  const majorityOf = (item: LabelledCookie) => majority.get(item.cookie.name) ?? item.truth;
  const ceiling = evaluate(sample.map((item) => ({ truth: item.truth, predicted: majorityOf(item), source: 'exact' })));
  return {
    ...evaluate(scored((item) => item.truth)),
    sites: bySite.size,
    majority: evaluate(scored(majorityOf)),
    noiseCeiling: {
      accuracy: ceiling.accuracy,
      balancedAccuracy: ceiling.balancedAccuracy,
      essentialDeletedRate: ceiling.essentialDeletedRate,
      trackingKeptRate: ceiling.trackingKeptRate,
    },
  };
}

export function renderReport(r: SampleResult): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const dec = (n: number) => n.toFixed(3);
  const c = r.noiseCeiling;
  const headline = renderTable(
    ['MEASURE', 'DECLARED LABELS', 'MAJORITY LABEL PER NAME', 'NOISE CEILING'],
    [
      ['accuracy (unknown = miss)', dec(r.accuracy), dec(r.majority.accuracy), dec(c.accuracy)],
      ['balanced accuracy', dec(r.balancedAccuracy), dec(r.majority.balancedAccuracy), dec(c.balancedAccuracy)],
      [
        'essential cookies deleted',
        pct(r.essentialDeletedRate),
        pct(r.majority.essentialDeletedRate),
        pct(c.essentialDeletedRate),
      ],
      [
        'analytics+marketing kept as essential',
        pct(r.trackingKeptRate),
        pct(r.majority.trackingKeptRate),
        pct(c.trackingKeptRate),
      ],
      ['labelled unknown', pct(r.unknownRate), pct(r.majority.unknownRate), '-'],
    ],
  );
  const perCategory = renderTable(
    ['CATEGORY', 'SUPPORT', 'PREDICTED', 'PRECISION', 'RECALL', 'F1'],
    TRUE_CATEGORIES.map((c) => {
      const s = r.perCategory[c];
      return [c, String(s.support), String(s.predicted), dec(s.precision), dec(s.recall), dec(s.f1)];
    }),
  );
  const confusion = renderTable(
    ['TRUTH \\ OURS', ...CATEGORIES],
    TRUE_CATEGORIES.map((t) => [t, ...CATEGORIES.map((c) => String(r.confusion[t][c]))]),
  );
  const coverage = renderTable(
    ['SOURCE', 'COOKIES', 'SHARE', 'ACCURACY'],
    COVERAGE_BUCKETS.map((b) => {
      const s = r.coverage[b];
      return [b, String(s.count), pct(s.share), b === 'unknown' ? '-' : dec(s.accuracy)];
    }),
  );
  return [
    `${r.total} labelled cookies from ${r.sites} sites (CookieBlock, Bollinger et al., ETH Zurich, MIT licence).`,
    'Essential deleted: truly essential cookies we label functional, analytics or marketing, which one-click',
    'removal deletes (it keeps unknown ones). Tracking kept: analytics and marketing cookies we label essential.',
    'Noise ceiling: the score of the majority label of each name against the declared labels, the best any',
    'labeller that goes by name could reach on this sample, since sites label the same cookie differently.',
    '',
    headline,
    'Per category (declared labels):',
    perCategory,
    'Confusion matrix (declared labels; rows: truth, columns: our label):',
    confusion,
    'Coverage by source:',
    coverage,
  ].join('\n');
}
