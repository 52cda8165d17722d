import { readConsent } from '../../src/core/consent/read-consent';
import type {
  ConsentCookie,
  ConsentRecord,
  ReadConsentRecord,
  UnreadableConsentRecord,
} from '../../src/core/consent/types';

/** Reads cookies of one host and expects exactly one record. */
export function only(cookies: ReadonlyArray<Omit<ConsentCookie, 'domain'> & { domain?: string }>): ConsentRecord {
  const records = readConsent(cookies.map((cookie) => ({ domain: '.example.com', ...cookie })));
  if (records.length !== 1) throw new Error(`expected one record, got ${records.length}: ${JSON.stringify(records)}`);
  return records[0];
}

export function readOne(name: string, value: string): ReadConsentRecord {
  const record = only([{ name, value }]);
  if (record.status !== 'read') throw new Error(`expected a read record, got: ${record.reason}`);
  return record;
}

export function unreadableOne(name: string, value: string): UnreadableConsentRecord {
  const record = only([{ name, value }]);
  if (record.status !== 'unreadable') throw new Error(`expected an unreadable record, got ${JSON.stringify(record)}`);
  return record;
}

/** Base64 of ASCII text, as the platforms that use it write it. */
export function base64(text: string): string {
  return btoa(text);
}

export function seconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
