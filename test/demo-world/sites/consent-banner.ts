import { ADSMETRIC_HOST } from './adsmetric';

/**
 * What the two consent demo sites share: a first-party session, and markup of the consent banners
 * of two common platforms, as close to what those platforms ship as autoconsent's rules look for
 * (CookieYes: `.cky-consent-container` with `data-cky-tag` buttons; Complianz:
 * `#cmplz-cookiebanner-container .cmplz-cookiebanner` with `.cmplz-accept` and `.cmplz-deny`).
 * The banners are plain elements shown and hidden by the site's own script; no inline styles, as
 * the demo pages' CSP allows none.
 */

export const COOKIEYES_BANNER = `<div class="cky-consent-container" id="cky-banner" role="dialog" aria-label="We value your privacy">
<div class="cky-consent-bar">
<p class="cky-notice-des">We use cookies to measure visits and to show you relevant ads, only if you agree.</p>
<div class="cky-notice-btn-wrapper">
<button class="cky-btn cky-btn-reject" data-cky-tag="reject-button">Reject all</button>
<button class="cky-btn cky-btn-accept" data-cky-tag="accept-button">Accept all</button>
</div>
</div>
</div>`;

export const COMPLIANZ_BANNER = `<div id="cmplz-cookiebanner-container">
<div class="cmplz-cookiebanner" role="dialog" aria-label="Manage cookie consent">
<p class="cmplz-message">To give you the best experience, we and our partners use cookies for statistics and marketing.</p>
<div class="cmplz-buttons">
<button class="cmplz-btn cmplz-deny">Deny</button>
<button class="cmplz-btn cmplz-accept">Accept</button>
</div>
</div>
</div>`;

/** The ad network's pixel, for a page that loads it regardless of consent. */
export function adsPixel(origin: (host: string) => string, publisher: string): string {
  return `<img id="pixel" alt="" src="${origin(ADSMETRIC_HOST)}/px.gif?pub=${publisher}&amp;ev=pageview" width="1" height="1">`;
}
