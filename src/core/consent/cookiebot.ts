import { read, singleCookieReader, unreadable } from './reading';
import { decodePercent, millisecondsToSeconds } from './text';
import type { ConsentCategory, ConsentGroup, ConsentReading } from './types';

const FLAG_CATEGORY: ReadonlyArray<[string, ConsentCategory | 'essential']> = [
  ['necessary', 'essential'],
  ['preferences', 'functional'],
  ['statistics', 'analytics'],
  ['marketing', 'marketing'],
];

const NO_CONSENT_REGION =
  "Cookiebot wrote -1: the visitor's region needs no consent, so the banner asked nothing and no category was chosen.";

/**
 * Cookiebot's `CookieConsent`: a JavaScript object literal, URL-encoded, such as
 * `{stamp:'…',necessary:true,preferences:false,statistics:false,marketing:false,method:'explicit',ver:1,utc:1701600000000,region:'de'}`.
 */
export const cookiebotReader = singleCookieReader('Cookiebot', (name) => name === 'CookieConsent', readCookiebot);

function readCookiebot(value: string): ConsentReading {
  const text = decodePercent(value);
  if (text === null) return unreadable('The record has a broken %-escape, so it cannot be read.');
  if (text === '-1') return read({ answered: false, notes: [NO_CONSENT_REGION] });
  const fields = parseObjectLiteral(text);
  if (typeof fields === 'string') return unreadable(fields);
  if (fields.get('stamp') === '-1') return read({ answered: false, notes: [NO_CONSENT_REGION] });

  const groups: ConsentGroup[] = [];
  for (const [flag, category] of FLAG_CATEGORY) {
    const state = fields.get(flag);
    if (state === undefined) continue;
    if (typeof state !== 'boolean') return unreadable(`"${flag}" is not true or false.`);
    groups.push({ name: flag, state: state ? 'granted' : 'denied', category });
  }
  if (!groups.some((group) => group.category !== 'essential')) {
    return unreadable('The record has none of preferences, statistics and marketing, which hold the choices.');
  }

  const notes: string[] = [];
  const details: Record<string, string | number | boolean> = {};
  const method = fields.get('method');
  let answered: boolean | null = null;
  if (typeof method === 'string') {
    details.method = method;
    if (method === 'explicit') answered = true;
    if (method === 'implied') {
      answered = false;
      notes.push('Consent was implied (the person went on browsing), not given by a click.');
    }
  }
  const version = fields.get('ver');
  if (typeof version === 'number') details.version = version;
  const region = fields.get('region');
  if (typeof region === 'string') details.region = region;
  let decidedAt: number | null = null;
  const utc = fields.get('utc');
  if (utc !== undefined) {
    decidedAt = millisecondsToSeconds(utc);
    if (decidedAt === null) notes.push('The time of the answer (utc) is not a plausible date, so it is not used.');
  }
  return read({ answered, decidedAt, groups, details, notes });
}

type Literal = string | number | boolean;

/** `{key:value,…}` with true, false, numbers and quoted strings; a string saying what is wrong otherwise. */
export function parseObjectLiteral(text: string): Map<string, Literal> | string {
  const fields = new Map<string, Literal>();
  if (!text.startsWith('{') || !text.endsWith('}')) return 'The record is not an object in braces.';
  let at = 1;
  const end = text.length - 1;
  if (at === end) return fields;
  for (;;) {
    const key = /^[A-Za-z_$][\w$]*/.exec(text.slice(at, end))?.[0];
    if (!key) return `Expected a field name at character ${at}.`;
    at += key.length;
    if (text[at] !== ':') return `Expected ":" after ${key}.`;
    at += 1;
    let value: Literal;
    const quote = text[at];
    if (quote === "'" || quote === '"') {
      const close = text.indexOf(quote, at + 1);
      if (close === -1 || close >= end) return `The value of ${key} has no closing quote.`;
      value = text.slice(at + 1, close);
      at = close + 1;
    } else {
      const token = /^[^,}]*/.exec(text.slice(at, end))?.[0] ?? '';
      if (token === 'true' || token === 'false') value = token === 'true';
      else if (/^-?\d{1,16}(\.\d{1,16})?$/.test(token)) value = Number(token);
      else return `The value of ${key} is not true, false, a number or a quoted text.`;
      at += token.length;
    }
    if (fields.has(key)) return `The field ${key} is given twice.`;
    fields.set(key, value);
    if (at === end) return fields;
    if (text[at] !== ',') return `Expected "," after the value of ${key}.`;
    at += 1;
  }
}
