import * as v from 'valibot';
import { fieldObject } from '../core/schema-object';

/**
 * A site's settings as stored and as a page sends them, defined once: the worker validates with
 * it (src/background/settings.ts, request-schemas.ts) and `SiteSettings` (src/shared/protocol.ts)
 * is derived from it. The pages import only that type, so no validation code ships with them.
 */

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? JSON.stringify(value).slice(0, 60) : typeof value;
}

const VENDORS = 'must be a list of vendor names';
const COOKIES = 'must be a list of { name, domain }';

/** A cookie kept even while its site is kept clean: its name and the domain it is set on. */
export const allowedCookieSchema = fieldObject(
  { name: v.string(COOKIES), domain: v.pipe(v.string(COOKIES), v.minLength(1, COOKIES)) },
  COOKIES,
);

export const siteSettingsSchema = fieldObject(
  {
    /** Remove every non-essential cookie of this site's tabs as soon as it is set. */
    keepClean: v.boolean((issue) => `is ${describe(issue.input)}, not true or false`),
    /** Vendors whose cookies stay even while the site is kept clean (each named once). */
    allowedVendors: v.pipe(
      v.array(v.pipe(v.string(VENDORS), v.minLength(1, VENDORS)), VENDORS),
      v.transform((vendors) => [...new Set(vendors)]),
    ),
    /** Single cookies that stay even while the site is kept clean. */
    allowedCookies: v.array(allowedCookieSchema, COOKIES),
  },
  (issue) => `expected an object, found ${describe(issue.input)}`,
);

/** A site's settings, or a sentence saying what is wrong with them ("keepClean is missing, not true or false"). */
export function parseSiteSettings(value: unknown): v.InferOutput<typeof siteSettingsSchema> | string {
  const result = v.safeParse(siteSettingsSchema, value);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const field = issue.path?.[0]?.key;
  return field === undefined ? issue.message : `${String(field)} ${issue.message}`;
}
