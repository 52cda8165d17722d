// Paperleaf's analytics and advertising tags, as a site's page script sets them.
const year = 365 * 86400;
const now = Date.now();
if (!document.cookie.includes('_ga=')) {
  document.cookie = `_ga=GA1.1.${Math.floor(Math.random() * 1e9)}.${Math.floor(now / 1000)}; Path=/; Max-Age=${2 * year}; Secure; SameSite=Lax`;
}
document.cookie = `_fbp=fb.1.${now}.${Math.floor(Math.random() * 1e9)}; Path=/; Max-Age=${year / 4}; Secure; SameSite=Lax`;
