import { cleanText } from './text';

/**
 * The Platform column becomes the vendor. The same company is sometimes spelled two ways
 * (`Hubspot`/`HubSpot`, `betweendigital.com`/`BetweenDigital`); left alone, it would become two
 * vendors and every cookie they share would look like a collision.
 */

/** Spellings merged into one vendor, each with the name we keep. */
export const VENDOR_ALIASES: Readonly<Record<string, string>> = {
  CloudFlare: 'Cloudflare',
  comScore: 'Comscore',
  ComScore: 'Comscore',
  Hubspot: 'HubSpot',
  Livechat: 'LiveChat',
  Mediamath: 'MediaMath',
  Wordpress: 'WordPress',
  'betweendigital.com': 'BetweenDigital',
  'PowerLinks Media Limited': 'PowerLinks',
  'Tawk.to Chat': 'Tawk.to',
  // `NEXT_LOCALE` is the locale cookie of Next.js's internationalised routing.
  Next: 'Next.js',
};

/** The vendor for rows whose Platform is empty. */
export const UNATTRIBUTED = 'Unattributed';

export type VendorFix = 'vendor-alias-merged' | 'vendor-empty' | 'vendor-text-cleaned';

export function vendorName(platform: string): { vendor: string; fixes: VendorFix[] } {
  const cleaned = cleanText(platform);
  const fixes: VendorFix[] = cleaned.fixes.length > 0 ? ['vendor-text-cleaned'] : [];
  if (cleaned.text === '') return { vendor: UNATTRIBUTED, fixes: [...fixes, 'vendor-empty'] };
  const alias = VENDOR_ALIASES[cleaned.text];
  if (alias) return { vendor: alias, fixes: [...fixes, 'vendor-alias-merged'] };
  return { vendor: cleaned.text, fixes };
}

/**
 * Folds vendors whose names differ only in letter case (a new upstream spelling not yet in the
 * alias table): the spelling with most rows wins, then the first in code-point order.
 */
export function caseInsensitiveVendors(vendors: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const v of vendors) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = new Map<string, string>();
  for (const [v, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const key = v.toLowerCase();
    const current = best.get(key);
    if (current === undefined || n > (counts.get(current) ?? 0)) best.set(key, v);
  }
  return new Map([...counts.keys()].map((v) => [v, best.get(v.toLowerCase()) as string]));
}

/** `Google reCAPTCHA` -> `google-recaptcha`, `Joomla!` -> `joomla`, `Wix.com` -> `wix-com`. */
export function vendorSlug(vendor: string): string {
  const slug = vendor
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'vendor' : slug;
}
