import type { DeclaredParty } from '../../src/core/types';
import { cleanText } from './text';

/**
 * The database's Domain column is free text: empty for a first-party cookie, `x.com (3rd party)`,
 * `.bing.com (3rd party) or .microsoft.com (3rd party)`, a dangling `google-analytics.com (3rd party) or `,
 * a placeholder label (`ads-[account].adhese.com`), a leading dot, a trailing dot, a zero-width space.
 */

export type DomainFix =
  | 'domain-list-split'
  | 'domain-placeholder-label-dropped'
  | 'domain-trailing-dot-removed'
  | 'domain-invalid-dropped'
  | 'domain-text-cleaned';

export interface ParsedDomains {
  domains: string[];
  party: DeclaredParty;
  fixes: DomainFix[];
  /** Parts that were not a domain name, for the import report. */
  rejected: string[];
}

const THIRD_PARTY_MARK = /\((?:3rd|third)[\s-]*party\)/i;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

/**
 * Empty means first party (the site's own cookie). A part marked "(3rd party)" makes the entry
 * third party. A bare domain without the mark is the vendor's own domain, where the cookie is
 * first party on the vendor's site and third party everywhere else: `either`.
 */
export function parseDomainField(raw: string): ParsedDomains {
  const fixes: DomainFix[] = [];
  const cleaned = cleanText(raw);
  if (cleaned.fixes.length > 0) fixes.push('domain-text-cleaned');
  const text = cleaned.text;
  if (text === '') return { domains: [], party: 'first', fixes, rejected: [] };
  const third = THIRD_PARTY_MARK.test(text);
  const parts = text
    .replace(new RegExp(THIRD_PARTY_MARK.source, 'gi'), ' ')
    .split(/(?:^|\s+)(?:or|and)(?:\s+|$)|\s*[,;]\s*/i)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (/(?:^|\s)(?:or|and)(?:\s|$)|[,;]/i.test(text)) fixes.push('domain-list-split');
  const domains: string[] = [];
  const rejected: string[] = [];
  for (const part of parts) {
    let host = part.toLowerCase();
    if (/\[[^\]]*\]/.test(host)) {
      // `ads-[account].adhese.com`: every label up to the placeholder varies, the rest is fixed.
      host = host.replace(/^.*\[[^\]]*\][^.]*\.?/, '');
      fixes.push('domain-placeholder-label-dropped');
    }
    // A leading dot is how cookie domains are written; our catalog leaves it out. A trailing dot is a typo.
    const trimmed = host.replace(/^\.+/, '').replace(/\.+$/, '');
    if (/\.$/.test(host)) fixes.push('domain-trailing-dot-removed');
    if (!HOST.test(trimmed)) {
      rejected.push(part);
      fixes.push('domain-invalid-dropped');
      continue;
    }
    if (!domains.includes(trimmed)) domains.push(trimmed);
  }
  // A named domain we could not read still says the cookie is not simply the site's own.
  const party: DeclaredParty = third ? 'third' : 'either';
  return { domains: domains.sort(), party, fixes: [...new Set(fixes)], rejected };
}
