import { read, singleCookieReader, unmappedNote, unreadable } from './reading';
import { decodePercent, millisecondsToSeconds } from './text';
import type { ConsentCategory, ConsentGroup, ConsentReading } from './types';

/**
 * CookieYes's categories. Its "performance" cookies measure how the site performs for visitors,
 * which is analytics; "advertisement" is marketing; "other" is whatever the site left uncategorised.
 */
const CATEGORY: ReadonlyMap<string, ConsentCategory | 'essential'> = new Map([
  ['necessary', 'essential'],
  ['functional', 'functional'],
  ['analytics', 'analytics'],
  ['performance', 'analytics'],
  ['advertisement', 'marketing'],
]);

/** Fields that are not categories. */
const META = new Set(['consentid', 'consent', 'action', 'lastRenewedDate']);

/** `cookieyes-consent`: `consentid:…,consent:yes,action:yes,necessary:yes,functional:no,…`. */
export const cookieYesReader = singleCookieReader('CookieYes', (name) => name === 'cookieyes-consent', readCookieYes);

function readCookieYes(value: string): ConsentReading {
  const text = value.includes('%') ? decodePercent(value) : value;
  if (text === null) return unreadable('The record has a broken %-escape, so it cannot be read.');
  const fields = new Map<string, string>();
  for (const entry of text.split(',')) {
    const at = entry.indexOf(':');
    if (at <= 0) return unreadable(`"${entry.slice(0, 40)}" is not a name and a value.`);
    const key = entry.slice(0, at);
    if (fields.has(key)) return unreadable(`The field ${key} is given twice.`);
    fields.set(key, entry.slice(at + 1));
  }
  const groups: ConsentGroup[] = [];
  for (const [key, state] of fields) {
    if (META.has(key)) continue;
    if (state !== 'yes' && state !== 'no')
      return unreadable(`The category ${key} is "${state.slice(0, 20)}", not yes or no.`);
    groups.push({ name: key, state: state === 'yes' ? 'granted' : 'denied', category: CATEGORY.get(key) ?? null });
  }
  if (!groups.some((group) => group.category !== 'essential')) {
    return unreadable('The record names no category, so it holds no choice.');
  }
  const notes: string[] = [];
  const action = fields.get('action');
  const answered = action === 'yes' ? true : action === 'no' ? false : null;
  if (answered === false)
    notes.push("The person has not answered CookieYes's banner (action:no): these are the site's defaults.");
  const details: Record<string, string | number | boolean> = {};
  const renewed = fields.get('lastRenewedDate');
  if (renewed !== undefined) {
    // The date the site last asked everyone again, not when this person answered.
    const at = /^\d{1,16}$/.test(renewed) ? millisecondsToSeconds(Number(renewed)) : null;
    if (at !== null) details.lastRenewedDate = at;
  }
  notes.push(...unmappedNote(groups, 'categories'));
  return read({ answered, groups, details, notes });
}
