import { formatLifetime } from '../core/lifetime';
import { CATEGORIES } from '../core/types';
import { summarize } from '../shared/cookie-summary';
import type { CookieRecord, TabView } from '../shared/protocol';
import { renderTable, safeText } from './table';

/**
 * A tab's cookies as text: the totals the popup shows (per category, first and third party,
 * partitioned, what one click removes) and a row per cookie. `npm start` and `scan` print it.
 */
export function formatBreakdown(view: TabView): string {
  const summary = summarize(view.cookies, view.includeUnknown);
  const perCategory = CATEGORIES.map((c) => `${summary.byCategory[c]} ${c}`).join(' · ');
  const firstParty = view.cookies.filter((r) => r.label.party === 'first').length;
  const lines = [
    `${summary.total} cookie${summary.total === 1 ? '' : 's'}: ${perCategory}`,
    `${firstParty} first-party · ${summary.thirdParty} third-party · ${summary.partitioned} partitioned · one click removes ${summary.removable}`,
  ];
  for (const group of summary.keptForConsequence) {
    lines.push(`kept: ${group.records.length} of ${group.vendor ?? 'unidentified'} (${group.ifDeleted})`);
  }
  if (view.cookies.length === 0) return `${lines.join('\n')}\n`;
  const rows = sortRecords(view.cookies).map(({ cookie, label }) => [
    safeText(cookie.name, 40),
    safeText(cookie.domain, 32),
    label.category,
    label.ifDeleted,
    safeText(label.vendor ?? '-', 24),
    label.party,
    safeText(formatLifetime(label.lifetime), 24),
    cookie.partitionKey ? 'partitioned' : '',
  ]);
  return `${lines.join('\n')}\n\n${renderTable(['NAME', 'DOMAIN', 'CATEGORY', 'IF DELETED', 'VENDOR', 'PARTY', 'LIFETIME', ''], rows)}`;
}

/** In the popup's order: by category (essential first), then by name and domain. */
export function sortRecords(records: readonly CookieRecord[]): CookieRecord[] {
  const order = (r: CookieRecord) => CATEGORIES.indexOf(r.label.category);
  return [...records].sort(
    (a, b) =>
      order(a) - order(b) ||
      compare(a.cookie.name, b.cookie.name) ||
      compare(a.cookie.domain, b.cookie.domain) ||
      compare(a.cookie.path, b.cookie.path),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
