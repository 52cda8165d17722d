/** What a cookie's value looks like, for the heuristics and for what deleting it does. */

/** True for values that look like an opaque identifier: long, from a token alphabet, varied. */
export function looksLikeIdentifier(value: string | undefined): boolean {
  if (!value) return false;
  const v = safeDecode(value);
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return true;
  if (v.length < 16 || v.length > 512 || !/^[A-Za-z0-9._~:+/=|-]+$/.test(v)) return false;
  if (/^\d+$/.test(v)) return true;
  return /\d/.test(v) && /[A-Za-z]/.test(v) && new Set(v).size >= 10;
}

/** The value URL-decoded, or as it is when it is not valid percent-encoding. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
