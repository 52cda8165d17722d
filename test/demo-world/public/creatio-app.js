// biome-ignore-all lint/suspicious/noDocumentCookie: the demo sites write cookies the way real pages do.
// Creatio's client keeps the current and the previous page address for 180 days.
(() => {
  const maxAge = 180 * 86400;
  const previous = document.referrer || `${location.origin}/`;
  document.cookie = `bpmHref=${encodeURIComponent(location.href)}; Max-Age=${maxAge}; Path=/; Secure; SameSite=Lax`;
  document.cookie = `bpmRef=${encodeURIComponent(previous)}; Max-Age=${maxAge}; Path=/; Secure; SameSite=Lax`;
})();
