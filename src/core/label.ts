import type { LabellingEntry } from './catalog-schema';
import { partyOf, siteHost } from './domains';
import type { Fallback, FallbackLabel } from './fallback';
import { combine, entryConsequence, fallbackConsequence } from './if-deleted';
import { cookieLifetime } from './lifetime';
import { compileMatcher, type Match, type Matcher } from './matcher';
import type { Candidate, CookieLike, Label, LabelContext, Party } from './types';

/**
 * Turns catalog matches into one label. Precedence, strongest first (data/README.md explains it to
 * catalog editors):
 *  1. domain: an entry whose domains include the cookie's domain beats one that lists no domains,
 *     which beats one whose domains are elsewhere;
 *  2. kind: an exact name beats a case-insensitive name, which beats a pattern;
 *  3. specificity: the pattern with more literal characters wins;
 *  4. origin: our vendor-documented entries beat those imported from the Open Cookie Database.
 * Entries still tied after that and naming different vendors are settled by the vendors seen on
 * the page; otherwise the label is ambiguous and lists them.
 */

export type { Fallback, FallbackLabel } from './fallback';

export interface Labeller {
  label(cookie: CookieLike, context?: LabelContext): Label;
  readonly matcher: Matcher;
  /** Compiles now what would otherwise be compiled on the first label (see `lazyLabeller`). */
  warm?(): void;
}

/**
 * A labeller compiled on first use, or when `warm` is called. Compiling the catalog takes a
 * waking worker 15 to 30 ms; done while its first reads of the browser are under way, that time
 * is hidden behind them, and the worker's listeners are registered sooner.
 */
export function lazyLabeller(compile: () => Labeller): Labeller {
  let compiled: Labeller | null = null;
  const get = () => {
    compiled ??= compile();
    return compiled;
  };
  return {
    label: (cookie, context) => get().label(cookie, context),
    get matcher() {
      return get().matcher;
    },
    warm: () => void get(),
  };
}

/**
 * Whether any catalog entry fits the cookie's name. When none does, `label` gives what the
 * fallbacks say, which weighs the page the cookie is seen on, so a label made without the page is
 * of no use for showing it on one (tab-labels.ts skips making it).
 */
export function catalogMayDecide(labeller: Labeller, cookie: CookieLike): boolean {
  return candidatesOf(labeller.matcher, nameOf(cookie), domainOf(cookie)).length > 0;
}

// A cookie from a file or a hostile page may hold anything in its name and domain.
function nameOf(cookie: CookieLike): string {
  return typeof cookie.name === 'string' ? cookie.name : String(cookie.name ?? '');
}

function domainOf(cookie: CookieLike): string {
  return typeof cookie.domain === 'string' ? cookie.domain : '';
}

/** The catalog entries `label` weighs for a cookie: by its name, on its domain's host. */
function candidatesOf(matcher: Matcher, name: string, domain: string): Match[] {
  return matcher.candidates(name, siteHost(domain));
}

export interface LabellerOptions {
  /**
   * Tried in order when the catalog has no entry for the cookie. The first to give a category
   * decides; one that answers `unknown` (a domain owner whose kind says nothing of the purpose)
   * still lends its vendor and its reason to the label.
   */
  fallbacks?: readonly Fallback[];
}

const ORIGIN_WORDS: Record<LabellingEntry['origin'], string> = {
  'vendor-documentation': 'vendor documentation',
  'open-cookie-database': 'Open Cookie Database',
};

