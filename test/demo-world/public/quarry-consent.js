// biome-ignore-all lint/suspicious/noDocumentCookie: the demo sites write cookies the way real pages do.
// Quarry's Complianz banner records the answer as Complianz does (one cookie per category and
// cmplz_banner-status=dismissed), but the Meta pixel runs before anyone answers and nothing
// removes its cookie after a refusal. Only Google Analytics waits for consent.
(() => {
  const YEAR = 365 * 86400;
  const now = Date.now();
  if (!document.cookie.includes('_fbp=')) {
    document.cookie = `_fbp=fb.1.${now}.${Math.floor(Math.random() * 1e9)}; Path=/; Max-Age=${YEAR / 4}; Secure; SameSite=Lax`;
  }
  const get = (name) =>
    document.cookie
      .split('; ')
      .find((c) => c.startsWith(`${name}=`))
      ?.slice(name.length + 1);
  const set = (name, value) => {
    document.cookie = `${name}=${value}; Path=/; Max-Age=${YEAR}; Secure; SameSite=Lax`;
  };
  const runAnalytics = () => {
    if (get('cmplz_statistics') === 'allow' && !get('_ga')) {
      set('_ga', `GA1.1.${Math.floor(Math.random() * 1e9)}.${Math.floor(now / 1000)}`);
    }
  };
  const start = () => {
    const banner = document.getElementById('cmplz-cookiebanner-container');
    if (get('cmplz_banner-status') === 'dismissed') {
      banner.hidden = true;
      runAnalytics();
      return;
    }
    const answer = (allow) => {
      const value = allow ? 'allow' : 'deny';
      set('cmplz_functional', 'allow');
      set('cmplz_preferences', value);
      set('cmplz_statistics', value);
      set('cmplz_marketing', value);
      set('cmplz_banner-status', 'dismissed');
      banner.hidden = true;
      runAnalytics();
    };
    banner.querySelector('.cmplz-accept').addEventListener('click', () => answer(true));
    banner.querySelector('.cmplz-deny').addEventListener('click', () => answer(false));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
