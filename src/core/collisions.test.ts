import { loadEntries } from 'virtual:catalog';
import { describe, expect, it } from 'vitest';
import { createDefaultLabeller } from '../shared/labeller';

/**
 * Names that several vendors use, as the shipped catalog lists them (issue 3, part 5): the
 * cookie's domain decides first, then the vendors seen on the tab, else the label is ambiguous.
 * Each case first checks that the catalog still has the collision, so that a change to the data
 * shows up here as a changed premise rather than as a puzzling label.
 */

const entries = loadEntries();
const labeller = createDefaultLabeller();
const onShop = { topLevelUrl: 'https://shop.example/' };

function vendorsOf(name: string): string[] {
  return [...new Set(entries.filter((e) => e.name === name).map((e) => e.vendor))].sort();
}

describe('names shared by several vendors in the shipped catalog', () => {
  it('settles `DSID` by the domain it is set on', () => {
    expect(vendorsOf('DSID')).toEqual(['DoubleClick/Google Marketing', 'Google']);
    const onAdDomain = labeller.label({ name: 'DSID', domain: '.doubleclick.net' }, onShop);
    expect(onAdDomain).toMatchObject({ vendor: 'DoubleClick/Google Marketing', source: 'exact' });
    expect(onAdDomain.reason).toContain('set on its domain doubleclick.net');
    expect(onAdDomain.ambiguous).toBeUndefined();
    // Elsewhere the entry that names no domain beats the one whose domain is not this one.
    expect(labeller.label({ name: 'DSID', domain: '.google.com' }, onShop).vendor).toBe('Google');
  });

  it('settles `euconsent` by domain: LiveRamp on its domain, the consent tool elsewhere', () => {
    expect(vendorsOf('euconsent')).toEqual(['LiveRamp', 'ShareThis']);
    // Both keep it as a consent record (data/_ocd-overrides.json corrects LiveRamp's Marketing).
    expect(labeller.label({ name: 'euconsent', domain: '.faktor.io' }, onShop)).toMatchObject({
      vendor: 'LiveRamp',
      category: 'essential',
    });
    expect(labeller.label({ name: 'euconsent', domain: 'shop.example' }, onShop)).toMatchObject({
      vendor: 'ShareThis',
      category: 'essential',
    });
  });

  it('settles `_s` by the vendors on the page, and reports it ambiguous without them', () => {
    expect(vendorsOf('_s')).toEqual(['Marfeel', 'Shopify']);
    const cookie = { name: '_s', domain: 'shop.example' };
    const alone = labeller.label(cookie, onShop);
    expect(alone.vendor).toBeNull();
    expect(alone.ambiguous?.map((c) => c.vendor).sort()).toEqual(['Marfeel', 'Shopify']);
    // Both list it as analytics, so the category still holds.
    expect(alone.category).toBe('analytics');
    expect(alone.reason).toContain('is used by');

    const withShopify = labeller.label(cookie, { ...onShop, vendorsOnPage: ['Shopify'] });
    expect(withShopify).toMatchObject({ vendor: 'Shopify', category: 'analytics' });
    expect(withShopify.ambiguous).toBeUndefined();
    expect(withShopify.reason).toContain('present on this page');
    expect(withShopify.confidence).toBeLessThan(0.95);
  });

  it('settles `euconsent-v2` by the consent tool on the page', () => {
    expect(vendorsOf('euconsent-v2')).toEqual(['Didomi', 'PrivacyPillar']);
    const cookie = { name: 'euconsent-v2', domain: '.shop.example' };
    expect(labeller.label(cookie, onShop).ambiguous).toHaveLength(2);
    expect(labeller.label(cookie, { ...onShop, vendorsOnPage: ['Didomi', 'Google Analytics'] }).vendor).toBe('Didomi');
    // A page with both tools does not decide.
    expect(labeller.label(cookie, { ...onShop, vendorsOnPage: ['Didomi', 'PrivacyPillar'] }).vendor).toBeNull();
  });

  it('leaves a generic name to its vendors on their own domains only', () => {
    expect(vendorsOf('ts')).toEqual(['CreativeCDN', 'PayPal']);
    expect(labeller.label({ name: 'ts', domain: '.paypal.com' }, onShop)).toMatchObject({
      vendor: 'PayPal',
      category: 'essential',
    });
    expect(labeller.label({ name: 'ts', domain: '.creativecdn.com' }, onShop)).toMatchObject({
      vendor: 'CreativeCDN',
      category: 'marketing',
    });
    // On the shop's own domain neither vendor is a candidate.
    const own = labeller.label({ name: 'ts', domain: 'shop.example' }, onShop);
    expect(own.entryId).toBeNull();
    expect(own.ambiguous).toBeUndefined();
  });

  it('settles names that differ only in letter case by domain before spelling', () => {
    expect(vendorsOf('OID')).toEqual(['Bing / Microsoft']);
    expect(vendorsOf('oid')).toEqual(['Salesforce']);
    expect(labeller.label({ name: 'OID', domain: '.salesforce.com' }, onShop)).toMatchObject({
      vendor: 'Salesforce',
      category: 'essential',
      source: 'exact-nocase',
    });
    expect(vendorsOf('ssid')).toEqual(['Springserve']);
    expect(vendorsOf('SSID')).toContain('Google');
    expect(labeller.label({ name: 'ssid', domain: '.google.com' }, onShop)).toMatchObject({
      vendor: 'Google',
      source: 'exact-nocase',
    });
    // Where no entry lists the cookie's domain, the exact spelling still wins.
    expect(labeller.label({ name: 'ssid', domain: '.springserve.com' }, onShop).vendor).toBe('Springserve');
  });

  it('gives a generic name on a foreign domain to the fallbacks: `token` reads as sign-in', () => {
    expect(vendorsOf('token')).toEqual(['Adform', 'Reddit', 'Xandr']);
    const label = labeller.label({ name: 'token', domain: 'shop.example' }, onShop);
    expect(label).toMatchObject({ category: 'essential', source: 'heuristic', entryId: null });
    expect(label.reason).toContain('name contains `token`');
  });
});
