import { type ConsentCategory, type ConsentRecord, readConsent, refusedCategories } from '../core/consent';
import { CATEGORIES, type Category } from '../core/types';
import type { AuditState, StateScan } from '../node/scan';
import type { CookieRecord } from '../shared/protocol';

/**
 * Did the site respect the visitor's choice? The three states of `scan --consent` judged against
 * what the site set:
 *
 * - `none`, before any answer: analytics and marketing cookies need consent first (ePrivacy
 *   Directive art. 5(3), as the EDPB and national regulators read it). Functional cookies are not
 *   flagged: ours covers what a visitor uses on the page (a chat, a video player, a remembered
 *   language), which regulators exempt when it serves a feature the visitor asked for, and a label
 *   cannot tell whether they did; flagging them would fail nearly every site with a chat widget.
 *   Unknown cookies cannot be judged either way, and are counted, not flagged.
 * - `reject`: cookies of the categories the person refused must not be there afterwards, whenever
 *   they were set. Refused is what the site's own consent record says (read back from its
 *   cookies), which may include functional; without a readable record, what autoconsent's opt-out
 *   refuses: every optional category, of which analytics and marketing are judged, as above.
 * - `accept`: everything was allowed; nothing to flag.
 *
 * A state whose banner could not be answered is not judged after the answer, and says so.
 */

export type Verdict = 'pass' | 'violations' | 'banner-not-found' | 'banner-not-answered';

export interface ConsentViolation {
  state: AuditState;
  kind: 'before-consent' | 'after-refusal';
  record: CookieRecord;
  /** One sentence saying what is wrong. */
  reason: string;
}

export interface StateAudit {
  state: AuditState;
  scan: StateScan;
  verdict: Verdict;
  /** For `reject`: the categories judged as refused, and where that came from. */
  refused?: { categories: ConsentCategory[]; from: 'consent record' | 'opt-out' };
  /** The consent records of the page's site, as read from its cookies. */
  records: ConsentRecord[];
  byCategory: Record<Category, CookieRecord[]>;
  violations: ConsentViolation[];
}

const NEED_CONSENT: readonly ConsentCategory[] = ['analytics', 'marketing'];

export function auditConsent(states: readonly StateScan[]): StateAudit[] {
  return states.map(auditState);
}

function auditState(scan: StateScan): StateAudit {
  const { cookies, site } = scan.view;
  const records = readConsent(cookies.map(({ cookie }) => cookie)).filter((r) => site === null || r.site === site);
  const byCategory = Object.fromEntries(
    CATEGORIES.map((c) => [c, cookies.filter((r) => r.label.category === c)]),
  ) as Record<Category, CookieRecord[]>;
  const base = { state: scan.state, scan, records, byCategory };
  if (scan.state === 'none') {
    const violations = cookies
      .filter((r) => (NEED_CONSENT as readonly Category[]).includes(r.label.category))
      .map((record) => ({
        state: scan.state,
        kind: 'before-consent' as const,
        record,
        reason: `${record.label.category} cookie set before the visitor answered the consent banner`,
      }));
    return { ...base, verdict: violations.length > 0 ? 'violations' : 'pass', violations };
  }
  const banner = scan.banner;
  if (!banner || banner.status === 'not-found') return { ...base, verdict: 'banner-not-found', violations: [] };
  if (banner.status === 'not-answered') return { ...base, verdict: 'banner-not-answered', violations: [] };
  if (scan.state === 'accept') return { ...base, verdict: 'pass', violations: [] };
  const answered = records.some((r) => r.status === 'read' && r.answered !== false);
  const refused = answered
    ? { categories: refusedCategories(records, site ?? ''), from: 'consent record' as const }
    : { categories: [...NEED_CONSENT], from: 'opt-out' as const };
  const violations = cookies
    .filter((r) => (refused.categories as readonly Category[]).includes(r.label.category))
    .map((record) => ({
      state: scan.state,
      kind: 'after-refusal' as const,
      record,
      reason: `${record.label.category} cookie present after the visitor refused ${record.label.category}`,
    }));
  return { ...base, refused, verdict: violations.length > 0 ? 'violations' : 'pass', violations };
}

/** What the state's banner did, in a few words. */
export function bannerText(audit: StateAudit): string {
  const banner = audit.scan.banner;
  if (audit.state === 'none') return 'before any answer';
  if (!banner || banner.status === 'not-found') return 'banner not found';
  if (banner.status === 'not-answered') return `not answered (${banner.cmp})`;
  return `answered (${banner.cmp})`;
}
