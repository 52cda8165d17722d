// biome-ignore-all lint/suspicious/noDocumentCookie: the demo sites write cookies the way real pages do.
// Deskpro Messenger's loader caches where its assets are and when it first loaded them. The names
// are spelled as Deskpro spells them ("assests", "defualt").
(() => {
  const has = (name) => document.cookie.split('; ').some((pair) => pair.startsWith(`${name}=`));
  const month = 30 * 86400;
  if (!has('dpdefaultloader_assests_url')) {
    const url = encodeURIComponent(`${location.origin}/messenger/assets/`);
    document.cookie = `dpdefaultloader_assests_url=${url}; Max-Age=${month}; Path=/; Secure; SameSite=Lax`;
  }
  if (!has('dpdefualtloader_time')) {
    document.cookie = `dpdefualtloader_time=${Date.now()}; Max-Age=${month}; Path=/; Secure; SameSite=Lax`;
  }
  document.documentElement.dataset.messenger = 'loaded';
})();
