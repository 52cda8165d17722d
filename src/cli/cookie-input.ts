import type { CookieLike } from '../core/types';
import { UsageError } from './io';

/** A cookie from an input file, with the optional top-level page it was seen on. */
export interface InputCookie {
  cookie: CookieLike;
  site?: string;
}

/** 9999-12-31T23:59:59Z, the last moment browsers and date libraries agree on. */
const LATEST_EXPIRY = 253_402_300_799;

const OPTIONAL_STRINGS = ['value', 'path', 'sameSite', 'storeId', 'site'] as const;
const OPTIONAL_BOOLEANS = ['secure', 'httpOnly', 'hostOnly', 'session'] as const;

/**
 * Parses a JSON array of cookies shaped like `chrome.cookies.Cookie`. Every problem is collected
 * and reported with the item's index, so a bad file is rejected whole instead of half labelled.
 */
export function parseCookieInput(text: string): InputCookie[] {
  let data: unknown;
  try {
    // Editors on Windows start UTF-8 files with a byte-order mark, which JSON does not allow.
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
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
    // Puppeteer and Playwright write the expiry as `expires`, with -1 for a session cookie.
    const alias = record.expirationDate === undefined && record.expires !== undefined;
    const field = alias ? 'expires' : 'expirationDate';
    const expiry = alias ? record.expires : record.expirationDate;
    if (expiry !== undefined && (typeof expiry !== 'number' || !Number.isFinite(expiry))) {
      bad(`"${field}" must be a number of seconds since 1970`);
    } else if (typeof expiry === 'number' && expiry > LATEST_EXPIRY) {
      // Most likely milliseconds; labelling it would print a lifetime of millennia.
      bad(`"${field}" ${expiry} is after the year 9999; give seconds since 1970, not milliseconds`);
    }
    if (problems.length > before) return;
    const { site, ...cookie } = record;
    if (alias && typeof expiry === 'number') {
      if (expiry <= 0) cookie.session ??= true;
      else {
        cookie.expirationDate = expiry;
        cookie.session ??= false;
      }
    }
    // An empty per-cookie site names no page, so --site still applies.
    const page = typeof site === 'string' && site.trim() !== '' ? { site: toUrl(site.trim()) } : {};
    out.push({ cookie: cookie as unknown as CookieLike, ...page });
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
