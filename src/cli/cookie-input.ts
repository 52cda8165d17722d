import type { CookieLike } from '../core/types';
import { UsageError } from './io';

/** A cookie from an input file, with the optional top-level page it was seen on. */
export interface InputCookie {
  cookie: CookieLike;
  site?: string;
}

const OPTIONAL_STRINGS = ['value', 'path', 'sameSite', 'storeId', 'site'] as const;
const OPTIONAL_BOOLEANS = ['secure', 'httpOnly', 'hostOnly', 'session'] as const;

/**
 * Parses a JSON array of cookies shaped like `chrome.cookies.Cookie`. Every problem is collected
 * and reported with the item's index, so a bad file is rejected whole instead of half labelled.
 */
export function parseCookieInput(text: string): InputCookie[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`input is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) {
    throw new UsageError(`input must be a JSON array of cookies, not ${data === null ? 'null' : typeof data}`);
  }
  const problems: string[] = [];
  const out: InputCookie[] = [];
  data.forEach((item: unknown, index) => {
    const bad = (msg: string) => problems.push(`cookie ${index}: ${msg}`);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      bad('must be an object');
      return;
    }
    const record = item as Record<string, unknown>;
    const before = problems.length;
    if (typeof record.name !== 'string') bad('"name" is missing or not a string');
    if (typeof record.domain !== 'string') bad('"domain" is missing or not a string');
    for (const key of OPTIONAL_STRINGS) {
      if (record[key] !== undefined && typeof record[key] !== 'string') bad(`"${key}" must be a string`);
    }
    for (const key of OPTIONAL_BOOLEANS) {
      if (record[key] !== undefined && typeof record[key] !== 'boolean') bad(`"${key}" must be true or false`);
    }
    if (
      record.expirationDate !== undefined &&
      (typeof record.expirationDate !== 'number' || !Number.isFinite(record.expirationDate))
    ) {
      bad('"expirationDate" must be a number of seconds since 1970');
    }
    if (problems.length > before) return;
    const { site, ...cookie } = record;
    out.push({ cookie: cookie as unknown as CookieLike, ...(typeof site === 'string' ? { site: toUrl(site) } : {}) });
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n  ... and ${problems.length - shown.length} more` : '';
    throw new UsageError(
      `the input has ${problems.length} problem(s); nothing was labelled:\n  ${shown.join('\n  ')}${more}`,
    );
  }
  return out;
}

/** `example.com` or `https://example.com/page`: both name a top-level page. */
export function toUrl(site: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(site) ? site : `https://${site}/`;
}
