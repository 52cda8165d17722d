// biome-ignore-all lint/suspicious/noDocumentCookie: the demo sites write cookies the way real pages do.
// The shop remembers the shelf layout a moment after the page has rendered; no catalog knows it.
setTimeout(() => {
  if (!document.cookie.split('; ').some((pair) => pair.startsWith('lmn_shelf='))) {
    document.cookie = 'lmn_shelf=grid; Path=/; SameSite=Lax';
  }
  document.getElementById('cart')?.setAttribute('data-ready', 'true');
}, 250);
