import * as v from 'valibot';
import type { CookieLike } from '../core/types';
import { UsageError } from './io';

/** A cookie from an input file, with the optional top-level page it was seen on. */
export interface InputCookie {
  cookie: CookieLike;
  site?: string;
}

/** 9999-12-31T23:59:59Z, the last moment browsers and date libraries agree on. */
const LATEST_EXPIRY = 253_402_300_799;

const text = (key: string) => v.optional(v.string(`"${key}" must be a string`));
const flag = (key: string) => v.optional(v.boolean(`"${key}" must be true or false`));
const expiry = (field: string) => {
  const message = `"${field}" must be a number of seconds since 1970`;
  return v.pipe(
    v.number(message),
    v.finite(message),
    // Most likely milliseconds; labelling it would print a lifetime of millennia.
    v.maxValue(
      LATEST_EXPIRY,
      (issue) => `"${field}" ${String(issue.input)} is after the year 9999; give seconds since 1970, not milliseconds`,
    ),
  );
};

/**
 * One cookie of an input file, shaped like `chrome.cookies.Cookie`: what is checked is defined
 * here once; other fields pass through untouched.
 */
const inputCookieSchema = v.pipe(
  v.looseObject(
    {
      name: v.string('"name" is missing or not a string'),
      domain: v.string('"domain" is missing or not a string'),
      value: text('value'),
      path: text('path'),
      sameSite: text('sameSite'),
      storeId: text('storeId'),
      site: text('site'),
      secure: flag('secure'),
      httpOnly: flag('httpOnly'),
      hostOnly: flag('hostOnly'),
      session: flag('session'),
      expirationDate: v.optional(expiry('expirationDate')),
    },
    // The object's own message also speaks for a required key that is missing (name, domain).
    (issue) => (issue.path?.length ? `"${String(issue.path[0].key)}" is missing or not a string` : 'must be an object'),
  ),
  // Puppeteer and Playwright write the expiry as `expires`, with -1 for a session cookie; it counts
  // only where there is no `expirationDate`.
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed || dataset.value.expirationDate !== undefined || dataset.value.expires === undefined) return;
    const result = v.safeParse(expiry('expires'), dataset.value.expires);
    if (!result.success) addIssue({ message: result.issues[0].message });
  }),
);

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
    if (Array.isArray(item)) {
      problems.push(`cookie ${index}: must be an object`);
      return;
    }
    const result = v.safeParse(inputCookieSchema, item);
    if (!result.success) {
      for (const issue of result.issues) problems.push(`cookie ${index}: ${issue.message}`);
      return;
    }
    const { site, ...cookie } = result.output;
    const { expires } = cookie;
    if (cookie.expirationDate === undefined && typeof expires === 'number') {
      if (expires <= 0) cookie.session ??= true;
      else {
        cookie.expirationDate = expires;
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
