import type { AllowedCookie, SiteSettings } from '../shared/protocol';
import { t } from './t';

export const NO_SITE_SETTINGS: SiteSettings = { keepClean: false, allowedVendors: [], allowedCookies: [] };

interface Props {
  site: string;
  settings: SiteSettings | null;
  busy: boolean;
  onChange(settings: SiteSettings): void;
}

/** "Keep this site clean" and the vendors and cookies that stay anyway. */
export function SiteSettingsPanel({ site, settings, busy, onChange }: Props) {
  const current = settings ?? NO_SITE_SETTINGS;
  const exceptions = current.allowedVendors.length + current.allowedCookies.length;
  return (
    <section class="site-settings" aria-labelledby="site-settings-title">
      <div class="switch-row">
        <div class="switch-text">
          <span id="site-settings-title" class="switch-title">
            {t('keepClean')}
          </span>
          <span id="keep-clean-help" class="help">
            {t('keepCleanHelp', site)}
          </span>
        </div>
        <button
          type="button"
          role="switch"
          class="switch"
          aria-checked={current.keepClean}
          aria-labelledby="site-settings-title"
          aria-describedby="keep-clean-help"
          // Not `disabled`: it would take the focus away from the switch the user just pressed.
          aria-disabled={busy}
          onClick={() => {
            if (!busy) onChange({ ...current, keepClean: !current.keepClean });
          }}
        >
          <span class="switch-state" aria-hidden="true">
            {current.keepClean ? t('switchOn') : t('switchOff')}
          </span>
        </button>
      </div>
      {current.keepClean && settings?.cleaningThrottled && (
        // The site fights back: say why its cookies come back and stay for up to a minute.
        <p class="help" role="status" data-testid="cleaning-throttled">
          {t('cleaningThrottled', site)}
        </p>
      )}
      <div class="exceptions">
        <h3 class="exceptions-title">{t('exceptionsTitle')}</h3>
        {exceptions === 0 ? (
          <p class="help">{t('exceptionsNone')}</p>
        ) : (
          <ul class="exception-list" aria-label={t('exceptionsTitle')}>
            {current.allowedVendors.map((vendor) => (
              <li key={`v:${vendor}`} class="exception">
                <span>{t('exceptionVendor', vendor)}</span>
                <button
                  type="button"
                  class="link-button"
                  disabled={busy}
                  aria-label={t('exceptionRemoveLabel', vendor)}
                  onClick={() =>
                    onChange({ ...current, allowedVendors: current.allowedVendors.filter((v) => v !== vendor) })
                  }
                >
                  {t('exceptionRemove')}
                </button>
              </li>
            ))}
            {current.allowedCookies.map((cookie) => (
              <li key={`c:${cookie.domain}\n${cookie.name}`} class="exception">
                <span>{t('exceptionCookie', cookie.name, cookie.domain)}</span>
                <button
                  type="button"
                  class="link-button"
                  disabled={busy}
                  aria-label={t('exceptionRemoveLabel', cookie.name)}
                  onClick={() =>
                    onChange({
                      ...current,
                      allowedCookies: current.allowedCookies.filter((c) => !sameCookie(c, cookie)),
                    })
                  }
                >
                  {t('exceptionRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function sameCookie(a: AllowedCookie, b: AllowedCookie): boolean {
  return a.name === b.name && a.domain === b.domain;
}

export function withAllowedCookie(settings: SiteSettings | null, cookie: AllowedCookie): SiteSettings {
  const current = settings ?? NO_SITE_SETTINGS;
  if (current.allowedCookies.some((c) => sameCookie(c, cookie))) return current;
  return { ...current, allowedCookies: [...current.allowedCookies, { name: cookie.name, domain: cookie.domain }] };
}

export function withAllowedVendor(settings: SiteSettings | null, vendor: string): SiteSettings {
  const current = settings ?? NO_SITE_SETTINGS;
  if (current.allowedVendors.includes(vendor)) return current;
  return { ...current, allowedVendors: [...current.allowedVendors, vendor] };
}
