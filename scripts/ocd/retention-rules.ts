import { parseLifetime } from '../../src/core/lifetime';

/**
 * The database writes retention periods 175 ways ("session", "Session", "End of session (browser)",
 * "1 Year", "12 months", "30 mins", "2 years after last activity", "Session to 30 days"). The catalog
 * takes one spelling: `session`, `<n> <unit>`, `variable: <note>` or `unknown`. Numbers and units are
 * kept as written (365 days stays 365 days): only the spelling changes, never the fact.
 */

export type RetentionFix =
  | 'retention-respelled'
  | 'retention-qualifier-dropped'
  | 'retention-range'
  | 'retention-zero-as-session'
  | 'retention-not-a-duration'
  | 'retention-not-understood';

export interface CanonicalRetention {
  lifetime: string;
  /** Empty when the text was already canonical. */
  fixes: RetentionFix[];
}

const UNITS: ReadonlyArray<[RegExp, string]> = [
  [/^(?:s|secs?|seconds?)$/, 'second'],
  [/^(?:mins?|minutes?)$/, 'minute'],
  [/^(?:h|hrs?|hours?)$/, 'hour'],
  [/^(?:d|days?)$/, 'day'],
  [/^(?:w|wks?|weeks?)$/, 'week'],
  [/^(?:mo|mos|months?)$/, 'month'],
  [/^(?:y|yrs?|years?)$/, 'year'],
];

const SESSION_WORDS = new Set([
  'session',
  'sessions',
  'seesion',
  'session cookie',
  'end of session',
  'end of session (browser)',
  'browser session',
  'until the browser is closed',
]);
const UNKNOWN_WORDS = new Set(['', 'unknown', 'undefined', 'n/a', 'na', '-', 'local storage', 'session storage']);
const NEVER_WORDS = new Set(['forever', 'unlimited', 'permanent', 'no expiration', 'never', 'never expires']);
const VARIES_WORDS = new Set(['varies', 'various', 'variable']);
const REMOVED_AT_ONCE = new Set(['immediately removed', 'immediately', 'deleted immediately']);

/** Free-form periods that no rule reads well, in our own words. Keys are lower case. */
const PHRASES: Readonly<Record<string, string>> = {
  '14 days if you select “remember me” when logging in. otherwise, session.':
    'variable: 14 days with "remember me", otherwise session',
  '180 days after last activity or 10 years when opting out':
    'variable: 180 days after the last visit, 10 years after opting out',
  'deleted when oauth state is validated': 'variable: until the sign-in is checked',
};

/** Trailing remarks that qualify a duration without changing it. */
const QUALIFIERS: readonly RegExp[] = [
  /\s+after (?:the )?last (?:activity|visit)$/,
  /\s+from set\/\s*update$/,
  /,?\s+by default(?:,\s*modifiable)?$/,
  /\s*\([^)]*\)$/,
];

/** `3 weeks`, `30 mins`, `1440 Minutes`, `3w`: one duration in canonical form, or null. */
export function canonicalDuration(text: string): string | null {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(text.trim().toLowerCase());
  if (!m) return null;
  const unit = UNITS.find(([re]) => re.test(m[2]))?.[1];
  if (!unit) return null;
  const n = Number(m[1]);
  return `${m[1]} ${unit}${n === 1 ? '' : 's'}`;
}

function durationOrSession(text: string): string | null {
  if (SESSION_WORDS.has(text)) return 'session';
  return canonicalDuration(text);
}

export function canonicalRetention(raw: string): CanonicalRetention {
  const original = raw.trim();
  const text = original.replace(/\s+/g, ' ').toLowerCase();
  const done = (lifetime: string, fix: RetentionFix): CanonicalRetention => ({
    lifetime,
    fixes: lifetime === original ? [] : [fix],
  });
  if (PHRASES[text]) return done(PHRASES[text], 'retention-respelled');
  if (SESSION_WORDS.has(text)) return done('session', 'retention-respelled');
  if (UNKNOWN_WORDS.has(text)) return done('unknown', 'retention-not-a-duration');
  if (NEVER_WORDS.has(text)) return done('variable: never expires', 'retention-respelled');
  if (VARIES_WORDS.has(text)) return done('variable: varies', 'retention-respelled');
  if (text === 'persistent') return done('variable: persistent, duration not stated', 'retention-respelled');
  if (REMOVED_AT_ONCE.has(text)) return done('session', 'retention-zero-as-session');

  const direct = canonicalDuration(text);
  if (direct) {
    // "0 days" passes no time at all: the cookie is gone before the session ends.
    if (parseLifetime(direct) === null) return done('session', 'retention-zero-as-session');
    return done(direct, 'retention-respelled');
  }

  const range = /^(.+?)\s+(?:to|till|until|-)\s+(.+)$/.exec(text);
  if (range) {
    const from = durationOrSession(range[1]);
    const to = durationOrSession(range[2]);
    if (from && to) return done(`variable: ${from} to ${to}`, 'retention-range');
  }
  const orLonger = /^(.+?)\s+or\s+(longer|more)$/.exec(text);
  if (orLonger) {
    const from = canonicalDuration(orLonger[1]);
    if (from) return done(`variable: ${from} or ${orLonger[2]}`, 'retention-range');
  }
  const choices = text.split(/\s*(?:,|\bor\b)\s*/).filter(Boolean);
  if (choices.length > 1) {
    const words = choices.map((c) => c.replace(/\s+depending on (?:the )?value$/, ''));
    const parsed = words.map((c) => durationOrSession(c));
    if (parsed.every((p) => p !== null)) {
      const note = `${parsed.slice(0, -1).join(', ')} or ${parsed[parsed.length - 1]}`;
      return done(`variable: ${note}${/depending on/.test(text) ? ' depending on the value' : ''}`, 'retention-range');
    }
  }

  for (const qualifier of QUALIFIERS) {
    if (qualifier.test(text)) {
      const bare = canonicalDuration(text.replace(qualifier, ''));
      if (bare) return done(bare, 'retention-qualifier-dropped');
    }
  }

  const date = /^(\d{1,2} [a-z]{3,9} \d{4})$/.exec(text);
  if (date) return done(`variable: until ${original}`, 'retention-respelled');
  return { lifetime: 'unknown', fixes: ['retention-not-understood'] };
}
