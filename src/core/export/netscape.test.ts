import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, labelledCookieArb, makeCookie } from '../../../test/support/export-records';
import { formatNetscape, HTTP_ONLY_PREFIX, NETSCAPE_HEADER } from './netscape';

interface ParsedLine {
  domain: string;
  httpOnly: boolean;
  includeSubdomains: boolean;
  path: string;
  secure: boolean;
  expiry: number;
  name: string;
  value: string;
}

/**
 * Reads cookies.txt the way curl and Python's MozillaCookieJar do: `#HttpOnly_` lines are cookies,
 * other `#` lines and blank lines are skipped, every other line has exactly seven tab-separated
 * fields with TRUE/FALSE flags, the domain's leading dot agreeing with the include-subdomains flag.
 * Anything else throws.
 */
function parseNetscape(text: string): ParsedLine[] {
  if (!text.endsWith('\n')) throw new Error('file must end with a newline');
  const out: ParsedLine[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    let rest = line;
    const httpOnly = rest.startsWith(HTTP_ONLY_PREFIX);
    if (httpOnly) rest = rest.slice(HTTP_ONLY_PREFIX.length);
    else if (rest.startsWith('#') || rest === '') continue;
    const fields = rest.split('\t');
    if (fields.length !== 7) throw new Error(`expected 7 fields, got ${fields.length}: ${JSON.stringify(line)}`);
    const [domain, sub, path, secure, expiry, name, value] = fields;
    const bool = (f: string) => {
      if (f !== 'TRUE' && f !== 'FALSE') throw new Error(`bad flag ${f}`);
      return f === 'TRUE';
    };
    if (!/^\d+$/.test(expiry)) throw new Error(`bad expiry ${expiry}`);
    if (domain.startsWith('.') !== bool(sub)) throw new Error(`leading dot and flag disagree: ${domain} ${sub}`);
    out.push({
      domain,
      httpOnly,
      includeSubdomains: bool(sub),
      path,
      secure: bool(secure),
      expiry: Number(expiry),
      name,
      value,
    });
  }
  return out;
}

const context = { now: 1_750_000_000, url: 'https://shop.test/cart', site: 'shop.test' };

