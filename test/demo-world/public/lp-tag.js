// biome-ignore-all lint/suspicious/noDocumentCookie: the demo sites write cookies the way real pages do.
// LivePerson's monitoring tag, first-party part: it writes on the embedding site's domain, without
// Secure (LivePerson's first-party mode does not support it) and from script (so no HttpOnly).
(() => {
  const site = new URL(document.currentScript.src).searchParams.get('site');
  const domain = location.hostname.split('.').slice(-2).join('.');
  const has = (name) => document.cookie.split('; ').some((pair) => pair.startsWith(`${name}=`));
  const id = (length) =>
    Array.from(crypto.getRandomValues(new Uint8Array(length)), (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join(
      '',
    );
  const write = (name, value, maxAge) =>
    (document.cookie = `${name}=${value}; Path=/; Domain=${domain}; SameSite=Lax${maxAge ? `; Max-Age=${maxAge}` : ''}`);

  if (!has('LPVID')) write('LPVID', id(22), 365 * 86400);
  if (!has(`LPSID-${site}`)) write(`LPSID-${site}`, id(22));
  if (!has('lpTabId')) write('lpTabId', id(8));

  // The engagement arrives after the monitoring round trip: then the conversation tokens are kept.
  setTimeout(() => {
    if (!has(`LPCID-${site}`)) write(`LPCID-${site}`, id(22));
    if (!has(`LPCKEY-${site}`)) write(`LPCKEY-${site}`, id(32));
  }, 350);
})();
