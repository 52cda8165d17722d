import { CONSENT_CATEGORIES, type ConsentCategory, type ConsentRecord } from './types';

/**
 * The categories the person refused on `site`: denied by a record of the site and granted by none
 * (a person who refused marketing in the TCF dialogue and accepted it in the site's own banner
 * has not refused it). Records showing the person never answered hold defaults, not choices, and
 * unreadable records say nothing, so neither counts. Records of other sites are ignored.
 */
export function refusedCategories(records: readonly ConsentRecord[], site: string): ConsentCategory[] {
  const denied = new Set<ConsentCategory>();
  const granted = new Set<ConsentCategory>();
  for (const record of records) {
    if (record.site !== site || record.status !== 'read' || record.answered === false) continue;
    for (const category of CONSENT_CATEGORIES) {
      const state = record.categories[category];
      if (state === 'denied') denied.add(category);
      if (state === 'granted') granted.add(category);
    }
  }
  return CONSENT_CATEGORIES.filter((category) => denied.has(category) && !granted.has(category));
}
