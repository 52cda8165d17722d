import { byHost, finding, read, unmappedNote, unreadable } from './reading';
import { decodeBase64Text, MAX_VALUE_LENGTH, parseJsonObject } from './text';
import type { ConsentCategory, ConsentFinding, ConsentGroup, ConsentReader, ConsentReading } from './types';

const CHECKBOX = 'cookielawinfo-checkbox-';
const CONSENT = 'CookieLawInfoConsent';
const VIEWED = 'viewed_cookie_policy';

/**
 * The WordPress plugin's categories (CookieYes's older "GDPR Cookie Consent"), as in `cookieyes.ts`.
 * Its first versions had one switch, "non-necessary", for every optional cookie at once.
 */
const CATEGORY: ReadonlyMap<string, ConsentCategory | 'essential'> = new Map([
  ['necessary', 'essential'],
  ['functional', 'functional'],
  ['performance', 'analytics'],
  ['analytics', 'analytics'],
  ['advertisement', 'marketing'],
]);
const ALL_OPTIONAL: readonly ConsentCategory[] = ['functional', 'analytics', 'marketing'];

/**
 * One record spread over a cookie per category (`cookielawinfo-checkbox-analytics=no`), a base64
 * JSON summary (`CookieLawInfoConsent`) and `viewed_cookie_policy`, which says the person answered.
 */
export const cookieLawInfoReader: ConsentReader = {
  platform: 'CookieLawInfo',
  owns: (name) => name.startsWith(CHECKBOX) || name === CONSENT || name === VIEWED,
  read(cookies) {
    const findings: ConsentFinding[] = [];
    for (const hostCookies of byHost(cookies)) {
      // viewed_cookie_policy is a common name; alone it is no record of this plugin.
      if (!hostCookies.some((cookie) => cookie.name !== VIEWED)) continue;
      findings.push(finding(hostCookies, readHost(hostCookies)));
    }
    return findings;
  },
};

function readHost(cookies: ReadonlyArray<{ name: string; value: string }>): ConsentReading {
  const notes: string[] = [];
  const states = new Map<string, boolean>();
  for (const cookie of cookies) {
    if (!cookie.name.startsWith(CHECKBOX)) continue;
    const slug = cookie.name.slice(CHECKBOX.length);
    if (cookie.value !== 'yes' && cookie.value !== 'no') {
      return unreadable(`${cookie.name} is "${cookie.value.slice(0, 20)}", not yes or no.`);
    }
    if (states.has(slug) && states.get(slug) !== (cookie.value === 'yes')) {
      return unreadable(`${cookie.name} is set twice, to yes and to no.`);
    }
    states.set(slug, cookie.value === 'yes');
  }
  const summaries = cookies.filter((cookie) => cookie.name === CONSENT);
  for (const summary of summaries) {
    const fromSummary = readSummary(summary.value);
    if (typeof fromSummary === 'string') {
      if (states.size === 0) return unreadable(fromSummary);
      notes.push(`${fromSummary} The checkbox cookies are used instead.`);
    } else if (states.size === 0) {
      for (const [slug, state] of fromSummary) states.set(slug, state);
    }
  }
  if (states.size === 0) return unreadable('Only viewed_cookie_policy is here; the choices are missing.');

  const groups: ConsentGroup[] = [];
  for (const [slug, granted] of states) {
    if (slug === 'non-necessary') {
      for (const category of ALL_OPTIONAL) groups.push({ name: slug, state: granted ? 'granted' : 'denied', category });
      continue;
    }
    groups.push({ name: slug, state: granted ? 'granted' : 'denied', category: CATEGORY.get(slug) ?? null });
  }
  const viewed = cookies.find((cookie) => cookie.name === VIEWED)?.value;
  const answered = viewed === 'yes' ? true : viewed === 'no' ? false : null;
  notes.push(...unmappedNote(groups, 'categories'));
  return read({ answered, groups, notes });
}

/** `{"necessary":true,"analytics":false}` or, in later versions, the same with "true"/"false" strings. */
function readSummary(value: string): Map<string, boolean> | string {
  const text = value.length > MAX_VALUE_LENGTH ? null : decodeBase64Text(value);
  const summary = text === null ? null : parseJsonObject(text);
  if (summary === null) return `${CONSENT} is not base64 of a JSON object.`;
  const states = new Map<string, boolean>();
  for (const [key, state] of Object.entries(summary)) {
    if (key === 'ver') continue;
    if (state === true || state === 'true') states.set(key, true);
    else if (state === false || state === 'false') states.set(key, false);
    else return `${CONSENT} gives "${key}" a value other than true or false.`;
  }
  return states;
}
