import type { CookieLike, Label } from '../types';
import { cookieSize, type ExportContext, expiresIso, type LabelledCookie } from './labelled-cookie';

export const JSON_EXPORT_FORMAT = 'cookie-inspector/cookies';
export const JSON_EXPORT_VERSION = 1;

/** The attributes in the order the browser's DevTools shows them; anything else follows. */
const ATTRIBUTE_ORDER: ReadonlyArray<keyof CookieLike> = [
  'name',
  'value',
  'domain',
  'path',
  'hostOnly',
  'session',
  'expirationDate',
  'secure',
  'httpOnly',
  'sameSite',
  'partitionKey',
  'storeId',
];

export interface JsonExportCookie extends Record<string, unknown> {
  name: string;
  domain: string;
  /** ISO 8601 expiry, null for session cookies: `expirationDate` is kept as well. */
  expires: string | null;
  size: number;
  label: Label;
  /**
   * The cookie's own attributes whose names the export uses for its derived fields (a Puppeteer or
   * Playwright cookie has its own `expires` and `size`), kept here so nothing is lost.
   */
  input?: Record<string, unknown>;
}

/** Fields the export adds to each cookie; `input` is among them so it can never be a cookie's own. */
const DERIVED_FIELDS = new Set(['expires', 'size', 'label', 'input']);

export interface JsonExport {
  format: typeof JSON_EXPORT_FORMAT;
  version: typeof JSON_EXPORT_VERSION;
  exportedAt: string;
  page: { url: string | null; site: string | null };
  cookies: JsonExportCookie[];
}

/**
 * Every attribute of every cookie, exactly as given (unknown attributes included, so nothing is
 * lost), plus its label. `JSON.stringify` escapes whatever the strings hold.
 */
export function toJsonExport(cookies: readonly LabelledCookie[], context: ExportContext): JsonExport {
  return {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    exportedAt: new Date(context.now * 1000).toISOString(),
    page: { url: context.url ?? null, site: context.site ?? null },
    cookies: cookies.map(({ cookie, label }) => {
      // No prototype: attributes named `constructor` or `__proto__` are data here, not inherited members.
      const out: Record<string, unknown> = Object.create(null);
      const input: Record<string, unknown> = Object.create(null);
      for (const key of ATTRIBUTE_ORDER) if (cookie[key] !== undefined) out[key] = cookie[key];
      for (const [key, value] of Object.entries(cookie)) {
        if (value === undefined || Object.hasOwn(out, key)) continue;
        if (DERIVED_FIELDS.has(key)) input[key] = value;
        else out[key] = value;
      }
      const derived = { expires: expiresIso(cookie), size: cookieSize(cookie), label };
      const collided = Object.keys(input).length > 0 ? { input: { ...input } } : {};
      return { ...out, ...derived, ...collided } as JsonExportCookie;
    }),
  };
}

export function formatJson(cookies: readonly LabelledCookie[], context: ExportContext): string {
  return `${JSON.stringify(toJsonExport(cookies, context), null, 2)}\n`;
}
