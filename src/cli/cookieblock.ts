import type { TrueCategory } from '../core/eval';
import type { CookieLike } from '../core/types';
import { UsageError } from './io';

/**
 * Reads labelled cookies in the format of CookieBlock's training data (Bollinger et al., ETH
 * Zurich): an object keyed by "<name>;<domain>;<path>;<site>", each value holding the cookie, the
 * site it was seen on (`first_party_domain`), the purpose the site's consent banner declared
 * (`label`: 0 necessary, 1 functional, 2 analytics, 3 advertising) and the attributes of every
 * time it was observed (`variable_data`). We use the first observation, as a browser would see the
 * cookie when it is set.
 */

export interface LabelledCookie {
  /** The sample's own key for the cookie. */
  key: string;
  cookie: CookieLike;
  /** The tab's top-level page. */
  site: string;
  truth: TrueCategory;
}

const LABELS: readonly TrueCategory[] = ['essential', 'functional', 'analytics', 'marketing'];
const SAME_SITE: Record<string, CookieLike['sameSite']> = {
  none: 'no_restriction',
  no_restriction: 'no_restriction',
  lax: 'lax',
  strict: 'strict',
};
const MAX_PROBLEMS_SHOWN = 5;

/** Parses the file; `now` anchors expiry times, which the format gives as seconds from the visit. */
export function parseCookieBlock(text: string, now: number): LabelledCookie[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(data)) throw new UsageError('expected a JSON object keyed by "<name>;<domain>;<path>;<site>"');
  const out: LabelledCookie[] = [];
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(data)) {
    const problem = check(raw);
    if (problem) {
      problems.push(`${JSON.stringify(key)}: ${problem}`);
      continue;
    }
    const entry = raw as RawEntry;
    const seen = entry.variable_data[0];
    const session = seen.session === true;
    const cookie: CookieLike = {
      name: entry.name,
      domain: entry.domain,
      path: entry.path ?? '/',
      value: typeof seen.value === 'string' ? seen.value : undefined,
      session,
      httpOnly: seen.http_only === true,
      hostOnly: typeof seen.host_only === 'boolean' ? seen.host_only : undefined,
      secure: seen.secure === true,
      sameSite:
        typeof seen.same_site === 'string' ? (SAME_SITE[seen.same_site.toLowerCase()] ?? 'unspecified') : undefined,
    };
    if (!session && typeof seen.expiry === 'number') cookie.expirationDate = now + seen.expiry;
    out.push({ key, cookie, site: entry.first_party_domain, truth: LABELS[entry.label] });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).join('\n  ');
    const more = problems.length > MAX_PROBLEMS_SHOWN ? `\n  … and ${problems.length - MAX_PROBLEMS_SHOWN} more` : '';
    throw new UsageError(
      `${problems.length} entries are not labelled cookies in the CookieBlock format:\n  ${shown}${more}`,
    );
  }
  if (out.length === 0) throw new UsageError('the file holds no cookies');
  return out;
}

interface Observation {
  value?: unknown;
  expiry?: unknown;
  session?: unknown;
  http_only?: unknown;
  host_only?: unknown;
  secure?: unknown;
  same_site?: unknown;
}

interface RawEntry {
  name: string;
  domain: string;
  path?: string;
  first_party_domain: string;
  label: number;
  variable_data: Observation[];
}

function check(raw: unknown): string | null {
  if (!isObject(raw)) return 'not an object';
  if (typeof raw.name !== 'string' || raw.name === '') return '"name" must be a non-empty string';
  if (typeof raw.domain !== 'string' || raw.domain === '') return '"domain" must be a non-empty string';
  if (raw.path !== undefined && typeof raw.path !== 'string') return '"path" must be a string';
  if (typeof raw.first_party_domain !== 'string' || !/^https?:\/\//.test(raw.first_party_domain)) {
    return '"first_party_domain" must be the URL of the site';
  }
  if (typeof raw.label !== 'number' || !Number.isInteger(raw.label) || raw.label < 0 || raw.label > 3) {
    return '"label" must be 0, 1, 2 or 3';
  }
  if (!Array.isArray(raw.variable_data) || raw.variable_data.length === 0 || !isObject(raw.variable_data[0])) {
    return '"variable_data" must hold at least one observation';
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
