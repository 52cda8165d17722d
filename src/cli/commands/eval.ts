import {
  type BreakageReport,
  evaluateBreakage,
  evaluateSignIns,
  parseSignInRows,
  type SignInReport,
  type SignInRow,
} from '../../core/consequence-eval';
import { removableInOneClick } from '../../core/deletion-policy';
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
import { joinJudgement, parseJudgement } from '../judgement';
import { renderTable } from '../table';

/**
 * `cookie-inspector eval [FILE] [--sign-ins FILE...] [--judgement FILE] [--json]`: how well we
 * label a sample whose purposes are known (FILE, CookieBlock format), what one click would do to
 * the sign-in development set, and which of the sample's cookies whose deletion we judged would
 * break something one click deletes.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { positional, options } = parseArgs(args, { json: 'flag', 'sign-ins': 'many', judgement: 'one' });
  const signInFiles = options.get('sign-ins') ?? [];
  const judgementFile = options.get('judgement')?.[0];
  if (positional.length > 1 || (positional.length === 0 && signInFiles.length === 0)) {
    throw new UsageError(
      'give one file of labelled cookies in the CookieBlock format (FILE or - for standard input), or --sign-ins FILE...',
    );
  }
  if (judgementFile && positional.length === 0) throw new UsageError('--judgement needs the sample FILE it judges');
  const labeller = createDefaultLabeller();
  const out: EvalOutput = {};
  if (positional.length === 1) {
    const sample = parseCookieBlock(await readUserInput(io, positional[0]), Math.floor(Date.now() / 1000));
    const { result, labelOf } = evaluateSampleWithLabels(sample, labeller);
    out.sample = result;
    if (judgementFile) {
      const judgement = parseJudgement(judgementFile, await readUserInput(io, judgementFile));
      const byKey = new Map(sample.map((item) => [item.key, item]));
      const { judged, missing } = joinJudgement(judgement, byKey);
      if (missing.length > 0) {
        throw new UsageError(
          `${judgementFile} judges ${missing.length} cookies the sample does not hold, e.g. ${missing[0]}`,
        );
      }
      out.breakage = evaluateBreakage(judged, (j) => labelOf(byKey.get(j.key) as LabelledCookie));
    }
  }
  if (signInFiles.length > 0) {
    const rows: SignInRow[] = [];
    for (const file of signInFiles) {
      let data: unknown;
      try {
        data = JSON.parse(await readUserInput(io, file));
      } catch (e) {
        if (e instanceof UsageError) throw e;
        throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
      }
      try {
        rows.push(...parseSignInRows(file, data));
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
    }
    out.signIns = evaluateSignIns(rows, labeller);
  }
  if (options.has('json')) {
    // The sample's measures stay at the top level, where scripts already read them.
    const { sample, ...rest } = out;
    io.stdout(`${JSON.stringify({ ...sample, ...rest }, null, 2)}\n`);
    return 0;
  }
  const parts: string[] = [];
  if (out.sample) parts.push(renderReport(out.sample));
  if (out.breakage) parts.push(renderBreakage(out.breakage));
  if (out.signIns) parts.push(renderSignIns(out.signIns));
  io.stdout(parts.join('\n'));
  return 0;
}

interface EvalOutput {
  sample?: SampleResult;
  breakage?: BreakageReport;
  signIns?: SignInReport;
}

function renderBreakage(r: BreakageReport): string {
  const lines = [
    'What deleting does (our judgement of the sample’s essential and functional cookies, test/cookieblock-judgement.json):',
    renderTable(
      ['MEASURE', 'COOKIES', 'TARGET'],
      [
        ['judged', String(r.judged), ''],
        ['deleting breaks something (signs out, security check, cart, consent)', String(r.breaking), ''],
        ['of those, deleted by one click', String(r.deletedByDefault.length), '0'],
        ['of those, deleted by one click with unknown cookies included', String(r.deletedWithUnknown), ''],
      ],
    ),
  ];
  for (const d of r.deletedByDefault)
    lines.push(`  deleted: ${d.key} (judged ${d.ifDeleted}; labelled ${d.label.category}, ${d.label.ifDeleted})`);
  return lines.join('\n');
}

function renderSignIns(r: SignInReport): string {
  const lines = [
    `Sign-in development set: ${r.rows} cookies of ${r.platforms} platforms and frameworks, each on its own site and embedded in another:`,
    renderTable(
      ['MEASURE', 'CASES', 'TARGET'],
      [
        ['sign-in and security cookies', String(r.protectedCases), ''],
        ['of those, deleted by one click or keeping a site clean', String(r.protectedDeleted.length), '0'],
        ['advertising and analytics controls', String(r.controlCases), ''],
        ['of those, kept', String(r.controlsKept.length), '0'],
      ],
    ),
  ];
  for (const c of r.protectedDeleted)
    lines.push(`  deleted: ${c.row.platform} ${c.row.name} (${c.where}): ${c.label.category}, ${c.label.ifDeleted}`);
  for (const c of r.controlsKept)
    lines.push(`  kept: ${c.row.platform} ${c.row.name} (${c.where}): ${c.label.category}, ${c.label.ifDeleted}`);
  return lines.join('\n');
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
  /**
   * Declared-essential cookies that one click really deletes: `essentialDeletedRate` counts every
   * optional label, but the deletion rule also keeps optional cookies whose loss would sign the
   * person out, ask for a security check or consent again, or empty a cart.
   */
  essentialRemovedByOneClickRate: number;
}

/**
 * Labels every cookie as the extension would on its tab: first alone, then again with the vendors
 * that the catalog recognised among the tab's other cookies, which settles names several vendors use.
 */
export function evaluateSample(sample: readonly LabelledCookie[], labeller: Labeller): SampleResult {
  return evaluateSampleWithLabels(sample, labeller).result;
}

function evaluateSampleWithLabels(
  sample: readonly LabelledCookie[],
  labeller: Labeller,
): { result: SampleResult; labelOf: (item: LabelledCookie) => Label } {
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
  const essentials = sample.filter((item) => item.truth === 'essential');
  const removedEssentials = essentials.filter((item) => removableInOneClick(labels.get(item) as Label, false));
  const result: SampleResult = {
    ...evaluate(scored((item) => item.truth)),
    essentialRemovedByOneClickRate: essentials.length === 0 ? 0 : removedEssentials.length / essentials.length,
    sites: bySite.size,
    majority: evaluate(scored(majorityOf)),
    noiseCeiling: {
      accuracy: ceiling.accuracy,
      balancedAccuracy: ceiling.balancedAccuracy,
      essentialDeletedRate: ceiling.essentialDeletedRate,
      trackingKeptRate: ceiling.trackingKeptRate,
    },
  };
  return { result, labelOf: (item) => labels.get(item) as Label };
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
      ['essential cookies one click really deletes (deletion rule)', pct(r.essentialRemovedByOneClickRate), '-', '-'],
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
