import { describe, expect, it } from 'vitest';
import { readOne, seconds, unreadableOne } from '../../../test/support/consent-values';

/** A reject-all string a real CMP (id 141) wrote in June 2023. */
const REJECT_ALL = 'CPt3fQAPt3fQACNAFAENDLCgAAAAAAAAACiQAAAOCgDAB-AIsAZ8A6QDBAHBAAAA.YAAAAAAAAAAA';

/** An accept-all string a real CMP (id 7) wrote in September 2023, with a publisher segment. */
const ACCEPT_ALL =
  'CPywmUAPywmUAAHABBENDYCsAP_AAH_AAAAAJrNf_X__b2_r-_7_f_t0eY1P9_7__-0zjhfdF-8N3f_X_L8X52M5vF36tqoKuR4ku3bBIUdlHPHcTVmw6okVryPsbk2cr7NKJ7PkmlMbM2dYGH9_n9_z-ZKY7___f__z_v-v___9____7-3f3__5__--__e_V_-9zfn9_____9vP___9v-_9_3________3_r9_7_D_-f_87_XW-8E1ACTDQuIAuwJGQm2jCKBACMKwkKoFABRAJC0QGELq4KdlcBPrARACBFAAcEAIYAUZAAgAAAgCQiACQI4EAgEAgEAAIAFQgEABGwACgAsBAIABQHQsU4oAlAsIMiMiIUwIQpEgoJ7KhBKD9QVwhDLLACg0f8VCAgUAMVgRCQsXocASAlwkkC3VG-AAhACgFFKFYgk9MAA4JGy1B4IAA.f_gAD_gAAAAA';

/** A real string cut off in the middle of its vendor section, as a cookie jar or copy can leave it. */
const TRUNCATED =
  'CP0C_wAP0C_wAAGABBENDbCgAP_AAAAAAApAJLNV_H__bX9r8X7_6ft0eY1f9_jz7uQxBhfJk-4F3LvW_JwX32E7NF36tq4KmRoEu1JBIUNlHIHUDUmwaogVrzHsakWcpTNKJ6BkkFMRU2dYCF5um4tjeQKY5_p_d3f52T-9_dv839zz38VHv3cZX--12PDdU5-9Dfn9fRfb89IL9_78v4v8_t_rk2_eT13_tetr_DAAAAaEgogAIAAXABQAFQAOQAeACAAGAAMoAaABqADwAIgATAAngBVADMAG8APQAfgBCQCGAIkARwAlgBNAClAGAAMOAZQBlgDZgHcAd8A9gD4gH2AfsA_wEAAIpARcBGACNAElAJSAUGAp4CrgFzAMUAaIA2gBuADiAIdASIAnYBQ4CjwFIgLYAXIAu8BgwDDYGRgZIAycBlwDOQGfANIgauBrIDbwG6gOCgcmBygDlwHjgPaAfSBBgCEMELQQvAhyBD0CH4EcQI-gR_AkUBJAIACAJoAtwNAEAKeAh0BnwDlBEAQAp4CHQGfAOUFQAwGfAOUAheMgBgM-AcoBC8hA4AAWABQAFwAMQAagBMACmAFUALgAYgA3gB6AEcAKUAYAAyoB3AHeAP8AigBJQCUgFBAKfAVEBVwC5gGKANoAc4A6gCVAFNAKsAWKAsoBaIC4AFyAMjAZOAzkBnwDRAGqgOAAcoA8cB9IEGAIUAQtAheBDoCHoEcQJFASQHQaQAFwAUABUADkAHwAgABdADAAMoAaABqADwAIgATAAngBVgC4ALoAYgAzABvAD0AH6AQwBEgCWAE0AKMAUoAwABhgDKAGiANkAd4A9oB9gH6AP8AikBFgEYAI6ASUAlIBQQCnwFRAVcAsQBc4C8gL0AYoA2gBuADiAHOAOoAfYBDoCLwEiAJUATIAnYBQ4CjwFNAKsAWKAsoBbAC3QFwALkAXaAu8BfQDBgGGgMegZGBkgDJwGVAMsAZcAzMBnIDPgGiANIAarA1cDWAG3gN1AcXA5MDlAHLgPHAe0A-kB9YEAQIMAQtAhfBDkEOgIegRxAjsBH0CP4EigJIDgAIC3CUDQABAACwAKAAcAA_ADAAMQAeABEACYAFUALgAYoBDAESAI4AUYAwABsgDvAH4AU-AqICrgFzAMUAdQBDoCJgEXgJEAUeAsUBZQC2IGRgZIAycBnIDPgGkANYAbeA4AB7QD6QIAgQPAgwBCECF4EPQI4gSKAkgBJUkABAW4UgpAALgAoACoAHIAPgBBADAAMYAaABqADwAIgATAAngBSACqAGIAMwAfoBDAESAKMAUoAwABlADRAGyAO-AfgB-gEWAIwAR0AkoBKQCgwFRAVcAuYBeQDFAG0ANwAdQA9oB9gEOgImAReAkQ';

interface CoreSegment {
  purposesConsented?: number[];
  purposesLegitimateInterest?: number[];
  vendorsConsented?: number[];
  purposeOneTreatment?: boolean;
  updated?: string;
}

/**
 * A core segment written bit by bit after the TCF v2.2 specification, for cases no captured
 * string shows (one purpose refused, another accepted). Decoding it exercises the same library.
 */
