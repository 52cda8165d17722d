import { readConsent } from './read-consent';
import { refusedCategories } from './refused';
import type { ConsentCategory } from './types';

/**
 * What a tab's cookies say about the person's answer to the site's banner, and which cookies go
 * against it: the summary the popup and the panel show ("You refused analytics and marketing on
 * this site on 3 Dec; 4 cookies of those kinds are here"). Pure, over the tab's labelled cookies.
 */

export interface TabConsentCookie {
  key: string;
  name: string;
  value: string;
  domain: string;
  category: string;
  /** Seconds since the epoch when the worker first saw the cookie set, when it saw it happen. */
  firstSeenAt?: number;
}

export interface TabConsent {
  /** The platforms whose record was found, with when the person answered (seconds), if said. */
  records: Array<{ platform: string; readable: boolean; decidedAt: number | null; reason?: string }>;
  /** Categories the person refused on this site (and granted in no record of it). */
  refused: ConsentCategory[];
  /**
   * When the person answered (seconds): what the latest record says, else when the worker saw the
   * record's cookie first set (Complianz and others write no time); null when neither is known.
   */
  decidedAt: number | null;
  /** Keys of the cookies here of a refused category. */
  againstRefusal: string[];
  /** Keys of optional cookies the worker saw set before the person answered. */
  setBeforeAnswer: string[];
}

const OPTIONAL = new Set(['functional', 'analytics', 'marketing']);

/** Null when no consent record of the site is among its cookies. */
export function tabConsent(site: string | null, cookies: readonly TabConsentCookie[]): TabConsent | null {
  if (!site) return null;
  const records = readConsent(cookies).filter((r) => r.site === site);
  if (records.length === 0) return null;
  const refused = refusedCategories(records, site);
  const decided = records.flatMap((r) => (r.status === 'read' && r.decidedAt !== null ? [r.decidedAt] : []));
  const recordCookies = new Set(records.flatMap((r) => (r.status === 'read' ? r.cookieNames : [])));
  const seen = cookies.flatMap((c) =>
    recordCookies.has(c.name) && c.firstSeenAt !== undefined ? [c.firstSeenAt] : [],
  );
  const decidedAt = decided.length > 0 ? Math.max(...decided) : seen.length > 0 ? Math.min(...seen) : null;
  const refusedSet = new Set<string>(refused);
  // A record's own time has whole seconds at best; the worker's sightings are exact.
  const slack = decided.length > 0 ? 1 : 0;
  return {
    records: records.map((r) =>
      r.status === 'read'
        ? { platform: r.platform, readable: true, decidedAt: r.decidedAt }
        : { platform: r.platform, readable: false, decidedAt: null, reason: r.reason },
    ),
    refused,
    decidedAt,
    againstRefusal: cookies.filter((c) => refusedSet.has(c.category)).map((c) => c.key),
    setBeforeAnswer:
      decidedAt === null
        ? []
        : cookies
            .filter((c) => OPTIONAL.has(c.category) && c.firstSeenAt !== undefined && c.firstSeenAt < decidedAt - slack)
            .map((c) => c.key),
  };
}
