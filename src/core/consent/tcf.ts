import { TCString } from '@iabtcf/core';
import { categoriesOf, read, singleCookieReader, unreadable } from './reading';
import type { ConsentCategory, ConsentGroup, ConsentReading, TcfDetails } from './types';

/**
 * IAB TCF v2 purposes by the category of cookie they need. Purpose 1 is storage itself: without
 * it no purpose may put anything on the device. Purposes 7 to 10 measure ads and content, study
 * the audience and improve products: what analytics cookies do. Purposes 2 to 6 select ads and
 * build advertising or content profiles, and 11 (TCF 2.2) selects content from limited data:
 * what marketing cookies do. TCF has no purpose for functional cookies, so it never decides them.
 */
const PURPOSE_CATEGORY: ReadonlyMap<number, ConsentCategory | 'essential'> = new Map([
  [1, 'essential'],
  [2, 'marketing'],
  [3, 'marketing'],
  [4, 'marketing'],
  [5, 'marketing'],
  [6, 'marketing'],
  [7, 'analytics'],
  [8, 'analytics'],
  [9, 'analytics'],
  [10, 'analytics'],
  [11, 'marketing'],
]);

const BASE64URL = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** The `euconsent-v2` cookie CMPs of the IAB Transparency and Consent Framework write. */
export const tcfReader = singleCookieReader('IAB TCF v2', (name) => name === 'euconsent-v2', readTcString);

export function readTcString(value: string): ConsentReading {
  if (value === '') return unreadable('The cookie is empty: no TCF string to read.');
  if (!BASE64URL.test(value)) return unreadable('This is not a TCF string: it has characters outside base64url.');
  // The first character holds the version in its six bits: B is 1, C is 2.
  if (value[0] === 'B') {
    return unreadable('This is a TCF version 1 string, a format retired in 2020; it is not read.');
  }
  if (value[0] !== 'C') return unreadable('This is not a TCF version 2 string (it does not start with C).');
  let details: TcfDetails;
  let lastUpdated: number | null;
  try {
    const model = TCString.decode(value);
    details = {
      cmpId: Number(model.cmpId),
      cmpVersion: Number(model.cmpVersion),
      vendorListVersion: Number(model.vendorListVersion),
      policyVersion: Number(model.policyVersion),
      consentLanguage: model.consentLanguage,
      publisherCountryCode: model.publisherCountryCode,
      isServiceSpecific: model.isServiceSpecific,
      purposeOneTreatment: model.purposeOneTreatment,
      purposesConsented: ids(model.purposeConsents),
      purposesLegitimateInterest: ids(model.purposeLegitimateInterests),
      specialFeatureOptIns: ids(model.specialFeatureOptins),
      vendorsConsented: ids(model.vendorConsents),
      vendorsLegitimateInterest: ids(model.vendorLegitimateInterests),
    };
    lastUpdated = dateSeconds(model.lastUpdated);
  } catch {
    // The library throws its own errors and, on some damaged strings, a TypeError: both mean the
    // string is not a whole TC string, and no part of it is trusted.
    return unreadable(
      'The TCF string is truncated or damaged, so which purposes and vendors were consented is unknown.',
    );
  }
  return interpret(details, lastUpdated);
}

interface IdVector {
  maxId: number;
  has(id: number): boolean;
}

function ids(vector: IdVector): number[] {
  const found: number[] = [];
  for (let id = 1; id <= vector.maxId; id++) if (vector.has(id)) found.push(id);
  return found;
}

function dateSeconds(date: Date | undefined): number | null {
  const ms = date?.getTime();
  return ms !== undefined && Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}

function interpret(tcf: TcfDetails, decidedAt: number | null): ConsentReading {
  const notes: string[] = [];
  const consented = new Set(tcf.purposesConsented);
  const groups: ConsentGroup[] = [...PURPOSE_CATEGORY].map(([purpose, category]) => ({
    name: `Purpose ${purpose}`,
    state: consented.has(purpose) ? 'granted' : 'denied',
    category,
  }));
  const categories = categoriesOf(groups);
  const storageRefused = !consented.has(1) && !tcf.purposeOneTreatment;
  if (storageRefused) {
    if (categories.analytics === 'granted' || categories.marketing === 'granted') {
      notes.push(
        'Purpose 1 (storing or reading information on the device) was refused, so no purpose may use cookies, whatever else was consented.',
      );
    }
    categories.analytics = 'denied';
    categories.marketing = 'denied';
  }
  if (!consented.has(1) && tcf.purposeOneTreatment) {
    notes.push(
      "The publisher's country does not require consent for purpose 1 (storage), so its absence is no refusal.",
    );
  }
  const onInterest = tcf.purposesLegitimateInterest.filter((purpose) => !consented.has(purpose));
  if (onInterest.length > 0) {
    notes.push(
      `Purposes ${onInterest.join(', ')} were not consented, but vendors may still use them on legitimate interest (without consent) unless the person objected.`,
    );
  }
  if (decidedAt !== null && decidedAt % 86_400 === 0) {
    notes.push(
      'The string gives the day of the answer only (TCF 2.2 rounds it), so the time is the start of that day, UTC.',
    );
  }
  return { ...read({ decidedAt, groups, categories, notes }), tcf };
}
