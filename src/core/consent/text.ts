/**
 * Strict decoders for the encodings consent platforms put in cookies. Each returns null on input
 * it cannot decode exactly, so that a damaged record is reported as unreadable, never half-read.
 * Plain ECMAScript only (no atob, TextDecoder or Buffer), so the core runs anywhere unchanged.
 */

/** Longer values are not consent records a browser would keep (cookies hold about 4 KiB). */
export const MAX_VALUE_LENGTH = 64 * 1024;

/** `decodeURIComponent` without the exception on a stray `%`. */
export function decodePercent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** A value of an `application/x-www-form-urlencoded` string, where `+` is a space. */
export function decodeFormValue(text: string): string | null {
  return decodePercent(text.replace(/\+/g, ' '));
}

const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT_VALUE = new Map<string, number>();
for (let i = 0; i < BASE64_DIGITS.length; i++) DIGIT_VALUE.set(BASE64_DIGITS[i], i);
// The URL-safe alphabet swaps two digits; platforms use either, so both decode.
DIGIT_VALUE.set('-', 62);
DIGIT_VALUE.set('_', 63);

/**
 * Base64 (standard or URL-safe, padded or not) holding UTF-8 text. Null when a character is
 * outside both alphabets, the length cannot come from whole bytes, the padding is wrong, or the
 * bytes are not UTF-8.
 */
export function decodeBase64Text(text: string): string | null {
  let body = text;
  const padding = /=*$/.exec(body)?.[0].length ?? 0;
  if (padding > 2) return null;
  body = body.slice(0, body.length - padding);
  if (padding > 0 && (body.length + padding) % 4 !== 0) return null;
  if (body.length === 0 || body.length % 4 === 1) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of body) {
    const value = DIGIT_VALUE.get(char);
    if (value === undefined) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  // Leftover bits must be zero, or the text was cut or altered.
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return utf8(bytes);
}

/** UTF-8 bytes as text, through the URI decoder, which rejects every malformed sequence. */
function utf8(bytes: readonly number[]): string | null {
  let escaped = '';
  for (const byte of bytes) escaped += `%${byte.toString(16).padStart(2, '0')}`;
  return decodePercent(escaped);
}

export type JsonObject = { readonly [key: string]: unknown };

/** A JSON object (not an array, string or number); null for anything else. */
export function parseJsonObject(text: string): JsonObject | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  return isObject(parsed) ? parsed : null;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, so that `__proto__` or `constructor` in hostile JSON is just a missing key. */
export function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with its offset, in seconds since the epoch. */
export function isoSeconds(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_UTC.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

/** Milliseconds since the epoch, as platforms write them, in seconds; null unless plausible. */
export function millisecondsToSeconds(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  // Before 2001 or after 2286 is not a consent answer; more likely seconds or garbage.
  if (value < 1e12 || value >= 1e13) return null;
  return Math.floor(value / 1000);
}