describe('formatNetscape', () => {
  it('starts with the header curl looks for and names the page', () => {
    const { text } = formatNetscape([], context);
    expect(text.split('\n')[0]).toBe(NETSCAPE_HEADER);
    expect(text).toContain('# Page: https://shop.test/cart');
    expect(parseNetscape(text)).toEqual([]);
  });

  it('writes flags, #HttpOnly_, whole-second expiry and 0 for session cookies', () => {
    const { text, skipped } = formatNetscape(
      [
        makeCookie({ name: 'a', value: '1', domain: '.shop.test', hostOnly: false, secure: true, httpOnly: true }),
        makeCookie({ name: 'b', value: '2', domain: 'shop.test', hostOnly: true, secure: false, path: '/x' }),
        makeCookie({ name: 'c', value: '', session: true, expirationDate: undefined }),
      ],
      context,
    );
    expect(skipped).toEqual([]);
    expect(text).toContain('#HttpOnly_.shop.test\tTRUE\t/\tTRUE\t1800000000\ta\t1\n');
    expect(text).toContain('\nshop.test\tFALSE\t/x\tFALSE\t1800000000\tb\t2\n');
    expect(parseNetscape(text)[2]).toMatchObject({ name: 'c', value: '', expiry: 0 });
  });

  it('infers include-subdomains from the leading dot when hostOnly is not given', () => {
    const { text } = formatNetscape(
      [makeCookie({ domain: '.a.test', hostOnly: undefined }), makeCookie({ domain: 'b.test', hostOnly: undefined })],
      context,
    );
    expect(parseNetscape(text).map((l) => l.includeSubdomains)).toEqual([true, false]);
  });

  it('writes the leading dot exactly when subdomains are included, as readers require', () => {
    const { text } = formatNetscape(
      [
        makeCookie({ name: 'a', domain: 'x.test', hostOnly: false }),
        makeCookie({ name: 'b', domain: '.x.test', hostOnly: true }),
        makeCookie({ name: 'c', domain: '..x.test', hostOnly: false }),
      ],
      context,
    );
    expect(parseNetscape(text).map((l) => [l.domain, l.includeSubdomains])).toEqual([
      ['.x.test', true],
      ['x.test', false],
      ['.x.test', true],
    ]);
  });

  it('writes a far-future expiry as a whole number, capped at the year 9999', () => {
    const { text } = formatNetscape(
      [makeCookie({ name: 'far', expirationDate: 1e21 }), makeCookie({ name: 'max', expirationDate: 1e300 })],
      context,
    );
    expect(text).not.toMatch(/e\+/);
    expect(parseNetscape(text).map((l) => l.expiry)).toEqual([253_402_300_799, 253_402_300_799]);
  });

  it('notes the partition of a partitioned cookie in a comment', () => {
    const { text } = formatNetscape(
      [makeCookie({ partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: false } })],
      context,
    );
    expect(text).toContain('# Partitioned: {"topLevelSite":"https://top.test","hasCrossSiteAncestor":false}\n');
    expect(parseNetscape(text)).toHaveLength(1);
  });

  it('skips, and reports, cookies whose text would break the line format', () => {
    const { text, skipped } = formatNetscape(
      [
        makeCookie({ name: 'tab\tname' }),
        makeCookie({ value: 'line\nbreak' }),
        makeCookie({ path: '/\r' }),
        makeCookie({ domain: '#evil.test' }),
        makeCookie({ name: 'kept' }),
      ],
      { ...context, url: 'https://x.test/\nfake\tline' },
    );
    expect(skipped).toEqual([
      { name: 'tab\tname', domain: '.example.test', reason: 'tab-or-line-break' },
      { name: '_acme', domain: '.example.test', reason: 'tab-or-line-break' },
      { name: '_acme', domain: '.example.test', reason: 'tab-or-line-break' },
      { name: '_acme', domain: '#evil.test', reason: 'domain-starts-with-hash' },
    ]);
    expect(parseNetscape(text).map((l) => l.name)).toEqual(['kept']);
  });

  it.each(HOSTILE_TEXT.filter((t) => !/[\t\r\n]/.test(t)).map((t) => [JSON.stringify(t.slice(0, 30)), t]))(
    'round-trips %s as name, value and path',
    (_, t) => {
      const { text, skipped } = formatNetscape([makeCookie({ name: t, value: t, path: t })], context);
      expect(skipped).toEqual([]);
      expect(parseNetscape(text)).toEqual([
        expect.objectContaining({ name: t, value: t, path: t, domain: '.example.test' }),
      ]);
    },
  );

  it('writes every representable cookie exactly and reports every other one (property)', () => {
    fc.assert(
      fc.property(fc.array(labelledCookieArb, { maxLength: 8 }), (cookies) => {
        const { text, skipped } = formatNetscape(cookies, context);
        const lines = parseNetscape(text);
        expect(lines.length + skipped.length).toBe(cookies.length);
        const host = (domain: string) => domain.replace(/^\.+/, '');
        const representable = ({ cookie }: (typeof cookies)[number]) =>
          ![cookie.domain, cookie.path, cookie.name, cookie.value].some((f) => /[\t\r\n]/.test(f ?? '')) &&
          !host(cookie.domain).startsWith('#');
        const written = cookies.filter(representable);
        expect(skipped.map((s) => s.name)).toEqual(cookies.filter((c) => !representable(c)).map((c) => c.cookie.name));
        written.forEach(({ cookie }, i) => {
          expect(lines[i]).toEqual({
            domain: `${cookie.hostOnly ? '' : '.'}${host(cookie.domain)}`,
            httpOnly: cookie.httpOnly,
            includeSubdomains: !cookie.hostOnly,
            path: cookie.path,
            secure: cookie.secure,
            expiry: cookie.session ? 0 : Math.trunc(cookie.expirationDate ?? 0),
            name: cookie.name,
            value: cookie.value,
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
