import { categoriesOf, read, singleCookieReader, unmappedNote, unreadable } from './reading';
import { decodeBase64Text, isObject, isoSeconds, isStringArray, type JsonObject, own, parseJsonObject } from './text';
import type { ConsentCategory, ConsentGroup, ConsentReading } from './types';

/**
 * Didomi's names for the IAB purposes, by category for the reasons given in `tcf.ts`: `cookies`
 * is purpose 1 (storage), measurement and research are analytics, ads and content profiles are
 * marketing. Special features (`geolocation_data`, `device_characteristics`) are no cookie category.
 */
const PURPOSE_CATEGORY: ReadonlyMap<string, ConsentCategory | 'essential'> = new Map([
  ['cookies', 'essential'],
  ['select_basic_ads', 'marketing'],
  ['create_ads_profile', 'marketing'],
  ['select_personalized_ads', 'marketing'],
  ['create_content_profile', 'marketing'],
  ['select_personalized_content', 'marketing'],
  ['use_limited_data_to_select_content', 'marketing'],
  ['measure_ad_performance', 'analytics'],
  ['measure_content_performance', 'analytics'],
  ['market_research', 'analytics'],
  ['improve_products', 'analytics'],
]);

/** `didomi_token`: base64 JSON with enabled and disabled purposes and vendors. */
export const didomiReader = singleCookieReader('Didomi', (name) => name === 'didomi_token', readDidomi);

function readDidomi(value: string): ConsentReading {
  const text = decodeBase64Text(value);
  if (text === null) return unreadable('The token is not valid base64 text.');
  const token = parseJsonObject(text);
  if (token === null) return unreadable('The token decodes to something other than a JSON object.');
  const purposes = enabledDisabled(own(token, 'purposes'));
  if (purposes === null) return unreadable('The purposes of the token are not lists of names.');
  const vendors = enabledDisabled(own(token, 'vendors'));
  if (vendors === null) return unreadable('The vendors of the token are not lists of names.');

  const groups: ConsentGroup[] = [
    ...purposes.enabled.map((name): ConsentGroup => ({ name, state: 'granted', category: categoryOf(name) })),
    ...purposes.disabled.map((name): ConsentGroup => ({ name, state: 'denied', category: categoryOf(name) })),
  ];
  const categories = categoriesOf(groups);
  const notes: string[] = [];
  if (purposes.disabled.includes('cookies') && (categories.analytics || categories.marketing)) {
    notes.push('Storing information on the device ("cookies") was refused, so no purpose may use cookies.');
    if (categories.analytics) categories.analytics = 'denied';
    if (categories.marketing) categories.marketing = 'denied';
  }
  if (!groups.some((group) => PURPOSE_CATEGORY.has(group.name))) {
    notes.push(
      "The token lists only the site's own purposes; the standard IAB purposes are in the euconsent-v2 cookie when the site uses TCF.",
    );
  }
  notes.push(...unmappedNote(groups, 'purposes'));
  const decidedAt = isoSeconds(own(token, 'updated'));
  if (decidedAt === null) notes.push('The token does not say when it was last updated.');
  const details: Record<string, string | number | boolean> = {};
  const version = own(token, 'version');
  if (typeof version === 'number') details.version = version;
  return read({
    decidedAt,
    groups,
    categories,
    notes,
    details,
    vendors: { granted: vendors.enabled, denied: vendors.disabled },
  });
}

function categoryOf(purpose: string): ConsentCategory | 'essential' | null {
  return PURPOSE_CATEGORY.get(purpose) ?? null;
}

/** `{enabled: [...], disabled: [...]}`, either list may be missing; null if malformed. */
function enabledDisabled(value: unknown): { enabled: string[]; disabled: string[] } | null {
  if (value === undefined) return { enabled: [], disabled: [] };
  if (!isObject(value)) return null;
  const lists = value as JsonObject;
  const enabled = own(lists, 'enabled') ?? [];
  const disabled = own(lists, 'disabled') ?? [];
  if (!isStringArray(enabled) || !isStringArray(disabled)) return null;
  return { enabled, disabled };
}
