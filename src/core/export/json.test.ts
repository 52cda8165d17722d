import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, labelledCookieArb, makeCookie } from '../../../test/support/export-records';
import { formatJson, JSON_EXPORT_FORMAT, type JsonExport } from './json';
import { cookieSize } from './labelled-cookie';

const context = { now: 1_750_000_000, url: 'https://shop.test/cart', site: 'shop.test' };

describe('formatJson', () => {
  it('writes every attribute, the expiry as a date, the size and the whole label', () => {
    const cookie = makeCookie({ partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: false } });
    const parsed = JSON.parse(formatJson([cookie], context)) as JsonExport;
    expect(parsed.format).toBe(JSON_EXPORT_FORMAT);
    expect(parsed.version).toBe(1);
    expect(parsed.exportedAt).toBe('2025-06-15T15:06:40.000Z');
    expect(parsed.page).toEqual({ url: 'https://shop.test/cart', site: 'shop.test' });
    expect(parsed.cookies).toEqual([
      {
        ...cookie.cookie,
        expires: new Date(1_800_000_000_500).toISOString(),
        size: cookieSize(cookie.cookie),
        label: cookie.label,
      },
    ]);
    expect(Object.keys(parsed.cookies[0]).slice(0, 4)).toEqual(['name', 'value', 'domain', 'path']);
  });

  it('keeps attributes it does not know, so nothing is lost', () => {
    const cookie = makeCookie({ priority: 'High' } as Record<string, unknown>);
    const parsed = JSON.parse(formatJson([cookie], context)) as JsonExport;
    expect(parsed.cookies[0].priority).toBe('High');
  });

  it('keeps attributes named like its own fields under `input`, so a Puppeteer cookie loses nothing', () => {
    const cookie = makeCookie({ expires: 1_800_000_000, size: 42, label: 'mine', input: 'x' } as Record<
      string,
      unknown
    >);
    const parsed = JSON.parse(formatJson([cookie], context)) as JsonExport;
    const out = parsed.cookies[0];
    expect(out.expires).toBe(new Date(1_800_000_000_500).toISOString());
    expect(out.size).toBe(cookieSize(cookie.cookie));
    expect(out.label).toEqual(cookie.label);
    expect(out.input).toEqual({ expires: 1_800_000_000, size: 42, label: 'mine', input: 'x' });
  });

  it('adds no `input` when no attribute collides', () => {
    const parsed = JSON.parse(formatJson([makeCookie()], context)) as JsonExport;
    expect(parsed.cookies[0]).not.toHaveProperty('input');
  });

  it('keeps attributes named like members of every object', () => {
    const extra = JSON.parse('{"constructor":"c","toString":"t","valueOf":"v","hasOwnProperty":"h","__proto__":"p"}');
    const parsed = JSON.parse(formatJson([makeCookie(extra)], context)) as JsonExport;
    const out = parsed.cookies[0];
    const keys = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];
    // Read as own properties: `out.__proto__` would give the prototype whatever was written.
    expect(keys.map((key) => Object.getOwnPropertyDescriptor(out, key)?.value)).toEqual(['c', 't', 'v', 'h', 'p']);
  });

  it('gives a session cookie no expiry', () => {
    const parsed = JSON.parse(
      formatJson([makeCookie({ session: true, expirationDate: undefined })], { now: 0 }),
    ) as JsonExport;
    expect(parsed.cookies[0].expires).toBeNull();
    expect(parsed.cookies[0]).not.toHaveProperty('expirationDate');
    expect(parsed.page).toEqual({ url: null, site: null });
  });

  it('counts the size in UTF-8 bytes', () => {
    expect(cookieSize({ name: 'æ', value: '🍪' })).toBe(2 + 4);
  });

  it.each(HOSTILE_TEXT.map((t) => [JSON.stringify(t.slice(0, 30)), t]))('round-trips %s', (_, t) => {
    const parsed = JSON.parse(formatJson([makeCookie({ name: t, value: t }, { purpose: t })], context)) as JsonExport;
    expect(parsed.cookies[0]).toMatchObject({ name: t, value: t, label: { purpose: t } });
  });

  it('round-trips any cookie and label (property)', () => {
    fc.assert(
      fc.property(fc.array(labelledCookieArb, { maxLength: 8 }), (cookies) => {
        const parsed = JSON.parse(formatJson(cookies, context)) as JsonExport;
        expect(parsed.cookies).toHaveLength(cookies.length);
        parsed.cookies.forEach((out, i) => {
          const { expires: _e, size: _s, label, input, ...attributes } = out;
          expect({ ...attributes, ...input }).toEqual(cookies[i].cookie);
          expect(label).toEqual(cookies[i].label);
        });
      }),
      { numRuns: 200 },
    );
  });
});
