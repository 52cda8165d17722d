/**
 * Shared vocabulary of the labelling core. Everything here is plain data so it can cross the
 * message boundary between the service worker and the pages, and be printed by the CLI.
 */

export const CATEGORIES = ['essential', 'functional', 'analytics', 'marketing', 'unknown'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Every category except `essential` is optional in the product. */
export type OptionalCategory = Exclude<Category, 'essential'>;

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
  /** Present when several vendors use this name and nothing decided between them. */
  ambiguous?: Candidate[];
  /** The company whose documentation lists the cookie, when it is not the one that sets it. */
  listedBy?: string;
  /**
   * Other companies whose documentation lists this same cookie of the same vendor. Their words are
   * used instead when one of them is seen on the page, so the label depends on the page.
   */
  alsoListedBy?: string[];
  /** True or false when the vendor says whether the cookie may hold identifiable data. */
  identifiable?: boolean;
  /** True when the vendor gives no category and ours is inferred from the described use. */
  inferred?: boolean;
}
