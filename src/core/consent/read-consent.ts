import { registrableDomain } from '../domains';
import { borlabsReader } from './borlabs';
import { complianzReader } from './complianz';
import { cookiebotReader } from './cookiebot';
import { cookieLawInfoReader } from './cookielawinfo';
import { cookieYesReader } from './cookieyes';
import { didomiReader } from './didomi';
import { klaroReader } from './klaro';
import { oneTrustReader } from './onetrust';
import { osanoReader } from './osano';
import { hostKey } from './reading';
import { shopifyReader } from './shopify';
import { tcfReader } from './tcf';
import type { ConsentCookie, ConsentReader, ConsentRecord } from './types';
import { usercentricsReader } from './usercentrics';

/**
 * Every platform whose record can be read from cookies. Not here, because their records are not
 * in cookies: Termly (its support pages say it keeps consent outside cookies), Google Consent
 * Mode (its state lives in the page's dataLayer; a CMP's own record is what shows the answer),
 * and Usercentrics' current script, which keeps the choices in localStorage.
 */
export const CONSENT_READERS: readonly ConsentReader[] = [
  tcfReader,
  oneTrustReader,
  cookiebotReader,
  didomiReader,
  usercentricsReader,
  cookieYesReader,
  cookieLawInfoReader,
  complianzReader,
  borlabsReader,
  klaroReader,
  osanoReader,
  shopifyReader,
];

/**
 * Reads the consent records consent platforms keep in these cookies: one record per platform's
 * record found, read or unreadable with the reason. Other cookies are ignored; entries that are
 * not cookies (hand-written CLI input) are skipped. Never throws.
 */
export function readConsent(cookies: ReadonlyArray<ConsentCookie>): ConsentRecord[] {
  const valid = cookies.filter(isCookie);
  const records: ConsentRecord[] = [];
  for (const reader of CONSENT_READERS) {
    const bySite = new Map<string, ConsentCookie[]>();
    for (const cookie of valid) {
      if (!reader.owns(cookie.name)) continue;
      const site = siteOf(cookie.domain);
      const list = bySite.get(site);
      if (list) list.push(cookie);
      else bySite.set(site, [cookie]);
    }
    for (const [site, siteCookies] of bySite) {
      for (const { cookieNames, domain, reading } of safeRead(reader, siteCookies)) {
        records.push({ ...reading, platform: reader.platform, cookieNames, domain: hostKey(domain), site });
      }
    }
  }
  return records.sort(
    (a, b) =>
      compare(a.site, b.site) ||
      compare(a.domain, b.domain) ||
      CONSENT_READERS.findIndex((r) => r.platform === a.platform) -
        CONSENT_READERS.findIndex((r) => r.platform === b.platform),
  );
}

function safeRead(reader: ConsentReader, cookies: ConsentCookie[]) {
  try {
    return reader.read(cookies);
  } catch {
    // A reader that throws has met input it was not written for; the cookies are still reported.
    return cookies.map((cookie) => ({
      cookieNames: [cookie.name],
      domain: cookie.domain,
      reading: { status: 'unreadable' as const, reason: 'The record could not be read: its form is not one we know.' },
    }));
  }
}

function isCookie(cookie: unknown): cookie is ConsentCookie {
  if (typeof cookie !== 'object' || cookie === null) return false;
  const { name, value, domain } = cookie as Record<string, unknown>;
  return typeof name === 'string' && typeof value === 'string' && typeof domain === 'string';
}

function siteOf(domain: string): string {
  const host = hostKey(domain);
  try {
    return registrableDomain(host);
  } catch {
    return host;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
