import type { EntryCategory } from './types';

/**
 * The database's categories are not ours. Its README defines Functional as "technical, essential
 * or strictly necessary" and Personalization as preferences, so its Functional is our essential and
 * its Personalization our functional. `Necessary` (outside upstream's own list) and `Security` are
 * essential too.
 */
const CATEGORY_MAP: Readonly<Record<string, EntryCategory>> = {
  functional: 'essential',
  security: 'essential',
  necessary: 'essential',
  'strictly necessary': 'essential',
  personalization: 'functional',
  personalisation: 'functional',
  analytics: 'analytics',
  marketing: 'marketing',
};

/** Our category for an upstream one, or null for a category we have not mapped (the row is reported). */
export function mapCategory(ocdCategory: string): EntryCategory | null {
  return CATEGORY_MAP[ocdCategory.trim().toLowerCase()] ?? null;
}

/** True for the upstream category whose rows may hold preferences: the essential/functional split applies. */
export function isSplitCandidate(ocdCategory: string): boolean {
  return ocdCategory.trim().toLowerCase() === 'functional';
}
