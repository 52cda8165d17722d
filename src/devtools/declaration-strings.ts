import type { DeclarationStrings } from '../core/export/markdown';
import type { Lifetime } from '../core/types';
import { categoryName, partyName } from '../ui/format';
import { uiLanguage } from '../ui/i18n';
import { t } from './t';

const UNITS: ReadonlyArray<[string, number]> = [
  ['year', 31_557_600],
  ['month', 2_629_800],
  ['day', 86_400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** A declared duration in the UI language: "2 years", "13 måneder", "Session". */
export function durationText(lifetime: Lifetime): string {
  switch (lifetime.kind) {
    case 'session':
      return t('panelSession');
    case 'unknown':
      return t('panelDeclDurationUnknown');
    case 'variable':
      return t('panelDeclDurationVariable', lifetime.note);
    case 'duration': {
      const [unit, size] = UNITS.find(([, s]) => lifetime.seconds >= s) ?? UNITS[UNITS.length - 1];
      return new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit, unitDisplay: 'long' }).format(
        Math.round(lifetime.seconds / size),
      );
    }
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
