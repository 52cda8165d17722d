/**
 * Names so short or so common that any site may use them for its own cookie (`token`, `c`, `ts`,
 * `uid`). The database lists them for one ad network on that network's domain; labelled by name
 * alone, a site's own `token` would become Adform marketing and be deleted. Marked `generic`, such
 * an entry only speaks for cookies on its listed domains (see src/core/label.ts).
 */

// Lower case; compared with the name in lower case.
const COMMON_WORDS: ReadonlySet<string> = new Set(
  [
    'auth cart consent country csrf currency data debug device_id hash id lang language locale login',
    'optout pid ref referrer sess session session_id sessionid sid state sync test theme token uid uids',
    'user user_id userid uuid visitor_id',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Lower-case names of up to three letters or digits, and common words. Names with a vendor's own
 * prefix or capitals (`_fbp`, `IDE`, `NID`) are distinctive even when short, and stay matched by name:
 * the database's domain for them is often where the vendor lives, not where the cookie is set.
 */
export function isGenericName(name: string): boolean {
  return /^[a-z0-9]{1,3}$/.test(name) || COMMON_WORDS.has(name.toLowerCase());
}
