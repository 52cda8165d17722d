import { loadOwners } from 'virtual:domain-owners';
import { describe, expect, it } from 'vitest';
import { compactOwners } from '../../scripts/lib/vite-domain-owners-plugin';
import type { CatalogEntry } from './catalog-schema';
import { createDomainOwners, domainOwnerFallback, OWNER_CATEGORIES, type OwnerRecord } from './domain-owners';
import { heuristicFallback } from './heuristics';
import { createLabeller } from './label';

const RECORDS: OwnerRecord[] = [
  ['Google/Doubleclick Ads', 'ad', 'doubleclick.net =adservice.google.com', 'Google'],
  ['Google Analytics', 'analytics', 'google-analytics.com', 'Google'],
  ['Ads Sub', 'ad', 'ads.bigco.example'],
  ['BigCo', 'content', 'bigco.example'],
  ['Chatty', 'customer-success', 'chatty.example'],
  ['ConsentCo', 'consent-provider', 'consentco.example'],
  ['Stripe', 'utility', 'stripe.com'],
  ['Oddball', 'brand-new-kind', 'oddball.example'],
];

const shipped = loadOwners();
const owners = createDomainOwners(RECORDS);
const fallback = domainOwnerFallback(owners);

describe('createDomainOwners', () => {
  it('finds the owner of a domain and of its subdomains', () => {
    expect(owners.ownerOf('doubleclick.net')?.company).toBe('Google');
    expect(owners.ownerOf('.stats.g.doubleclick.net')).toMatchObject({
      name: 'Google/Doubleclick Ads',
      category: 'ad',
      domain: 'doubleclick.net',
    });
  });

  it('matches a host-only domain exactly', () => {
    expect(owners.ownerOf('adservice.google.com')?.name).toBe('Google/Doubleclick Ads');
    expect(owners.ownerOf('x.adservice.google.com')).toBeNull();
  });

  it('prefers the most specific listed domain', () => {
    expect(owners.ownerOf('ads.bigco.example')?.name).toBe('Ads Sub');
    expect(owners.ownerOf('x.ads.bigco.example')?.name).toBe('Ads Sub');
    expect(owners.ownerOf('www.bigco.example')?.name).toBe('BigCo');
  });

  it('ignores case and the leading dot, and knows nothing of other domains', () => {
    expect(owners.ownerOf('.DoubleClick.NET')?.company).toBe('Google');
    expect(owners.ownerOf('example.org')).toBeNull();
    expect(owners.ownerOf('')).toBeNull();
    // A suffix of a listed domain is not the listed domain.
    expect(owners.ownerOf('oubleclick.net')).toBeNull();
  });

  it('uses the entity name as the company when the dataset gives none', () => {
    expect(owners.ownerOf('chatty.example')?.company).toBe('Chatty');
  });
});

describe('domainOwnerFallback', () => {
  const cookie = (domain: string) => ({ name: 'zz', domain });

  it('labels a third-party cookie on an ad domain as marketing and says why', () => {
    const label = fallback(cookie('.doubleclick.net'), {}, 'third');
    expect(label).toEqual({
      category: 'marketing',
      vendor: 'Google/Doubleclick Ads',
      purpose: null,
      source: 'domain',
      confidence: 0.75,
      reason: 'domain doubleclick.net belongs to Google (advertising, Google/Doubleclick Ads)',
    });
  });

  it.each([
    ['google-analytics.com', 'analytics'],
    ['chatty.example', 'functional'],
    ['consentco.example', 'essential'],
  ])('derives a category for %s: %s', (domain, category) => {
    expect(fallback(cookie(domain), {}, 'third')?.category).toBe(category);
  });

  it('applies the category when no page is known: ad domains are rarely visited', () => {
    expect(fallback(cookie('doubleclick.net'), {}, 'unknown')?.category).toBe('marketing');
  });

  it('gives no category for mixed kinds, but names the owner', () => {
    const label = fallback(cookie('m.stripe.com'), {}, 'third');
    expect(label).toMatchObject({ category: 'unknown', vendor: 'Stripe', confidence: 0 });
    expect(label?.reason).toBe('domain m.stripe.com belongs to Stripe (web services), which does not tell the purpose');
  });

  it('says nothing of the purpose of a cookie on the site being visited', () => {
    const label = fallback(cookie('doubleclick.net'), {}, 'first');
    expect(label).toMatchObject({ category: 'unknown', vendor: 'Google/Doubleclick Ads' });
    expect(label?.reason).toContain('the site being visited');
  });

  it('treats a kind it does not know as mixed', () => {
    expect(fallback(cookie('oddball.example'), {}, 'third')?.category).toBe('unknown');
  });

  it('returns null for a domain nobody claims', () => {
    expect(fallback(cookie('example.org'), {}, 'third')).toBeNull();
  });
});

describe('owner and heuristics together in the labeller', () => {
  const labeller = createLabeller([], { fallbacks: [fallback, heuristicFallback] });
  const page = { topLevelUrl: 'https://shop.example/' };

  it('lets the heuristics decide the category and keeps the owner as vendor', () => {
    const label = labeller.label({ name: '__stripe_csrf', domain: 'm.stripe.com' }, page);
    expect(label).toMatchObject({ category: 'essential', vendor: 'Stripe', source: 'heuristic' });
    expect(label.reason).toBe(
      'domain m.stripe.com belongs to Stripe (web services), which does not tell the purpose; name contains `csrf`',
    );
  });

  it('keeps the owner and its reason when the heuristics find nothing either', () => {
    const label = labeller.label({ name: 'zz', domain: 'm.stripe.com' }, page);
    expect(label).toMatchObject({ category: 'unknown', vendor: 'Stripe', source: 'domain', party: 'third' });
  });

  it('lets an ad domain decide before the name is read', () => {
    const label = labeller.label({ name: 'session_id', domain: 'doubleclick.net' }, page);
    expect(label).toMatchObject({ category: 'marketing', source: 'domain', entryId: null });
  });
});

