import { MAX_VALUE_LENGTH } from './text';
import type {
  ConsentCategory,
  ConsentCookie,
  ConsentFinding,
  ConsentGroup,
  ConsentPlatform,
  ConsentReader,
  ConsentReading,
  ConsentState,
} from './types';

/** Building blocks shared by the platform readers. */

export function unreadable(reason: string): ConsentReading {
  return { status: 'unreadable', reason };
}

export interface ReadParts {
  answered?: boolean | null;
  decidedAt?: number | null;
  groups?: ConsentGroup[];
  /** Categories decided outside the groups (TCF purposes); groups add theirs through `categoriesOf`. */
  categories?: Partial<Record<ConsentCategory, ConsentState>>;
  details?: Record<string, string | number | boolean>;
  notes?: string[];
  vendors?: { granted: string[]; denied: string[] };
}

export type ReadReading = Extract<ConsentReading, { status: 'read' }>;

export function read(parts: ReadParts): ReadReading {
  const groups = parts.groups ?? [];
  const reading: ReadReading = {
    status: 'read',
    answered: parts.answered ?? null,
    decidedAt: parts.decidedAt ?? null,
    categories: parts.categories ?? categoriesOf(groups),
    groups,
    details: parts.details ?? {},
    notes: parts.notes ?? [],
  };
  if (parts.vendors) reading.vendors = parts.vendors;
  return reading;
}

/**
 * The categories a set of groups decides. A category is granted when any of its groups is: when a
 * person accepted targeting but refused social media, both are marketing, and saying they refused
 * marketing would accuse the site of ignoring a refusal that does not cover what it set. It is
 * denied only when every group of it is.
 */
export function categoriesOf(groups: readonly ConsentGroup[]): Partial<Record<ConsentCategory, ConsentState>> {
  const categories: Partial<Record<ConsentCategory, ConsentState>> = {};
  for (const group of groups) {
    if (group.category === null || group.category === 'essential') continue;
    if (categories[group.category] !== 'granted') categories[group.category] = group.state;
  }
  return categories;
}

/** A note naming the groups whose meaning only the site's configuration knows. */
export function unmappedNote(groups: readonly ConsentGroup[], what = 'groups'): string[] {
  const unmapped = groups.filter((group) => group.category === null).map((group) => group.name);
  if (unmapped.length === 0) return [];
  return [
    `The site named the ${what} ${unmapped.join(', ')}; what they cover is in the site's settings, not in the cookie, so they count for no category.`,
  ];
}

/** A reader for platforms that keep each record in one cookie. */
export function singleCookieReader(
  platform: ConsentPlatform,
  owns: (name: string) => boolean,
  readValue: (value: string) => ConsentReading,
): ConsentReader {
  return {
    platform,
    owns,
    read: (cookies) =>
      cookies.map((cookie) => ({
        cookieNames: [cookie.name],
        domain: cookie.domain,
        reading: cookie.value.length > MAX_VALUE_LENGTH ? tooLong() : readValue(cookie.value),
      })),
  };
}

export function tooLong(): ConsentReading {
  return unreadable(`The value is longer than ${MAX_VALUE_LENGTH} characters, which no browser keeps in a cookie.`);
}

/** Cookies of one site split by host, for platforms that spread a record over several cookies of one host. */
export function byHost(cookies: readonly ConsentCookie[]): ConsentCookie[][] {
  const hosts = new Map<string, ConsentCookie[]>();
  for (const cookie of cookies) {
    const host = hostKey(cookie.domain);
    const list = hosts.get(host);
    if (list) list.push(cookie);
    else hosts.set(host, [cookie]);
  }
  return [...hosts.values()];
}

export function hostKey(domain: string): string {
  return domain.trim().replace(/^\.+/, '').toLowerCase();
}

/** A finding for a record spread over several cookies. */
export function finding(cookies: readonly ConsentCookie[], reading: ConsentReading): ConsentFinding {
  return { cookieNames: cookies.map((cookie) => cookie.name), domain: cookies[0]?.domain ?? '', reading };
}
