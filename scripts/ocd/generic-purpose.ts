import type { EntryCategory } from './types';
import { UNATTRIBUTED } from './vendor-rules';

/**
 * The purpose of a row nobody has written one for yet: built only from the vendor, our category
 * and, for a preference, what the matching rule recognised. It is plainly generic on purpose, so a
 * reader can tell it apart from a researched one, and it never draws on the database's description.
 */
const BY_CATEGORY: Readonly<Record<EntryCategory, string>> = {
  essential: 'needed for the site or service to work',
  functional: 'for an optional feature or preference',
  analytics: 'for analytics',
  marketing: 'for advertising or marketing',
};

export function genericPurpose(vendor: string, category: EntryCategory, rulePurpose?: string): string {
  const who = vendor === UNATTRIBUTED ? 'an unnamed service' : vendor;
  if (rulePurpose) return `Set by ${who}. ${rulePurpose}`;
  return category === 'essential'
    ? `Set by ${who}; ${BY_CATEGORY[category]}.`
    : `Set by ${who} ${BY_CATEGORY[category]}.`;
}
