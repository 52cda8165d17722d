/**
 * Shared vocabulary of the labelling core. Everything here is plain data so it can cross the
 * message boundary between the service worker and the pages, and be printed by the CLI.
 */

export const CATEGORIES = ['essential', 'functional', 'analytics', 'marketing', 'unknown'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Every category except `essential` is optional in the product. */
export type OptionalCategory = Exclude<Category, 'essential'>;

/**
 * What deleting a cookie does to the person, which matters more than its category: a marketing
 * cookie can hold a sign-in, and an essential one can be harmless to lose. The first four are the
 * consequences nobody should meet by surprise (see `deletion-policy.ts`).
 */
export const IF_DELETED = [
  'signs-out',
  'security-check',
  'empties-cart',
  'asks-consent',
  'forgets-preference',
  'resets-widget',
  'nothing',
  'unknown',
] as const;
export type IfDeleted = (typeof IF_DELETED)[number];

export const PARTIES = ['first', 'third', 'either'] as const;
/** Where a catalog entry says the cookie is set. */
export type DeclaredParty = (typeof PARTIES)[number];
/** Where a concrete cookie sits relative to the tab's top-level site. */
export type Party = 'first' | 'third' | 'unknown';

/**
 * The shape of `chrome.cookies.Cookie`, with everything but `name` and `domain` optional so that
 * the CLI can label hand-written cookie files.
 */
export interface CookieLike {
  name: string;
  domain: string;
  value?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: 'no_restriction' | 'lax' | 'strict' | 'unspecified' | string;
  hostOnly?: boolean;
  session?: boolean;
  expirationDate?: number;
  storeId?: string;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
}

export interface LabelContext {
  /** URL of the tab's top-level page; decides first or third party. */
  topLevelUrl?: string;
  /** Vendors already seen on the tab; used to settle a name shared by several vendors. */
  vendorsOnPage?: readonly string[];
  /** Seconds since the epoch; only used to describe remaining lifetimes. Defaults to now. */
  now?: number;
}

/** How long a cookie lives: as the vendor declares it, or as the cookie itself says. */
export type Lifetime =
  | { kind: 'session' }
  | { kind: 'duration'; seconds: number }
  /** The vendor gives no fixed duration (for example "configurable by the administrator"). */
  | { kind: 'variable'; note: string }
  | { kind: 'unknown' };

/** How a label was found, strongest first. */
export const LABEL_SOURCES = ['exact', 'exact-nocase', 'pattern', 'domain', 'heuristic', 'none'] as const;
export type LabelSource = (typeof LABEL_SOURCES)[number];

export interface Candidate {
  entryId: string;
  vendor: string;
  category: Category;
}

export interface Label {
  category: Category;
  vendor: string | null;
  purpose: string | null;
  lifetime: Lifetime;
  party: Party;
  source: LabelSource;
  /** 0 to 1: how sure we are of the category. */
  confidence: number;
  /** Id of the catalog entry that decided the label, when one did. */
  entryId: string | null;
  /** One sentence a person understands: why this label. */
  reason: string;
  /** What deleting the cookie does (signs you out, asks for consent again, nothing you would notice ...). */
  ifDeleted: IfDeleted;
  /** Why we think so: the vendor's documentation, or the rule that gave it. */
  ifDeletedReason: string;
  /** Present when several vendors use this name and nothing decided between them. */
  ambiguous?: Candidate[];
  /** The company whose documentation lists the cookie, when it is not the one that sets it. */
  listedBy?: string;
  /**
   * Other companies whose documentation lists this same cookie of the same vendor. Their words are
   * used instead when one of them is seen on the page, so the label depends on the page.
   */
  alsoListedBy?: string[];
  /**
   * A sign-in cookie that also recognises the person wherever its platform is embedded: its
   * category on its own site and on other sites' tabs. `category` is the one for the label's party.
   */
  embedded?: { home: Category; elsewhere: Category };
  /** On another site's tab, what the cookie also does there ("Facebook also recognises you on this site through it"). */
  alsoTracks?: string;
  /** True or false when the vendor says whether the cookie may hold identifiable data. */
  identifiable?: boolean;
  /** True when the vendor gives no category and ours is inferred from the described use. */
  inferred?: boolean;
}
