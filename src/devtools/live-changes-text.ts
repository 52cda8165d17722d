import { uiLanguage } from '../ui/i18n';
import { t } from '../ui/t';
import type { Change } from './change-tracker';

/** "2 new cookies and 1 cookie removed": only the kinds of change there were, each in its plural. */
export function liveChangesText(counts: Record<Change, number>): string {
  const parts: string[] = [];
  if (counts.new > 0) parts.push(t.plural('panelLiveNew', counts.new));
  if (counts.changed > 0) parts.push(t.plural('panelLiveChanged', counts.changed));
  if (counts.removed > 0) parts.push(t.plural('panelLiveRemoved', counts.removed));
  return new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(parts);
}