export function createLabeller(entries: readonly LabellingEntry[], options: LabellerOptions = {}): Labeller {
  const matcher = compileMatcher(entries);
  const fallbacks = options.fallbacks ?? [];
  return {
    matcher,
    label(cookie, context = {}) {
      const name = nameOf(cookie);
      const domain = domainOf(cookie);
      const now = context.now ?? Date.now() / 1000;
      const party = partyOf(domain, context.topLevelUrl);
      const observed = cookieLifetime(cookie, now);
      const usable = usableMatches(candidatesOf(matcher, name, domain));
      if (usable.length > 0) {
        const listed = fromMatches(usable, context, party, observed);
        const owned = () => consultFallbacks(fallbacks, { ...cookie, name, domain }, context, party);
        if (isTrackerInfrastructure(listed, usable, party)) {
          const tracker = trackerOwner(owned());
          if (tracker) {
            return {
              ...tracker,
              ...fallbackConsequence(tracker.category, listed.purpose, cookie, party),
              purpose: listed.purpose,
              reason: `${tracker.reason}; the name is ${listed.vendor}'s server cookie, which on this domain serves ${tracker.vendor ?? 'that service'}, not the site you visit`,
              lifetime: listed.lifetime,
              party,
              entryId: listed.entryId,
            };
          }
        }
        const owner = usable.every((m) => m.domainMatch === false) ? strongerOwner(listed, owned()) : null;
        if (!owner) return listed;
        const elsewhere = usable[0].entry;
        return {
          ...owner,
          ...fallbackConsequence(owner.category, owner.purpose, { ...cookie, name }, party),
          reason: `${owner.reason}; the catalog knows the name only from ${elsewhere.vendor} on ${elsewhere.domains.join(' or ')}`,
          lifetime: observed,
          party,
          entryId: null,
        };
      }
      // Most cookies already have a string name and domain: copying them would cost every label.
      const plain = cookie.name === name && cookie.domain === domain ? cookie : { ...cookie, name, domain };
      const found = consultFallbacks(fallbacks, plain, context, party);
      if (found) {
        const consequence = fallbackConsequence(found.category, found.purpose, plain, party);
        return { ...found, ...consequence, lifetime: observed, party, entryId: null };
      }
      // Properties in one fixed order, none spread in first: this literal is built for every
      // cookie the catalog does not know, and a spread at its head makes it many times slower.
      const consequence = fallbackConsequence('unknown', null, plain, party);
      return {
        category: 'unknown',
        vendor: null,
        purpose: null,
        lifetime: observed,
        party,
        source: 'none',
        confidence: 0,
        entryId: null,
        reason: 'not in the catalog, and nothing about the cookie is conclusive',
        ifDeleted: consequence.ifDeleted,
        ifDeletedReason: consequence.ifDeletedReason,
      };
    },
  };
}

function consultFallbacks(
  fallbacks: readonly Fallback[],
  cookie: CookieLike,
  context: LabelContext,
  party: Party,
): FallbackLabel | null {
  const lenders: FallbackLabel[] = [];
  for (const fallback of fallbacks) {
    const found = fallback(cookie, context, party);
    if (!found) continue;
    if (found.category !== 'unknown') return lenders.length === 0 ? found : merge(found, [...lenders, found]);
    lenders.push(found);
  }
  return lenders.length === 0 ? null : merge(lenders[0], lenders);
}

/**
 * A catalog entry that lists other domains than the cookie's is weak evidence (a short name such
 * as `uid` is used by many ad servers); the known owner of the cookie's own domain, when its kind
 * gives a category more surely, is stronger.
 */
function strongerOwner(listed: Label, found: FallbackLabel | null): FallbackLabel | null {
  if (found?.source !== 'domain' || found.category === 'unknown') return null;
  return found.confidence > listed.confidence ? found : null;
}

/**
 * Server plumbing with a name any site may use (a Java session, a load balancer's stickiness) is
 * essential to whoever runs the server: on a third-party domain, that is not the site being
 * visited. Only entries that name no domains qualify: a vendor's own listed domain stays decisive,
 * and an entry listed for other domains is weighed against the owner by `strongerOwner`.
 */
function isTrackerInfrastructure(listed: Label, usable: readonly Match[], party: Party): boolean {
  return (
    party === 'third' &&
    listed.category === 'essential' &&
    listed.entryId !== null &&
    usable.every((m) => m.domainMatch === null)
  );
}

/** The owner of the cookie's domain, when it is an analytics or advertising business. */
function trackerOwner(found: FallbackLabel | null): FallbackLabel | null {
  if (found?.source !== 'domain') return null;
  return found.category === 'analytics' || found.category === 'marketing' ? found : null;
}

