// biome-ignore-all lint/suspicious/noDocumentCookie: the demo sites write cookies the way real pages do.
// Fernhill's CookieYes banner: the record is written as CookieYes writes it (defaults on the first
// visit, with action:no), and the optional tags run only for the categories the visitor granted.
(() => {
  const YEAR = 365 * 86400;
  const NAME = 'cookieyes-consent';
  const read = () => {
    const found = document.cookie.split('; ').find((c) => c.startsWith(`${NAME}=`));
    if (!found) return null;
    const fields = new Map(
      found
        .slice(NAME.length + 1)
        .split(',')
        .map((f) => f.split(':')),
    );
    return fields;
  };
  const write = (answered, granted) => {
    const state = granted ? 'yes' : 'no';
    const value = [
      `consentid:${Math.random().toString(36).slice(2, 18)}`,
      `consent:${state}`,
      `action:${answered ? 'yes' : 'no'}`,
      'necessary:yes',
      `functional:${state}`,
      `analytics:${state}`,
      `performance:${state}`,
      `advertisement:${state}`,
      `other:${state}`,
    ].join(',');
    document.cookie = `${NAME}=${value}; Path=/; Max-Age=${YEAR}; Secure; SameSite=Strict`;
  };
  const runTags = (fields) => {
    const now = Date.now();
    if (fields.get('analytics') === 'yes' && !document.cookie.includes('_ga=')) {
      document.cookie = `_ga=GA1.1.${Math.floor(Math.random() * 1e9)}.${Math.floor(now / 1000)}; Path=/; Max-Age=${2 * YEAR}; Secure; SameSite=Lax`;
    }
    if (fields.get('advertisement') === 'yes') {
      document.cookie = `_fbp=fb.1.${now}.${Math.floor(Math.random() * 1e9)}; Path=/; Max-Age=${YEAR / 4}; Secure; SameSite=Lax`;
    }
  };
  const start = () => {
    const banner = document.getElementById('cky-banner');
    let fields = read();
    if (!fields) {
      write(false, false);
      fields = read();
    }
    if (fields.get('action') === 'yes') {
      banner.hidden = true;
      runTags(fields);
      return;
    }
    const answer = (granted) => {
      write(true, granted);
      banner.hidden = true;
      runTags(read());
    };
    banner.querySelector('[data-cky-tag=accept-button]').addEventListener('click', () => answer(true));
    banner.querySelector('[data-cky-tag=reject-button]').addEventListener('click', () => answer(false));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
