// biome-ignore-all lint/suspicious/noDocumentCookie: the demo sites write cookies the way real pages do.
// Stands in for Google Analytics' gtag.js: once loaded and configured it writes the client id
// `_ga` and the property's session cookie `_ga_<id>` on the registrable domain, as GA4 does.
(() => {
  const id = new URL(document.currentScript.src).searchParams.get('id').replace(/^G-/, '');
  const domain = location.hostname.split('.').slice(-2).join('.');
  const now = Math.floor(Date.now() / 1000);
  const maxAge = 400 * 86400;
  const has = (name) => document.cookie.split('; ').some((pair) => pair.startsWith(`${name}=`));
  setTimeout(() => {
    if (!has('_ga')) {
      const client = Math.floor(Math.random() * 2 ** 31);
      document.cookie = `_ga=GA1.1.${client}.${now}; Max-Age=${maxAge}; Path=/; Domain=${domain}; SameSite=Lax`;
    }
    document.cookie = `_ga_${id}=GS1.1.${now}.1.0.${now}.0.0.0; Max-Age=${maxAge}; Path=/; Domain=${domain}; SameSite=Lax`;
  }, 400);
})();
