import { siteHost } from './domains';
import type { Fallback, FallbackLabel } from './fallback';
import type { Category } from './types';

/**
 * Who operates a cookie's domain, for cookies the catalog does not list. The data comes from
 * third-party-web (see scripts/lib/vite-domain-owners-plugin.ts), one record per entity:
 * `[name, category, domains, company?]`, where `domains` is space-separated, a bare domain stands
 * for itself and its subdomains, and `=host` for that host alone.
 */
export type OwnerRecord = [name: string, category: string, domains: string, company?: string];

export interface DomainOwner {
  /** The entity, e.g. "Google/Doubleclick Ads". */
  name: string;
  /** The company behind it, e.g. "Google" (the name itself when the dataset gives none). */
  company: string;
  /** third-party-web's category: ad, analytics, social, cdn, customer-success, ... */
  category: string;
  /** The domain of the dataset that matched. */
  domain: string;
}

export interface DomainOwners {
  ownerOf(host: string): DomainOwner | null;
  readonly size: number;
}

export function createDomainOwners(records: readonly OwnerRecord[]): DomainOwners {
  // Built on first use: a cold service worker should not pay for it before a cookie needs it.
  let maps: { hostOnly: Map<string, OwnerRecord>; withSubdomains: Map<string, OwnerRecord> } | null = null;
  const build = () => {
    const hostOnly = new Map<string, OwnerRecord>();
    const withSubdomains = new Map<string, OwnerRecord>();
    for (const record of records) {
      for (const d of record[2].split(' ')) {
        if (d === '') continue;
        if (d.startsWith('=')) hostOnly.set(d.slice(1), record);
        else withSubdomains.set(d, record);
      }
    }
    return { hostOnly, withSubdomains };
  };
  return {
    size: records.length,
    ownerOf(host) {
      maps ??= build();
      const h = siteHost(host);
      if (h === '') return null;
      const exact = maps.hostOnly.get(h);
      if (exact) return toOwner(exact, h);
      // The most specific listed domain wins: ads.example.com before example.com.
      for (let d = h; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) {
        const found = maps.withSubdomains.get(d);
        if (found) return toOwner(found, d);
      }
      return null;
    },
  };
}

function toOwner(record: OwnerRecord, domain: string): DomainOwner {
  const [name, category, , company] = record;
  return { name, company: company ?? name, category, domain };
}

interface OwnerCategory {
  /** Words for the explanation. */
  words: string;
  /** Our category for a third-party cookie on this kind of domain, or null when it does not follow. */
  category: Exclude<Category, 'unknown'> | null;
  confidence: number;
}

/**
 * What a cookie on a domain of each kind of entity is for. Only kinds whose cookies serve one
 * purpose get a category:
 * - ad, marketing: ad servers and marketing platforms set cookies on their own domains to
 *   recognise a browser across sites;
 * - analytics: measurement services do so to count visitors;
 * - customer-success (chat and help desks): their cookies keep the conversation and widget state,
 *   which is a convenience, not a requirement of the site;
 * - consent-provider: consent platforms store the visitor's choice, which sites must keep.
 * The rest are mixed: a CDN or host sets load-balancing and bot-protection cookies the site
 * needs, a social network or video site sets both its sign-in cookies and tracking ones, payment
 * and map services (utility) set fraud-prevention and preference cookies. Their cookies stay
 * unknown unless the name says more.
 */
export const OWNER_CATEGORIES: Readonly<Record<string, OwnerCategory>> = {
  ad: { words: 'advertising', category: 'marketing', confidence: 0.75 },
  analytics: { words: 'analytics', category: 'analytics', confidence: 0.7 },
  marketing: { words: 'marketing', category: 'marketing', confidence: 0.6 },
  'customer-success': { words: 'customer support and chat', category: 'functional', confidence: 0.5 },
  'consent-provider': { words: 'consent management', category: 'essential', confidence: 0.6 },
  social: { words: 'social network', category: null, confidence: 0 },
  video: { words: 'video', category: null, confidence: 0 },
  cdn: { words: 'content delivery', category: null, confidence: 0 },
  hosting: { words: 'website hosting', category: null, confidence: 0 },
  utility: { words: 'web services', category: null, confidence: 0 },
  'tag-manager': { words: 'tag management', category: null, confidence: 0 },
  content: { words: 'content and media', category: null, confidence: 0 },
  other: { words: 'other services', category: null, confidence: 0 },
};

const UNLISTED_KIND: OwnerCategory = { words: 'uncategorised', category: null, confidence: 0 };

/**
 * A labeller fallback: the owner of the cookie's domain and, where the kind of owner implies it,
 * a category. A cookie on the site being visited says nothing about its purpose through the
 * owner (google.com runs both search and ads), so it only lends the vendor's name.
 */
export function domainOwnerFallback(owners: DomainOwners): Fallback {
  return (cookie, _context, party) => {
    const owner = owners.ownerOf(cookie.domain);
    if (!owner) return null;
    const kind = OWNER_CATEGORIES[owner.category] ?? UNLISTED_KIND;
    const host = siteHost(cookie.domain);
    const product = owner.company === owner.name ? '' : `, ${owner.name}`;
    const base = `domain ${host} belongs to ${owner.company} (${kind.words}${product})`;
    const label = (category: Category, confidence: number, why: string): FallbackLabel => ({
      category,
      vendor: owner.name,
      purpose: null,
      source: 'domain',
      confidence,
      reason: `${base}${why}`,
    });
    if (party === 'first')
      return label('unknown', 0, ', and it is the site being visited, which says nothing of the purpose');
    if (kind.category === null) return label('unknown', 0, ', which does not tell the purpose');
    return label(kind.category, kind.confidence, '');
  };
}