/** `decider`'s label with the first vendor named and every reason, in the order they were found. */
function merge(decider: FallbackLabel, all: readonly FallbackLabel[]): FallbackLabel {
  const vendor = all.find((l) => l.vendor !== null)?.vendor ?? null;
  return { ...decider, vendor, reason: all.map((l) => l.reason).join('; ') };
}

/** A generic name (`token`, `session_id`) only belongs to its vendor on the vendor's domains. */
function usableMatches(matches: Match[]): Match[] {
  let foreignGeneric = false;
  for (const m of matches) if (m.entry.generic && m.domainMatch !== true) foreignGeneric = true;
  return foreignGeneric ? matches.filter((m) => !(m.entry.generic && m.domainMatch !== true)) : matches;
}

/** The matches that share the best rank: most cookies have exactly one candidate. */
function bestMatches(matches: Match[]): Match[] {
  if (matches.length === 1) return matches;
  const ranked = matches.map((m) => ({ m, r: rank(m) })).sort((a, b) => compareRanks(a.r, b.r));
  return ranked.filter((x) => compareRanks(x.r, ranked[0].r) === 0).map((x) => x.m);
}

function rank(m: Match): number[] {
  return [
    m.domainMatch === true ? 2 : m.domainMatch === null ? 1 : 0,
    m.kind === 'exact' ? 2 : m.kind === 'exact-nocase' ? 1 : 0,
    m.literalLength,
    m.entry.origin === 'vendor-documentation' ? 1 : 0,
  ];
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}

function fromMatches(matches: Match[], context: LabelContext, party: Party, observed: Label['lifetime']): Label {
  let top = bestMatches(matches);
  let decidedByPage = false;
  if (top.length > 1 && distinctVendors(top).length > 1 && context.vendorsOnPage?.length) {
    const seen = new Set(context.vendorsOnPage);
    const onPage = top.filter((m) => seen.has(m.entry.vendor) || (m.entry.listedBy && seen.has(m.entry.listedBy)));
    if (onPage.length > 0 && distinctVendors(onPage).length === 1) {
      top = onPage;
      decidedByPage = true;
    }
  }
  if (top.length > 1 && distinctVendors(top).length > 1) return ambiguous(top, party, observed);
  const best = top.length === 1 ? top[0] : preferredListing(top, context);
  // Labelling runs on every cookie event; nearly always one entry matches and there is nothing to list.
  const otherListings = top.length > 1 ? otherListingsOf(top, best) : [];

  const { entry } = best;
  let confidence = baseConfidence(best);
  if (entry.inferred) confidence *= 0.9;
  if (decidedByPage) confidence *= 0.9;
  const label: Label = {
    category: entry.category,
    vendor: entry.vendor,
    purpose: entry.purpose,
    lifetime: entry.lifetime.kind === 'unknown' ? observed : entry.lifetime,
    party,
    source: best.kind,
    confidence: round(confidence),
    entryId: entry.id,
    reason: explainMatch(best, decidedByPage),
    ...(entry.listedBy ? { listedBy: entry.listedBy } : {}),
    ...(otherListings.length > 0 ? { alsoListedBy: otherListings } : {}),
    ...(entry.identifiable !== undefined ? { identifiable: entry.identifiable } : {}),
    ...(entry.inferred ? { inferred: true } : {}),
    ...entryConsequence(entry),
    ...(entry.embeddedCategory ? { embedded: { home: entry.category, elsewhere: entry.embeddedCategory } } : {}),
  };
  return entry.embeddedCategory ? atParty(label, party) : label;
}

/**
 * The label of a sign-in cookie that also tracks, for the tab it is seen on: on its own site it is
 * what it is there (essential); on another site's tab, it is how its platform recognises the person
 * there. What deleting it does is the same on every tab. Labels without `embedded` are unchanged.
 */
