import type { DeclarationStrings } from '../core/export/markdown';
import type { Lifetime } from '../core/types';
import { categoryName, formatDuration, partyName } from '../ui/format';
import { t } from '../ui/t';

/** A declared duration in the UI language: "2 years", "13 måneder", "Session". */
export function durationText(lifetime: Lifetime): string {
  switch (lifetime.kind) {
    case 'session':
      return t('panelSession');
    case 'unknown':
      return t('panelDeclDurationUnknown');
    case 'variable':
      return t('panelDeclDurationVariable', lifetime.note);
    case 'duration':
      // The popup's reading: a 13-month cookie is declared as "13 months", never rounded to "1 year".
      return formatDuration(Math.max(1, lifetime.seconds)) ?? '';
  }
}

/** The Markdown declaration in the language the panel shows. */
export function declarationStrings(): DeclarationStrings {
  return {
    title: (site) => (site ? t('panelDeclTitle', site) : t('panelDeclTitleNoSite')),
    intro: (url, date) => (url ? t('panelDeclIntro', url, date) : t('panelDeclIntroNoUrl', date)),
    noCookies: t('panelDeclNoCookies'),
    columns: [
      t('panelColName'),
      t('panelColVendor'),
      t('panelColCategory'),
      t('panelColPurpose'),
      t('panelColDuration'),
      t('panelColParty'),
    ],
    categories: {
      essential: categoryName('essential'),
      functional: categoryName('functional'),
      analytics: categoryName('analytics'),
      marketing: categoryName('marketing'),
      unknown: categoryName('unknown'),
    },
    parties: { first: partyName('first'), third: partyName('third'), unknown: partyName('unknown') },
    duration: durationText,
    unknownVendor: t('panelDeclUnknownVendor'),
    unknownPurpose: t('panelDeclUnknownPurpose'),
    emptyName: '(—)',
  };
}
