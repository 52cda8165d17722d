// biome-ignore-all lint/suspicious/noDocumentCookie: the demo sites write cookies the way real pages do.
// The portal's own script: the visitor token, a banner choice the helpdesk owner added, and the
// Messenger widget's loader, which Deskpro loads a moment after the page.
(() => {
  const has = (name) => document.cookie.split('; ').some((pair) => pair.startsWith(`${name}=`));
  const random = (bytes) =>
    Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');

  if (!has('dpv')) document.cookie = `dpv=${random(16)}; Max-Age=31536000; Path=/; Secure; SameSite=Lax`;
  // Not Deskpro's: a cookie this helpdesk's theme sets, which no catalog knows.
  if (!has('kb_banner_closed')) document.cookie = 'kb_banner_closed=1; Path=/; SameSite=Lax';

  setTimeout(() => {
    const loader = document.createElement('script');
    loader.src = '/messenger/loader.js';
    document.head.append(loader);
  }, 200);
})();
