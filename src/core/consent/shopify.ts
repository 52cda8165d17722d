import { read, singleCookieReader, unreadable } from './reading';
import { decodePercent, isObject, own, parseJsonObject } from './text';
import type { ConsentCategory, ConsentGroup, ConsentReading } from './types';

/** Shopify's consent fields: analytics, marketing, preferences. */
const FIELD_CATEGORY: ReadonlyArray<[string, ConsentCategory]> = [
  ['a', 'analytics'],
  ['m', 'marketing'],
  ['p', 'functional'],
];

/**
 * `_tracking_consent`: URL-encoded JSON whose `con.CMP` holds the person's answers, '1', '0' or ''
 * (not asked or not answered). Its `purposes` are what Shopify applies, regional defaults
 * included, so they are not read as choices.
 */
export const shopifyReader = singleCookieReader('Shopify', (name) => name === '_tracking_consent', readShopify);

function readShopify(value: string): ConsentReading {
  const text = decodePercent(value);
  const record = text === null ? null : parseJsonObject(text);
  if (record === null) return unreadable('The record is not URL-encoded JSON.');
  const con = own(record, 'con');
  const cmp = isObject(con) ? own(con, 'CMP') : undefined;
  if (!isObject(cmp)) {
    return unreadable('The record has no con.CMP answers: an older or other Shopify format this reader does not know.');
  }
  const groups: ConsentGroup[] = [];
  for (const [field, category] of FIELD_CATEGORY) {
    const answer = own(cmp, field);
    if (answer !== '1' && answer !== '0' && answer !== '') {
      return unreadable(`The answer "${field}" is missing or not '1', '0' or empty.`);
    }
    if (answer !== '') groups.push({ name: field, state: answer === '1' ? 'granted' : 'denied', category });
  }
  const notes: string[] = [];
  const sale = own(cmp, 's');
  if (sale === '1' || sale === '0') {
    notes.push(
      `The sale of data answer (${sale === '1' ? 'allowed' : 'refused'}) is a US opt-out, not a cookie category.`,
    );
  } else {
    notes.push('The sale of data answer is empty (not asked or not answered).');
  }
  const answered = groups.length > 0 || sale === '1' || sale === '0';
  if (!answered)
    notes.push(
      "The person has not answered Shopify's banner: every answer is empty, so the site's regional defaults apply.",
    );
  const details: Record<string, string | number | boolean> = {};
  const region = own(record, 'region');
  if (typeof region === 'string' && region !== '') details.region = region;
  const version = own(record, 'v');
  if (typeof version === 'string') details.version = version;
  return read({ answered, groups, notes, details });
}
