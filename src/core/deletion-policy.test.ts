import { describe, expect, it } from 'vitest';
import { cleaningKeeps } from './cleaning-policy';
import { oneClickKeeps, removableInOneClick, removableWithCategory } from './deletion-policy';
import { CATEGORIES, IF_DELETED } from './types';

const label = (
  category: (typeof CATEGORIES)[number],
  ifDeleted: (typeof IF_DELETED)[number],
  vendor: string | null = 'V',
) => ({
  category,
  ifDeleted,
  vendor,
});

describe('the one deletion rule', () => {
  it('never takes essential cookies, nor any whose loss signs out, asks for a check or consent, or empties a cart', () => {
    for (const category of CATEGORIES) {
      for (const ifDeleted of IF_DELETED) {
        const surprising = ['signs-out', 'security-check', 'empties-cart', 'asks-consent'].includes(ifDeleted);
        const removable = category !== 'essential' && !surprising;
        expect(removableInOneClick(label(category, ifDeleted), true), `${category} ${ifDeleted}`).toBe(removable);
        expect(removableInOneClick(label(category, ifDeleted), false), `${category} ${ifDeleted}`).toBe(
          removable && category !== 'unknown',
        );
      }
    }
  });

  it('says why it keeps a cookie', () => {
    expect(oneClickKeeps(label('essential', 'nothing'), true)).toBe('essential');
    expect(oneClickKeeps(label('marketing', 'signs-out'), true)).toBe('consequence');
    expect(oneClickKeeps(label('unknown', 'unknown'), false)).toBe('unknown');
    expect(oneClickKeeps(label('analytics', 'nothing'), false)).toBeNull();
  });

  it('removes a category the person picked, except what would sign them out', () => {
    expect(removableWithCategory(label('essential', 'nothing'), 'essential')).toBe(true);
    expect(removableWithCategory(label('essential', 'signs-out'), 'essential')).toBe(false);
    expect(removableWithCategory(label('marketing', 'nothing'), 'analytics')).toBe(false);
  });

  it('keeps a site clean within the same rule, and honours the exceptions', () => {
    const none = { allowedVendors: [], allowedCookies: [] };
    const cookie = { name: '_ga', domain: '.shop.example' };
    expect(cleaningKeeps(cookie, label('analytics', 'nothing'), none, false)).toBeNull();
    expect(cleaningKeeps(cookie, label('marketing', 'signs-out'), none, true)).toBe('consequence');
    expect(cleaningKeeps(cookie, label('analytics', 'nothing'), { ...none, allowedVendors: ['V'] }, false)).toBe(
      'exception',
    );
    expect(
      cleaningKeeps(
        cookie,
        label('analytics', 'nothing'),
        { ...none, allowedCookies: [{ name: '_ga', domain: 'shop.example' }] },
        false,
      ),
    ).toBe('exception');
    expect(
      cleaningKeeps(
        cookie,
        { ...label('analytics', 'nothing', null), ambiguous: [{ vendor: 'V' }] },
        { ...none, allowedVendors: ['V'] },
        false,
      ),
    ).toBe('exception');
  });
});
