import { describe, expect, it } from 'vitest';
import { base64, readOne, unreadableOne } from '../../../test/support/consent-values';

describe('Osano (osano_consentmanager)', () => {
  it('reads the base64 JSON form', () => {
    const record = readOne(
      'osano_consentmanager',
      base64(
        JSON.stringify({
          ESSENTIAL: 'ACCEPT',
          STORAGE: 'ACCEPT',
          ANALYTICS: 'DENY',
          MARKETING: 'DENY',
          PERSONALIZATION: 'ACCEPT',
        }),
      ),
    );
    expect(record.platform).toBe('Osano');
    expect(record.categories).toEqual({ functional: 'granted', analytics: 'denied', marketing: 'denied' });
  });

  it('says the opaque token current Osano versions write cannot be read', () => {
    const record = unreadableOne(
      'osano_consentmanager',
      'aYnRItFYW85ts3NL4TJ5W3hdu2kG5wPLS_Za1TpifskPW_yzXMJ00ZAQVGK09PW3bLdq2ItNLirAAPu8NTt3-mUFC2eLLacOOkKQJGez87h7CxnlmB2loI2IlQmU_jes3MkoTIsMLBiuAHMQ3gS7V1BQua7ceI3sYj6dGdmwhy1ggT2xxFKH1_a6-f2nVuvvfJfWAV7t_87fCv1GvEhS0v-v1rnpQqofbKC3mheva1F3LffpQSMD5dQQlz-HKqEajgfKtrVnR_RSJzwLgfRfaBuVGV0KT02LI2g74g==',
    );
    expect(record.reason).toMatch(/opaque/);
  });

  it('reports JSON with unknown states as unreadable', () => {
    expect(unreadableOne('osano_consentmanager', base64('{"ANALYTICS":"MAYBE"}')).status).toBe('unreadable');
    expect(unreadableOne('osano_consentmanager', base64('{}')).status).toBe('unreadable');
  });
});
