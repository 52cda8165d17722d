// biome-ignore-all lint/suspicious/noDocumentCookie: the demo sites write cookies the way real pages do.
// LivePerson's conversation window keeps its settings and storage timestamp on LivePerson's own
// domain: third-party cookies from the embedding page's point of view.
(() => {
  const site = new URL(document.currentScript.src).searchParams.get('site');
  const day = 86400;
  setTimeout(() => {
    const conf = encodeURIComponent(JSON.stringify({ features: ['messaging'], lang: 'en' }));
    document.cookie = `UIConf=${conf}; Max-Age=${day}; Path=/; Domain=liveperson-demo.test; Secure; SameSite=None`;
    document.cookie = `Storage_expiration-${site}=${Date.now() + day * 1000}; Max-Age=${day}; Path=/; Domain=liveperson-demo.test; Secure; SameSite=None`;
    document.getElementById('chat-state')?.setAttribute('data-ready', 'true');
  }, 200);
})();
