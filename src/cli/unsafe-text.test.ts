import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJson } from './unsafe-text';

/** Raw characters safeJson must never write, other than the line breaks of its indentation. */
const RAW_UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the output must not hold.
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00a0\u00ad\u061c\u115f\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\u2800\u3164\ufeff]|[\u{e0000}-\u{e007f}]|[\ud800-\udfff]/u;

const hostile = fc.string({
  unit: fc.constantFrom(
    'a',
    '"',
    '\\',
    '\n',
    '\u0085',
    '\u009b',
    '\u202e',
    '\u2067',
    '\u{e0041}',
    '🍪',
    '\ud800',
    '\u3164',
  ),
  maxLength: 30,
});

describe('safeJson', () => {
  it('escapes C1 controls, bidi overrides and tags that JSON.stringify leaves raw', () => {
    const text = safeJson({ name: 'a\u009b31m\u202eb\u{e0041}' });
    expect(text).toBe('{\n  "name": "a\\u009b31m\\u202eb\\udb40\\udc41"\n}');
  });

  it('writes valid JSON that reads back to the same value, with no unsafe character raw (property)', () => {
    const value = fc.oneof(
      fc.array(fc.record({ name: hostile, domain: hostile, n: fc.integer() })),
      fc.dictionary(hostile, hostile),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(value, (v) => {
        const text = safeJson(v);
        expect(text).not.toMatch(RAW_UNSAFE);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 500 },
    );
  });
});