export function atParty(label: Label, party: Party): Label {
  if (!label.embedded) return label.party === party ? label : { ...label, party };
  const { alsoTracks: _previous, ...rest } = label;
  if (party !== 'third') return { ...rest, party, category: label.embedded.home };
  const who = label.vendor ?? 'its platform';
  return {
    ...rest,
    party,
    category: label.embedded.elsewhere,
    alsoTracks: `${who} also recognises you on this site through it (${label.embedded.elsewhere})`,
  };
}

/** The companies besides `best`'s that list the same cookie, for `alsoListedBy`. */
function otherListingsOf(top: Match[], best: Match): string[] {
  const names = new Set<string>();
  for (const m of top) if (m !== best && m.entry.listedBy) names.add(m.entry.listedBy);
  return [...names].sort();
}

/**
 * One vendor's cookie described in several places (Google's own page for `_ga`, and Creatio's list
 * of the cookies its product sets): the description by a company on this page fits best, else the
 * vendor's own.
 */
function preferredListing(top: Match[], context: LabelContext): Match {
  const onPage = context.vendorsOnPage;
  if (onPage?.length) {
    const listedHere = top.find((m) => m.entry.listedBy !== undefined && onPage.includes(m.entry.listedBy));
    if (listedHere) return listedHere;
  }
  return top.find((m) => m.entry.listedBy === undefined) ?? top[0];
}

function ambiguous(top: Match[], party: Party, observed: Label['lifetime']): Label {
  const candidates: Candidate[] = top.map((m) => ({
    entryId: m.entry.id,
    vendor: m.entry.vendor,
    category: m.entry.category,
  }));
  const categories = [...new Set(candidates.map((c) => c.category))];
  const vendors = distinctVendors(top);
  // Vendors that agree on the category still tell us what the cookie is for; vendors that
  // disagree do not, and `unknown` is never deleted without the user's say-so.
  const agreed = categories.length === 1 ? categories[0] : null;
  return {
    ...combine(top.map((m) => entryConsequence(m.entry))),
    category: agreed ?? 'unknown',
    vendor: null,
    purpose: agreed ? top[0].entry.purpose : null,
    lifetime: observed,
    party,
    source: top[0].kind,
    confidence: agreed ? 0.7 : 0.3,
    entryId: null,
    ambiguous: candidates,
    reason: `the name "${top[0].entry.name ?? top[0].entry.pattern}" is used by ${vendors.join(', ')}${
      agreed ? `, all as ${agreed}` : ` with different categories (${categories.join(', ')})`
    }, and nothing on the cookie or the page tells which`,
  };
}

function baseConfidence(m: Match): number {
  const kind =
    m.kind === 'exact' ? 0.95 : m.kind === 'exact-nocase' ? 0.75 : 0.7 + 0.25 * Math.min(1, m.literalLength / 8);
  const domain = m.domainMatch === true ? 1.03 : m.domainMatch === null ? 1 : 0.65;
  const origin = m.entry.origin === 'vendor-documentation' ? 1 : 0.97;
  return Math.min(1, kind * domain * origin);
}

function explainMatch(m: Match, decidedByPage: boolean): string {
  const { entry } = m;
  const from = `${entry.vendor}, ${ORIGIN_WORDS[entry.origin]}`;
  let text =
    m.kind === 'pattern'
      ? `pattern \`${entry.pattern}\` in the catalog (${from})`
      : m.kind === 'exact'
        ? `exact name in the catalog (${from})`
        : `name in the catalog apart from letter case (${from})`;
  if (m.domainMatch === true) text += `, set on its domain ${entry.domains.join(' or ')}`;
  if (m.domainMatch === false) text += `, although ${entry.vendor} sets it on ${entry.domains.join(' or ')}`;
  if (entry.listedBy) text += `; listed by ${entry.listedBy}`;
  if (entry.inferred) text += '; category inferred from the described use';
  if (decidedByPage) text += `; ${entry.vendor} was chosen because it is present on this page`;
  return text;
}

function distinctVendors(matches: Match[]): string[] {
  return [...new Set(matches.map((m) => m.entry.vendor))];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
