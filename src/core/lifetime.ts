import type { Lifetime } from './types';

const UNIT_SECONDS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 7 * 86_400,
  // A month is 1/12 of a year, so "13 months" and "1 year" compare sensibly.
  month: 2_629_800,
  year: 31_557_600,
};

const CANONICAL = /^(\d+(?:\.\d+)?) (second|minute|hour|day|week|month|year)s?$/;

/**
 * Parses the catalog's canonical lifetime text: `session`, `unknown`, `<n> <unit>[s]`, or
 * `variable: <note>` for cookies whose vendor gives no fixed duration. Returns null for anything else,
 * so the schema can name the bad entry.
 */
export function parseLifetime(text: string): Lifetime | null {
  if (text === 'session') return { kind: 'session' };
  if (text === 'unknown') return { kind: 'unknown' };
  if (text.startsWith('variable: ') && text.length > 'variable: '.length) {
    return { kind: 'variable', note: text.slice('variable: '.length) };
  }
  const m = CANONICAL.exec(text);
  if (!m) return null;
  const seconds = Math.round(Number(m[1]) * (UNIT_SECONDS[m[2]] ?? Number.NaN));
  return Number.isFinite(seconds) && seconds > 0 ? { kind: 'duration', seconds } : null;
}

/** The lifetime a concrete cookie has, as the browser reports it. */
export function cookieLifetime(cookie: { session?: boolean; expirationDate?: number }, now: number): Lifetime {
  if (cookie.session === true || cookie.expirationDate === undefined) {
    return cookie.session === false ? { kind: 'unknown' } : { kind: 'session' };
  }
  return { kind: 'duration', seconds: Math.max(0, Math.round(cookie.expirationDate - now)) };
}

export type DurationUnit = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

const HUMAN_UNITS: ReadonlyArray<[DurationUnit, number]> = [
  ['year', UNIT_SECONDS.year],
  ['month', UNIT_SECONDS.month],
  ['day', UNIT_SECONDS.day],
  ['hour', UNIT_SECONDS.hour],
  ['minute', UNIT_SECONDS.minute],
  ['second', 1],
];

// How far from a whole number of a unit still reads as that number, in units. Below it the slack is
// small: a 365-day year is 0.9993 of ours, and a day-long cookie read a second later has 86,399
// seconds left, but a day-long cookie read an hour later is better told as 23 hours.
const SLACK_BELOW = 0.01;
const SLACK_ABOVE = 0.05;

/**
 * A span of time as a whole number of the largest unit that reads well, or null under a second.
 * "13 months" says more than "1 year", so one or two of a unit is used only when it is nearly exact.
 */
export function readableDuration(seconds: number): { value: number; unit: DurationUnit } | null {
  for (const [unit, size] of HUMAN_UNITS) {
    const n = seconds / size;
    const whole = Math.round(n);
    if (whole >= 1 && n - whole < SLACK_ABOVE && whole - n <= SLACK_BELOW) return { value: whole, unit };
    if (n >= 2 || (n >= 1 && size === 1)) return { value: Math.round(n), unit };
  }
  return null;
}

/** "session", "1 year", "13 months", "20 minutes". */
export function formatLifetime(lifetime: Lifetime): string {
  switch (lifetime.kind) {
    case 'session':
      return 'session';
    case 'unknown':
      return 'unknown';
    case 'variable':
      return `variable (${lifetime.note})`;
    case 'duration': {
      const d = readableDuration(lifetime.seconds);
      return d ? `${d.value} ${d.unit}${d.value === 1 ? '' : 's'}` : '0 seconds';
    }
  }
}
