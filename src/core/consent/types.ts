/**
 * What a site's consent platform wrote down about the person's answer, read back from its cookies.
 * Plain data, so that it can cross the message boundary and be printed by the CLI.
 */

/** The optional categories of `../types.ts` a consent record can speak for. */
export const CONSENT_CATEGORIES = ['functional', 'analytics', 'marketing'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

export type ConsentState = 'granted' | 'denied';

/** The part of a browser cookie the readers look at. */
export interface ConsentCookie {
  name: string;
  value: string;
  domain: string;
}

export const CONSENT_PLATFORMS = [
  'IAB TCF v2',
  'OneTrust',
  'Cookiebot',
  'Didomi',
  'Usercentrics',
  'CookieYes',
  'CookieLawInfo',
  'Complianz',
  'Borlabs Cookie',
  'Klaro',
  'Osano',
  'Shopify',
] as const;
export type ConsentPlatform = (typeof CONSENT_PLATFORMS)[number];

/**
 * One group, purpose or service of the platform, under the platform's own name, so that a person
 * can check our reading against the banner they saw.
 */
export interface ConsentGroup {
  name: string;
  state: ConsentState;
  /**
   * The category the group speaks for; `essential` for the always-on group; null when the record
   * does not say what the group covers (the site named it).
   */
  category: ConsentCategory | 'essential' | null;
}

/** What an IAB TCF v2 string says, beyond the categories. */
export interface TcfDetails {
  cmpId: number;
  cmpVersion: number;
  vendorListVersion: number;
  policyVersion: number;
  consentLanguage: string;
  publisherCountryCode: string;
  isServiceSpecific: boolean;
  /** The publisher's country does not require consent for storage (purpose 1). */
  purposeOneTreatment: boolean;
  purposesConsented: number[];
  purposesLegitimateInterest: number[];
  specialFeatureOptIns: number[];
  vendorsConsented: number[];
  vendorsLegitimateInterest: number[];
}

interface ConsentRecordBase {
  platform: ConsentPlatform;
  /** The cookies the record was read from (some platforms spread it over several). */
  cookieNames: string[];
  /** The cookies' host, without the leading dot of a domain cookie. */
  domain: string;
  /** The registrable domain of `domain`: records of one site are read together. */
  site: string;
}

export interface ReadConsentRecord extends ConsentRecordBase {
  status: 'read';
  /**
   * True when the record shows that the person answered the banner, false when it shows they did
   * not (its states are the site's defaults or were implied), null when it does not say.
   */
  answered: boolean | null;
  /** Seconds since the epoch when the record says when the person answered. */
  decidedAt: number | null;
  /** The categories the record decides; a category it does not mention is absent. */
  categories: Partial<Record<ConsentCategory, ConsentState>>;
  groups: ConsentGroup[];
  /** Vendors named in the record (Didomi's own vendor list); TCF vendors are in `tcf`. */
  vendors?: { granted: string[]; denied: string[] };
  /** Other facts the record states (version, region, interaction count), under our names. */
  details: Record<string, string | number | boolean>;
  /** What could not be read or means less than it seems, in plain words. */
  notes: string[];
  tcf?: TcfDetails;
}

export interface UnreadableConsentRecord extends ConsentRecordBase {
  status: 'unreadable';
  /** Why, in plain words; nothing is guessed from a record that cannot be read. */
  reason: string;
}

export type ConsentRecord = ReadConsentRecord | UnreadableConsentRecord;

/** A record as one platform reader produces it, before the reader of all platforms adds where it came from. */
export type ConsentReading =
  | Omit<ReadConsentRecord, keyof ConsentRecordBase>
  | Omit<UnreadableConsentRecord, keyof ConsentRecordBase>;

/** A reading and the cookies it was read from. */
export interface ConsentFinding {
  cookieNames: string[];
  /** The host of the cookies, as given (leading dot and all); the caller normalises it. */
  domain: string;
  reading: ConsentReading;
}

/**
 * One platform's reader. `owns` picks the platform's cookies by name; `read` gets all of them from
 * one site and returns one finding per record (most platforms keep one cookie per record, some
 * spread a record over several cookies on one host).
 */
export interface ConsentReader {
  platform: ConsentPlatform;
  owns(name: string): boolean;
  read(cookies: readonly ConsentCookie[]): ConsentFinding[];
}
