import { describe, expect, it } from 'vitest';
import { only } from '../../../test/support/consent-values';

describe('Usercentrics (uc_settings, uc_user_interaction)', () => {
  it('says plainly that the choices live in localStorage when the cookies hold only ids', () => {
    const record = only([
      { name: 'uc_user_interaction', value: 'true' },
      {
        name: 'uc_settings',
        value:
          '{"controllerId":"1bef0918490e08b163868d79eb79562c1478fe70f38447321c32718872bcc9ae","id":"Tr_3B1GDkkB1q2","language":"de"}',
      },
    ]);
    expect(record).toMatchObject({ platform: 'Usercentrics', status: 'unreadable' });
    if (record.status === 'unreadable') expect(record.reason).toMatch(/localStorage/);
    expect(record.cookieNames).toEqual(['uc_user_interaction', 'uc_settings']);
  });

  it('reads the services and the latest answer when uc_settings holds the history', () => {
    const settings = {
      controllerId: '42e213448633d19d017343f77368ef4ab462b0ca1fb10607c313393260b08f21',
      id: 'rTbKQ4Qc-',
      services: [
        {
          id: 'HkocEodjb7',
          history: [
            { action: 'onInitialPageLoad', status: false, timestamp: 1700000000000, type: 'implicit' },
            { action: 'onUpdateServices', status: true, timestamp: 1700000500000, type: 'explicit' },
          ],
        },
        {
          id: 'S1_9Vsuj-Q',
          history: [{ action: 'onDenyAllServices', status: false, timestamp: 1700000400000, type: 'explicit' }],
        },
      ],
    };
    const record = only([{ name: 'uc_settings', value: encodeURIComponent(JSON.stringify(settings)) }]);
    expect(record).toMatchObject({ status: 'read', answered: true, decidedAt: 1700000500, categories: {} });
    if (record.status === 'read') {
      expect(record.groups).toEqual([
        { name: 'HkocEodjb7', state: 'granted', category: null },
        { name: 'S1_9Vsuj-Q', state: 'denied', category: null },
      ]);
      expect(record.notes.join(' ')).toMatch(/template/);
    }
  });

  it('reports malformed settings as unreadable', () => {
    for (const value of ['{"services":[', '{"services":[{"id":"x","history":[{"status":"yes"}]}]}', '%E0%A4%A']) {
      expect(only([{ name: 'uc_settings', value }]).status, value).toBe('unreadable');
    }
  });
});
