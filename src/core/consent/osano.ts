import { read, singleCookieReader, unreadable } from './reading';
import { decodeBase64Text, parseJsonObject } from './text';
import type { ConsentCategory, ConsentGroup, ConsentReading } from './types';

/** Osano's categories; personalisation (language, layout) is what we call functional. */
const CATEGORY: ReadonlyMap<string, ConsentCategory | 'essential'> = new Map([
  ['ESSENTIAL', 'essential'],
  ['STORAGE', 'essential'],
  ['ANALYTICS', 'analytics'],
  ['MARKETING', 'marketing'],
  ['PERSONALIZATION', 'functional'],
]);

/**
 * `osano_consentmanager`: base64 JSON of category to ACCEPT or DENY in the form documented here;
 * the values current Osano versions write are an opaque token, which is reported as unreadable.
 */
export const osanoReader = singleCookieReader('Osano', (name) => name === 'osano_consentmanager', readOsano);

function readOsano(value: string): ConsentReading {
  const text = decodeBase64Text(value);
  const record = text === null ? null : parseJsonObject(text);
  if (record === null) {
    return unreadable(
      'The value is an opaque token, not base64 JSON: Osano does not write the choices in a form that can be read from the cookie.',
    );
  }
  const groups: ConsentGroup[] = [];
  for (const [name, state] of Object.entries(record)) {
    if (state !== 'ACCEPT' && state !== 'DENY') return unreadable(`${name} is not ACCEPT or DENY.`);
    groups.push({ name, state: state === 'ACCEPT' ? 'granted' : 'denied', category: CATEGORY.get(name) ?? null });
  }
  if (!groups.some((group) => group.category !== 'essential' && group.category !== null)) {
    return unreadable('The record names none of analytics, marketing and personalisation.');
  }
  return read({ groups });
}