function coreSegment(options: CoreSegment): string {
  let bits = '';
  const put = (value: number, width: number) => {
    bits += value.toString(2).padStart(width, '0');
  };
  const flags = (ids: readonly number[], width: number) => {
    for (let id = 1; id <= width; id++) bits += ids.includes(id) ? '1' : '0';
  };
  const letters = (text: string) => {
    for (const char of text) put(char.charCodeAt(0) - 65, 6);
  };
  const deciseconds = Math.round(Date.parse(options.updated ?? '2024-03-05T00:00:00Z') / 100);
  put(2, 6); // version
  put(deciseconds, 36); // created
  put(deciseconds, 36); // last updated
  put(10, 12); // CMP id
  put(2, 12); // CMP version
  put(1, 6); // consent screen
  letters('DE');
  put(300, 12); // vendor list version
  put(4, 6); // policy version
  put(1, 1); // service-specific
  put(0, 1); // non-standard texts
  flags([], 12); // special features
  flags(options.purposesConsented ?? [], 24);
  flags(options.purposesLegitimateInterest ?? [], 24);
  put(options.purposeOneTreatment ? 1 : 0, 1);
  letters('DE');
  const vendors = options.vendorsConsented ?? [];
  const maxVendor = Math.max(0, ...vendors);
  put(maxVendor, 16);
  put(0, 1); // bit field, not ranges
  flags(vendors, maxVendor);
  put(0, 16); // no legitimate-interest vendors
  put(0, 1);
  put(0, 12); // no publisher restrictions
  bits += '0'.repeat((6 - (bits.length % 6)) % 6);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let text = '';
  for (let i = 0; i < bits.length; i += 6) text += alphabet[Number.parseInt(bits.slice(i, i + 6), 2)];
  return text;
}

describe('IAB TCF v2 (euconsent-v2)', () => {
  it('reads a real reject-all string: no purpose, no vendor, so analytics and marketing are refused', () => {
    const record = readOne('euconsent-v2', REJECT_ALL);
    expect(record.platform).toBe('IAB TCF v2');
    expect(record.categories).toEqual({ analytics: 'denied', marketing: 'denied' });
    expect(record.tcf).toMatchObject({ cmpId: 141, purposesConsented: [], vendorsConsented: [] });
    expect(record.decidedAt).toBe(seconds('2023-06-24T00:00:00Z'));
    expect(record.notes.join(' ')).toMatch(/day/);
  });

  it('reads a real accept-all string: purposes 1 to 10 and the vendors consented', () => {
    const record = readOne('euconsent-v2', ACCEPT_ALL);
    expect(record.categories).toEqual({ analytics: 'granted', marketing: 'granted' });
    expect(record.tcf?.cmpId).toBe(7);
    expect(record.tcf?.purposesConsented).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(record.tcf?.vendorsConsented.length).toBe(916);
    expect(record.tcf?.vendorsConsented).toContain(755);
    expect(record.decidedAt).toBe(seconds('2023-09-27T00:00:00Z'));
  });

  it('maps measurement purposes to analytics and advertising purposes to marketing', () => {
    const record = readOne('euconsent-v2', coreSegment({ purposesConsented: [1, 7, 8], vendorsConsented: [28, 755] }));
    expect(record.categories).toEqual({ analytics: 'granted', marketing: 'denied' });
    expect(record.tcf?.vendorsConsented).toEqual([28, 755]);
    expect(record.groups).toContainEqual({ name: 'Purpose 7', state: 'granted', category: 'analytics' });
    expect(record.groups).toContainEqual({ name: 'Purpose 4', state: 'denied', category: 'marketing' });
    expect(record.groups).toContainEqual({ name: 'Purpose 1', state: 'granted', category: 'essential' });
  });

  it('counts a category granted when any of its purposes is', () => {
    const record = readOne('euconsent-v2', coreSegment({ purposesConsented: [1, 2, 10] }));
    expect(record.categories).toEqual({ analytics: 'granted', marketing: 'granted' });
  });

  it('treats a refused purpose 1 (storage) as refusing every cookie-based purpose', () => {
    const record = readOne('euconsent-v2', coreSegment({ purposesConsented: [7, 8, 3, 4] }));
    expect(record.categories).toEqual({ analytics: 'denied', marketing: 'denied' });
    expect(record.notes.join(' ')).toMatch(/purpose 1/i);
  });

  it('does not read a missing purpose 1 as a refusal where the publisher country needs none', () => {
    const record = readOne('euconsent-v2', coreSegment({ purposesConsented: [7], purposeOneTreatment: true }));
    expect(record.categories).toEqual({ analytics: 'granted', marketing: 'denied' });
    expect(record.tcf?.purposeOneTreatment).toBe(true);
  });

  it('says which refused purposes a vendor may still use on legitimate interest', () => {
    const record = readOne('euconsent-v2', coreSegment({ purposesConsented: [1], purposesLegitimateInterest: [7, 9] }));
    expect(record.tcf?.purposesLegitimateInterest).toEqual([7, 9]);
    expect(record.notes.join(' ')).toMatch(/7, 9 .*legitimate interest/);
  });

  it('reports a truncated string as unreadable instead of guessing the missing vendors', () => {
    expect(unreadableOne('euconsent-v2', TRUNCATED).reason).toMatch(/TCF/);
    expect(unreadableOne('euconsent-v2', REJECT_ALL.slice(0, 30)).status).toBe('unreadable');
  });

  it('reports characters outside base64url, a v1 string and an empty value as unreadable', () => {
    expect(unreadableOne('euconsent-v2', `${REJECT_ALL}!`).status).toBe('unreadable');
    expect(unreadableOne('euconsent-v2', 'BOEFEAyOEFEAyAHABDENAI4AAAB9vABAASA').reason).toMatch(/version 1/);
    expect(unreadableOne('euconsent-v2', '').status).toBe('unreadable');
  });
});
