import { expiresIso } from '../core/export/labelled-cookie';
import { escapeCellText, formatMarkdownDeclaration } from '../core/export/markdown';
import type { Category } from '../core/types';
import type { ScanErrorKind, ScanResult } from '../node/scan';
import { summarize } from '../shared/cookie-summary';
import type { CookieRecord, TabView } from '../shared/protocol';
import { formatBreakdown, sortRecords } from './breakdown';
import { auditConsent, bannerText, type ConsentViolation, type StateAudit, type Verdict } from './consent-audit';
import { compareDeclaration, type DeclarationDrift, type DeclaredCookie } from './declaration';
import { type LabelRecord, toLabelRecord } from './label-record';
import { renderTable, safeText } from './table';

/** What `cookie-inspector scan` prints: a table for people, JSON for machines, or a declaration. */

type Scanned = Extract<ScanResult, { ok: true }>;

function heading(result: Scanned): string {
  const status = result.status === null ? '' : `, HTTP ${result.status}`;
  return `${safeText(result.finalUrl, 200)} (${result.view.site ?? 'no site'}${status})`;
}

/** What a report adds to the cookies: the declaration to compare them with, and when. */
export interface ReportContext {
  now: number;
  declaration?: readonly DeclaredCookie[];
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');

export function tableReport(result: Scanned, context?: ReportContext): string {
  const parts = [`${heading(result)}\n${indent(formatBreakdown(result.view))}\n`];
  if (result.states) parts.push(indent(consentTable(auditConsent(result.states))));
  if (context?.declaration) parts.push(indent(driftTable(drift(result, context))));
  return parts.join('');
}

const VERDICT_TEXT: Record<Verdict, string> = {
  pass: 'ok',
  violations: 'VIOLATIONS',
  'banner-not-found': 'BANNER NOT FOUND: not judged',
  'banner-not-answered': 'BANNER NOT ANSWERED: not judged',
};

function consentTable(audits: readonly StateAudit[]): string {
  const rows = audits.map((a) => [
    a.state,
    safeText(bannerText(a), 40),
    ...(['essential', 'functional', 'analytics', 'marketing', 'unknown'] as const).map((c) =>
      String(a.byCategory[c].length),
    ),
    a.refused ? a.refused.categories.join(' ') || '-' : '',
    VERDICT_TEXT[a.verdict],
  ]);
  const lines = [
    'consent audit',
    renderTable(
      ['STATE', 'BANNER', 'ESSENTIAL', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING', 'UNKNOWN', 'REFUSED', 'VERDICT'],
      rows,
    ),
  ];
  for (const v of audits.flatMap((a) => a.violations)) lines.push(`violation (${v.state}): ${violationText(v)}`);
  return `${lines.join('\n')}\n`;
}

function violationText(v: ConsentViolation): string {
  const { cookie, label } = v.record;
  return `${safeText(cookie.name, 60)} @ ${safeText(cookie.domain, 60)} (${label.category}, ${safeText(label.vendor ?? 'unknown vendor', 40)}): ${v.reason}`;
}

function drift(result: Scanned, context: ReportContext): DeclarationDrift {
  return compareDeclaration(context.declaration ?? [], allRecords(result), context.now);
}

/** Every cookie the page set in any state, once. */
function allRecords(result: Scanned): CookieRecord[] {
  const byKey = new Map<string, CookieRecord>();
  for (const view of result.states?.map((s) => s.view) ?? [result.view]) {
    for (const record of view.cookies) if (!byKey.has(record.key)) byKey.set(record.key, record);
  }
  return sortRecords([...byKey.values()]);
}

function driftTable(d: DeclarationDrift): string {
  const name = (r: CookieRecord) => `${safeText(r.cookie.name, 60)} @ ${safeText(r.cookie.domain, 60)}`;
  const lines = [
    `declaration: ${d.undeclared.length} undeclared, ${d.otherCategory.length} in another category, ${d.longer.length} kept longer than declared`,
    ...d.undeclared.map((r) => `undeclared: ${name(r)} (${r.label.category})`),
    ...d.otherCategory.map(
      (o) => `other category: ${name(o.record)} declared ${o.declared}, labelled ${o.record.label.category}`,
    ),
    ...d.longer.map((l) => `longer: ${name(l.record)} declared ${safeText(l.declared, 40)}, kept ${l.actual}`),
  ];
  return `${lines.join('\n')}\n\n`;
}

export interface ScanJsonCookie extends LabelRecord {
  path: string;
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  session: boolean;
  /** ISO 8601, null for session cookies. */
  expires: string | null;
  partitioned: boolean;
}

function jsonCookie({ cookie, label }: CookieRecord): ScanJsonCookie {
  return {
    ...toLabelRecord(cookie, label),
    path: cookie.path,
    hostOnly: cookie.hostOnly,
    secure: cookie.secure,
    httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite,
    session: cookie.session,
    expires: expiresIso(cookie),
    partitioned: cookie.partitionKey !== undefined,
  };
}

interface ScanJsonTotals {
  total: number;
  byCategory: Record<Category, number>;
  firstParty: number;
  thirdParty: number;
  partitioned: number;
}

export interface ScanJsonViolation {
  state: string;
  kind: ConsentViolation['kind'];
  reason: string;
  cookie: { name: string; domain: string; path: string; partitioned: boolean };
  label: Pick<LabelRecord, 'category' | 'vendor' | 'purpose' | 'party' | 'source' | 'reason'>;
}

export interface ScanJsonState {
  state: string;
  finalUrl: string;
  status: number | null;
  /** Null for `none`, where nothing is answered. */
  banner: { status: string; cmp: string | null; detail: string | null } | null;
  verdict: Verdict;
  refused?: { categories: string[]; from: string };
  consentRecords: Array<{
    platform: string;
    status: string;
    answered: boolean | null;
    categories: Record<string, string>;
  }>;
  totals: ScanJsonTotals;
  /** Cookie names per category. */
  byCategory: Record<Category, string[]>;
  cookies: ScanJsonCookie[];
}

export interface ScanJsonDrift {
  undeclared: Array<{ name: string; domain: string; category: Category; vendor: string | null }>;
  otherCategory: Array<{ name: string; domain: string; declared: Category; labelled: Category }>;
  longer: Array<{ name: string; domain: string; declared: string; actual: string }>;
}

export type ScanJsonResult =
  | { url: string; error: { kind: ScanErrorKind; message: string } }
  | {
      url: string;
      finalUrl: string;
      status: number | null;
      site: string | null;
      totals: ScanJsonTotals;
      cookies: ScanJsonCookie[];
      consent?: { states: ScanJsonState[]; violations: ScanJsonViolation[] };
      declaration?: ScanJsonDrift;
    };

export interface ScanJson {
  scannedAt: string;
  results: ScanJsonResult[];
}

function totals(view: TabView): ScanJsonTotals {
  const summary = summarize(view.cookies, view.includeUnknown);
  return {
    total: summary.total,
    byCategory: summary.byCategory,
    firstParty: view.cookies.filter((c) => c.label.party === 'first').length,
    thirdParty: summary.thirdParty,
    partitioned: summary.partitioned,
  };
}

function jsonViolation(v: ConsentViolation): ScanJsonViolation {
  const { cookie, label } = v.record;
  return {
    state: v.state,
    kind: v.kind,
    reason: v.reason,
    cookie: {
      name: cookie.name,
      domain: cookie.domain,
      path: cookie.path,
      partitioned: cookie.partitionKey !== undefined,
    },
    label: {
      category: label.category,
      vendor: label.vendor,
      purpose: label.purpose,
      party: label.party,
      source: label.source,
      reason: label.reason,
    },
  };
}

function jsonState(a: StateAudit): ScanJsonState {
  const { scan } = a;
  const banner = scan.banner;
  return {
    state: a.state,
    finalUrl: scan.finalUrl,
    status: scan.status,
    banner: banner
      ? {
          status: banner.status,
          cmp: banner.status === 'not-found' ? null : banner.cmp,
          detail: banner.status === 'answered' ? null : banner.detail,
        }
      : null,
    verdict: a.verdict,
    ...(a.refused ? { refused: { categories: [...a.refused.categories], from: a.refused.from } } : {}),
    consentRecords: a.records.map((r) => ({
      platform: r.platform,
      status: r.status,
      answered: r.status === 'read' ? r.answered : null,
      categories: r.status === 'read' ? { ...r.categories } : {},
    })),
    totals: totals(scan.view),
    byCategory: Object.fromEntries(
      Object.entries(a.byCategory).map(([c, records]) => [c, records.map((r) => r.cookie.name)]),
    ) as Record<Category, string[]>,
    cookies: sortRecords(scan.view.cookies).map(jsonCookie),
  };
}

function jsonDrift(d: DeclarationDrift): ScanJsonDrift {
  return {
    undeclared: d.undeclared.map(({ cookie, label }) => ({
      name: cookie.name,
      domain: cookie.domain,
      category: label.category,
      vendor: label.vendor,
    })),
    otherCategory: d.otherCategory.map(({ record, declared }) => ({
      name: record.cookie.name,
      domain: record.cookie.domain,
      declared,
      labelled: record.label.category,
    })),
    longer: d.longer.map(({ record, declared, actual }) => ({
      name: record.cookie.name,
      domain: record.cookie.domain,
      declared,
      actual,
    })),
  };
}

/** One result as JSON: an entry of `--json`'s results, or one line of `--jsonl`. */
export function jsonResult(r: ScanResult, context: ReportContext): ScanJsonResult {
  if (!r.ok) return { url: r.url, error: { kind: r.kind, message: r.error } };
  const out: ScanJsonResult = {
    url: r.url,
    finalUrl: r.finalUrl,
    status: r.status,
    site: r.view.site,
    totals: totals(r.view),
    cookies: sortRecords(r.view.cookies).map(jsonCookie),
  };
  if (r.states) {
    const audits = auditConsent(r.states);
    out.consent = { states: audits.map(jsonState), violations: audits.flatMap((a) => a.violations).map(jsonViolation) };
  }
  if (context.declaration) out.declaration = jsonDrift(drift(r, context));
  return out;
}

export function jsonReport(
  results: readonly ScanResult[],
  now: number,
  context?: Omit<ReportContext, 'now'>,
): ScanJson {
  return {
    scannedAt: new Date(now * 1000).toISOString(),
    results: results.map((r) => jsonResult(r, { ...context, now })),
  };
}

export function markdownReport(
  results: readonly ScanResult[],
  now: number,
  context?: Omit<ReportContext, 'now'>,
): string {
  return results
    .filter((r): r is Scanned => r.ok)
    .map((r) => {
      let text = formatMarkdownDeclaration(r.view.cookies, { url: r.finalUrl, site: r.view.site, now });
      if (r.states) text += markdownConsent(auditConsent(r.states));
      if (context?.declaration) text += markdownDrift(drift(r, { ...context, now }));
      return text;
    })
    .join('\n');
}

function markdownConsent(audits: readonly StateAudit[]): string {
  const cell = (text: string) => escapeCellText(text);
  const lines = [
    '',
    '## Consent audit',
    '',
    '| State | Banner | Essential | Functional | Analytics | Marketing | Unclassified | Verdict |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...audits.map(
      (a) =>
        `| ${a.state} | ${cell(bannerText(a))} | ${(
          ['essential', 'functional', 'analytics', 'marketing', 'unknown'] as const
        )
          .map((c) => a.byCategory[c].map((r) => cell(r.cookie.name)).join(', ') || '-')
          .join(' | ')} | ${cell(VERDICT_TEXT[a.verdict])} |`,
    ),
  ];
  const violations = audits.flatMap((a) => a.violations);
  if (violations.length > 0) {
    lines.push('', '### Violations', '');
    for (const v of violations) {
      const { cookie, label } = v.record;
      lines.push(
        `- ${cell(v.state)}: ${cell(cookie.name)} on ${cell(cookie.domain)} (${label.category}, ${cell(label.vendor ?? 'unknown vendor')}): ${cell(v.reason)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function markdownDrift(d: DeclarationDrift): string {
  const cell = (text: string) => escapeCellText(text);
  const lines = ['', '## Compared with the declaration', ''];
  if (d.undeclared.length + d.otherCategory.length + d.longer.length === 0)
    lines.push('Everything set is declared as set.');
  for (const r of d.undeclared) lines.push(`- Not declared: ${cell(r.cookie.name)} (${r.label.category})`);
  for (const o of d.otherCategory) {
    lines.push(`- Declared as ${o.declared}, labelled ${o.record.label.category}: ${cell(o.record.cookie.name)}`);
  }
  for (const l of d.longer)
    lines.push(
      `- Kept longer than declared: ${cell(l.record.cookie.name)} (declared ${cell(l.declared)}, kept ${l.actual})`,
    );
  return `${lines.join('\n')}\n`;
}

/** Every consent violation of the scanned pages, with the page. */
export function consentViolations(results: readonly ScanResult[]): Array<{ url: string; violation: ConsentViolation }> {
  return results.flatMap((r) =>
    r.ok && r.states
      ? auditConsent(r.states).flatMap((a) => a.violations.map((violation) => ({ url: r.url, violation })))
      : [],
  );
}

/** The states of the scanned pages whose banner could not be answered. */
export function unansweredStates(results: readonly ScanResult[]): Array<{ url: string; audit: StateAudit }> {
  return results.flatMap((r) =>
    r.ok && r.states
      ? auditConsent(r.states)
          .filter((a) => a.verdict === 'banner-not-found' || a.verdict === 'banner-not-answered')
          .map((audit) => ({ url: r.url, audit }))
      : [],
  );
}

export { violationText };

/** The cookies whose category `--fail-on` names, with the page they were found on (in any consent state). */
export function failOnMatches(
  results: readonly ScanResult[],
  categories: ReadonlySet<Category>,
): Array<{ url: string; record: CookieRecord }> {
  return results.flatMap((r) =>
    r.ok
      ? allRecords(r)
          .filter((c) => categories.has(c.label.category))
          .map((record) => ({ url: r.url, record }))
      : [],
  );
}