describe("a catalog entry for other domains against the owner of the cookie's domain", () => {
  const entry = (name: string, domains: string[]): CatalogEntry => ({
    id: `otherco/${name}`,
    name,
    vendor: 'OtherCo',
    category: 'essential',
    purpose: 'Keeps OtherCo working.',
    lifetime: { kind: 'unknown' },
    party: 'third',
    domains,
    source: 'https://otherco.example/cookies',
    origin: 'open-cookie-database',
  });
  const labeller = createLabeller([entry('uid', ['otherco.example']), entry('anywhere', [])], {
    fallbacks: [fallback, heuristicFallback],
  });
  const page = { topLevelUrl: 'https://shop.example/' };

  it('lets a known ad domain outweigh an entry that names other domains', () => {
    const label = labeller.label({ name: 'uid', domain: '.doubleclick.net' }, page);
    expect(label).toMatchObject({ category: 'marketing', source: 'domain', vendor: 'Google/Doubleclick Ads' });
    expect(label.reason).toBe(
      'domain doubleclick.net belongs to Google (advertising, Google/Doubleclick Ads); the catalog knows the name only from OtherCo on otherco.example',
    );
  });

  it('keeps the entry on its own domains, on unclaimed domains and when it names no domains', () => {
    expect(labeller.label({ name: 'uid', domain: 'otherco.example' }, page).entryId).toBe('otherco/uid');
    expect(labeller.label({ name: 'uid', domain: 'nobody.example' }, page).entryId).toBe('otherco/uid');
    expect(labeller.label({ name: 'anywhere', domain: 'chatty.example' }, page)).toMatchObject({
      entryId: 'otherco/anywhere',
      category: 'essential',
    });
    expect(
      labeller.label({ name: 'anywhere', domain: 'doubleclick.net' }, { topLevelUrl: 'https://doubleclick.net/' }),
    ).toMatchObject({ entryId: 'otherco/anywhere', category: 'essential' });
  });

  it('calls server plumbing on an ad or analytics domain what that domain is, not essential to the site', () => {
    const label = labeller.label({ name: 'anywhere', domain: '.doubleclick.net' }, page);
    expect(label).toMatchObject({
      category: 'marketing',
      source: 'domain',
      vendor: 'Google/Doubleclick Ads',
      purpose: 'Keeps OtherCo working.',
      entryId: 'otherco/anywhere',
      party: 'third',
    });
    expect(label.reason).toBe(
      "domain doubleclick.net belongs to Google (advertising, Google/Doubleclick Ads); the name is OtherCo's server cookie, which on this domain serves Google/Doubleclick Ads, not the site you visit",
    );
    expect(labeller.label({ name: 'anywhere', domain: 'www.google-analytics.com' }, page).category).toBe('analytics');
  });

  it('keeps the entry when the owner gives no category', () => {
    expect(labeller.label({ name: 'uid', domain: 'm.stripe.com' }, page).entryId).toBe('otherco/uid');
  });
});

describe('the shipped third-party-web data', () => {
  const real = createDomainOwners(shipped);

  it('is compact: entity name, category, domains and the company when it differs', () => {
    for (const record of shipped) {
      expect(record[2]).toMatch(/^=?[a-z0-9.-]+( =?[a-z0-9.-]+)*$/);
      expect(record.length === 3 || record.length === 4).toBe(true);
      if (record.length === 4) expect(record[3]).not.toBe(record[0]);
    }
  });

  it('has an explanation for every kind of entity', () => {
    const kinds = new Set(shipped.map((r) => r[1]));
    for (const kind of kinds) expect(Object.keys(OWNER_CATEGORIES)).toContain(kind);
  });

  it('lists every domain once', () => {
    const seen = new Set<string>();
    for (const [, , domains] of shipped) {
      for (const d of domains.split(' ')) {
        expect(seen.has(d), d).toBe(false);
        seen.add(d);
      }
    }
  });

  it.each([
    ['stats.g.doubleclick.net', 'Google', 'ad'],
    ['www.google-analytics.com', 'Google', 'analytics'],
    ['connect.facebook.net', 'Facebook', 'social'],
  ])('knows %s', (host, company, category) => {
    expect(real.ownerOf(host)).toMatchObject({ company, category });
  });
});

describe('compactOwners', () => {
  it('strips `*.`, marks host-only domains, drops a company equal to the name and entities without domains', () => {
    expect(
      compactOwners([
        { name: 'A', company: 'A', category: 'ad', domains: ['*.a.com', 'x.b.com'] },
        { name: 'B Ads', company: 'B', category: 'ad', domains: ['*.B.com'] },
        { name: 'Nowhere', category: 'other', domains: [] },
      ]),
    ).toEqual([
      ['A', 'ad', 'a.com =x.b.com'],
      ['B Ads', 'ad', 'b.com', 'B'],
    ]);
  });
});
