import { read, singleCookieReader, unreadable } from './reading';
import { decodePercent, isObject, own, parseJsonObject } from './text';
import type { ConsentCategory, ConsentGroup, ConsentReading } from './types';

/** Borlabs Cookie's standard groups; a site's own groups and "external-media" (embedded players, maps) count for no category. */
const CATEGORY: ReadonlyMap<string, ConsentCategory | 'essential'> = new Map([
  ['essential', 'essential'],
  ['statistics', 'analytics'],
  ['marketing', 'marketing'],
]);

/** `borlabs-cookie`: URL-encoded JSON whose `consents` maps each accepted group to its accepted services. */
export const borlabsReader = singleCookieReader('Borlabs Cookie', (name) => name === 'borlabs-cookie', readBorlabs);

function readBorlabs(value: string): ConsentReading {
  const text = decodePercent(value);
  const record = text === null ? null : parseJsonObject(text);
  if (record === null) return unreadable('The record is not URL-encoded JSON.');
  const consents = own(record, 'consents');
  if (!isObject(consents)) return unreadable('The record has no consents object, which holds the choices.');
  const groups: ConsentGroup[] = [];
  for (const [name, services] of Object.entries(consents)) {
    if (!Array.isArray(services) || !services.every((service) => typeof service === 'string')) {
      return unreadable(`The group ${name} does not list its services.`);
    }
    // A group listed with no service accepted is no acceptance of anything.
    groups.push({ name, state: services.length > 0 ? 'granted' : 'denied', category: CATEGORY.get(name) ?? null });
  }
  const notes: string[] = [];
  const missing = ['statistics', 'marketing'].filter((name) => !groups.some((group) => group.name === name));
  for (const name of missing) groups.push({ name, state: 'denied', category: CATEGORY.get(name) ?? null });
  if (missing.length > 0) {
    notes.push(
      `Borlabs Cookie records only the groups the person accepted; ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not among them, so counted as refused.`,
    );
  }
  const external = groups.find((group) => group.name === 'external-media');
  if (external)
    notes.push(
      'External media (embedded videos, maps) counts for no category: its cookies depend on what is embedded.',
    );
  const details: Record<string, string | number | boolean> = {};
  if (own(record, 'v3') === true) details.borlabsVersion = 3;
  const uid = own(record, 'uid');
  if (typeof uid === 'string') details.uid = uid;
  return read({ groups, details, notes });
}
