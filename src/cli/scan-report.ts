import { expiresIso } from '../core/export/labelled-cookie';
import { formatMarkdownDeclaration } from '../core/export/markdown';
import type { Category } from '../core/types';
import { formatBreakdown, sortRecords } from '../node/breakdown';
import type { ScanErrorKind, ScanResult } from '../node/scan';
import type { CookieRecord } from '../shared/protocol';
import { summarize } from '../ui/cookie-summary';
import { type LabelRecord, toLabelRecord } from './label-record';
import { safeText } from './table';

/** What `cookie-inspector scan` prints: a table for people, JSON for machines, or a declaration. */

type Scanned = Extract<ScanResult, { ok: true }>;

function heading(result: Scanned): string {
  const status = result.status === null ? '' : `, HTTP ${result.status}`;
  return `${safeText(result.finalUrl, 200)} (${result.view.site ?? 'no site'}${status})`;
}

export function tableReport(result: Scanned): string {
  const breakdown = formatBreakdown(result.view)
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n');
  return `${heading(result)}\n${breakdown}\n`;
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

export type ScanJsonResult =
  | { url: string; error: { kind: ScanErrorKind; message: string } }
  | {
      url: string;
      finalUrl: string;
      status: number | null;
      site: string | null;
      totals: {
        total: number;
        byCategory: Record<Category, number>;
        firstParty: number;
        thirdParty: number;
        partitioned: number;
      };
      cookies: ScanJsonCookie[];
    };

export interface ScanJson {
  scannedAt: string;
  results: ScanJsonResult[];
}

export function jsonReport(results: readonly ScanResult[], now: number): ScanJson {
  return {
    scannedAt: new Date(now * 1000).toISOString(),
    results: results.map((r) => {
      if (!r.ok) return { url: r.url, error: { kind: r.kind, message: r.error } };
      const summary = summarize(r.view.cookies, r.view.includeUnknown);
      return {
        url: r.url,
        finalUrl: r.finalUrl,
        status: r.status,
        site: r.view.site,
        totals: {
          total: summary.total,
          byCategory: summary.byCategory,
          firstParty: r.view.cookies.filter((c) => c.label.party === 'first').length,
          thirdParty: summary.thirdParty,
          partitioned: summary.partitioned,
        },
        cookies: sortRecords(r.view.cookies).map(jsonCookie),
      };
    }),
  };
}

export function markdownReport(results: readonly ScanResult[], now: number): string {
  return results
    .filter((r): r is Scanned => r.ok)
    .map((r) => formatMarkdownDeclaration(r.view.cookies, { url: r.finalUrl, site: r.view.site, now }))
    .join('\n');
}

/** The cookies whose category `--fail-on` names, with the page they were found on. */
export function failOnMatches(
  results: readonly ScanResult[],
  categories: ReadonlySet<Category>,
): Array<{ url: string; record: CookieRecord }> {
  return results.flatMap((r) =>
    r.ok
      ? r.view.cookies.filter((c) => categories.has(c.label.category)).map((record) => ({ url: r.url, record }))
      : [],
  );
}
