import { removableInOneClick } from '../core/deletion-policy';
import type { TabView } from '../shared/protocol';
import { categoryName } from './format';
import { uiLanguage } from './i18n';
import { t } from './t';
import type { TabState, TabStore } from './tab-store';

interface Props {
  view: TabView;
  /** The tab's cookies, whether an action is under way; the notice acts through the page's store. */
  state: Pick<TabState, 'records' | 'busy'>;
  store: Pick<TabStore, 'removeCookies' | 'setSiteSettings'>;
}

/**
 * What the site's consent record says the person refused, and which cookies of those kinds are here
 * all the same: "You refused analytics and marketing on this site on 3 Dec; 4 cookies of those
 * kinds are here", with one click to remove them (within the deletion rule: a cookie that would
 * sign the person out stays, and the kept-cookies notice says so) and an offer to keep the site
 * clean. A record the worker could not read is said, never guessed.
 */
export function ConsentNotice({ view, state, store }: Props) {
  const { records, busy } = state;
  const consent = view.consent;
  if (!consent) return null;
  const unreadable = consent.records.filter((r) => !r.readable);
  const refused = consent.refused;
  const against = new Set(consent.againstRefusal);
  const before = new Set(consent.setBeforeAnswer);
  const here = records.filter((r) => against.has(r.key));
  const removable = here.filter((r) => removableInOneClick(r.label, true));
  const kinds = new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format(
    refused.map((c) => categoryName(c).toLowerCase()),
  );
  const date =
    consent.decidedAt === null
      ? null
      : new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short' }).format(consent.decidedAt * 1000);
  const keepClean = view.siteSettings?.keepClean === true;
  return (
    <section class="consent" data-testid="consent" aria-label={t('consentTitle')}>
      {refused.length > 0 && (
        <p data-testid="consent-summary">
          {here.length === 0
            ? date
              ? t('consentRespectedOn', kinds, date)
              : t('consentRespected', kinds)
            : date
              ? t.plural('consentAgainstOn', here.length, kinds, date)
              : t.plural('consentAgainst', here.length, kinds)}
        </p>
      )}
      {here.length > 0 && (
        <>
          <ul class="consent-cookies">
            {here.map((r) => (
              <li key={r.key}>
                <code>{r.cookie.name || t('emptyName')}</code> {r.label.vendor ?? t('vendorUnknown')}
                {before.has(r.key) ? ` · ${t('consentSetBefore')}` : ''}
              </li>
            ))}
          </ul>
          <div class="consent-actions">
            {removable.length > 0 && (
              <button
                type="button"
                class="button danger"
                data-testid="consent-remove"
                disabled={busy}
                onClick={() => void store.removeCookies(removable.map((r) => r.cookie))}
              >
                {t.plural('consentRemove', removable.length)}
              </button>
            )}
            {!keepClean && view.site && (
              <button
                type="button"
                class="button"
                data-testid="consent-keep-clean"
                disabled={busy}
                onClick={() =>
                  void store.setSiteSettings({
                    keepClean: true,
                    allowedVendors: view.siteSettings?.allowedVendors ?? [],
                    allowedCookies: view.siteSettings?.allowedCookies ?? [],
                  })
                }
              >
                {t('consentKeepClean')}
              </button>
            )}
          </div>
        </>
      )}
      {unreadable.map((r) => (
        <p key={r.platform} class="help" data-testid="consent-unreadable">
          {t('consentUnreadable', r.platform, r.reason ?? '')}
        </p>
      ))}
    </section>
  );
}
