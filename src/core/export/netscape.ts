import type { CookieLike } from '../types';
import { type ExportContext, includesSubdomains, type LabelledCookie } from './labelled-cookie';

export const NETSCAPE_HEADER = '# Netscape HTTP Cookie File';
export const HTTP_ONLY_PREFIX = '#HttpOnly_';

/** Why a cookie could not be written: the format has no quoting, so these characters would break lines. */
export type NetscapeSkipReason = 'tab-or-line-break' | 'domain-starts-with-hash';

export interface SkippedCookie {
  name: string;
  domain: string;
  reason: NetscapeSkipReason;
}

export interface NetscapeExport {
  text: string;
  /** Cookies left out because the format cannot hold them; callers must tell the user. */
  skipped: SkippedCookie[];
}

const BREAKS_LINE = /[\t\r\n]/;

function problemOf(cookie: CookieLike): NetscapeSkipReason | null {
  const fields = [cookie.domain, cookie.path ?? '/', cookie.name, cookie.value ?? ''];
  if (fields.some((f) => BREAKS_LINE.test(f))) return 'tab-or-line-break';
  // A leading `#` would make the line a comment (or a bogus `#HttpOnly_` marker).
  if (bareHost(cookie.domain).startsWith('#')) return 'domain-starts-with-hash';
  return null;
}

function bareHost(domain: string): string {
  return domain.replace(/^\.+/, '');
}

/**
 * Readers check that the leading dot and the include-subdomains flag agree (Python's
 * MozillaCookieJar rejects the file otherwise), so the dot is written from the flag, not copied.
 */
function domainField(cookie: CookieLike): string {
  const host = bareHost(cookie.domain);
  return includesSubdomains(cookie) ? `.${host}` : host;
}

/** Comments must stay on one line whatever the page URL holds. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

/**
 * The `cookies.txt` format read by curl, wget and yt-dlp: seven tab-separated fields (domain,
 * include-subdomains, path, secure, expiry, name, value); `#HttpOnly_` before the domain marks an
 * HttpOnly cookie; expiry 0 is a session cookie. The format has no partition key, so partitioned
 * cookies are written with a comment naming their partition.
 */
export function formatNetscape(cookies: readonly LabelledCookie[], context: ExportContext): NetscapeExport {
  const lines = [NETSCAPE_HEADER, `# Exported by Cookie Inspector at ${new Date(context.now * 1000).toISOString()}`];
  if (context.url) lines.push(`# Page: ${oneLine(context.url)}`);
  lines.push('');
  const skipped: SkippedCookie[] = [];
  for (const { cookie } of cookies) {
    const problem = problemOf(cookie);
    if (problem) {
      skipped.push({ name: cookie.name, domain: cookie.domain, reason: problem });
      continue;
    }
    const partition = cookie.partitionKey;
    if (partition) lines.push(`# Partitioned: ${oneLine(JSON.stringify(partition))}`);
    lines.push(
      [
        `${cookie.httpOnly ? HTTP_ONLY_PREFIX : ''}${domainField(cookie)}`,
        flag(includesSubdomains(cookie)),
        cookie.path ?? '/',
        flag(cookie.secure === true),
        String(expiryField(cookie)),
        cookie.name,
        cookie.value ?? '',
      ].join('\t'),
    );
  }
  return { text: `${lines.join('\n')}\n`, skipped };
}

function flag(on: boolean): string {
  return on ? 'TRUE' : 'FALSE';
}

/** 9999-12-31T23:59:59Z: readers parse the field as an integer, and `String(1e21)` is `1e+21`. */
const LATEST_EXPIRY = 253_402_300_799;

/** Whole seconds; 0 means a session cookie, so a persistent cookie never gets 0. */
function expiryField(cookie: CookieLike): number {
  const expiry = cookie.expirationDate;
  if (cookie.session === true || expiry === undefined || !Number.isFinite(expiry)) return 0;
  return Math.min(LATEST_EXPIRY, Math.max(1, Math.trunc(expiry)));
}
