import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkSite, parseStoredSettings, SETTINGS_FORMAT, SETTINGS_KEY } from '../../../src/background/settings';
import { type Settings, siteSettingsOf } from '../../../src/shared/protocol';
import { FakeBrowser } from '../../fakes/fake-browser';
import { settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn } from './helpers';

const site = { keepClean: true, allowedVendors: ['V'], allowedCookies: [{ name: 'n', domain: 'a.test' }] };

describe('reading stored settings', () => {
  it('gives defaults without complaint on first run', () => {
    expect(parseStoredSettings(undefined)).toEqual({ settings: { includeUnknown: false, sites: {} }, problems: [] });
  });

  it('falls back to defaults for a corrupt or foreign object, and says why', () => {
    for (const raw of ['{"oops"', 42, null, [], { includeUnknown: true, sites: {} }, { format: 'someone-else@3' }]) {
      const parsed = parseStoredSettings(raw);
      expect(parsed.settings).toEqual({ includeUnknown: false, sites: {} });
      expect(parsed.problems).toHaveLength(1);
    }
  });

  it('keeps the good parts of a damaged object and names each bad one', () => {
    const parsed = parseStoredSettings({
      format: SETTINGS_FORMAT,
      includeUnknown: 'yes',
      sites: {
        'a.test': site,
        'www.b.test': site,
        'c.test': { keepClean: 'sure', allowedVendors: [], allowedCookies: [] },
        'd.test': { keepClean: false, allowedVendors: [3], allowedCookies: [] },
        'e.test': { allowedVendors: [], allowedCookies: [] },
      },
    });
    expect(parsed.settings).toEqual({ includeUnknown: false, sites: { 'a.test': site } });
    expect(parsed.problems).toEqual([
      'includeUnknown is "yes", not true or false',
      'sites: "www.b.test" is not a registrable domain (for example example.co.uk, not www.example.co.uk)',
      'sites.c.test: keepClean is "sure", not true or false',
      'sites.d.test: allowedVendors must be a list of vendor names',
      'sites.e.test: keepClean is missing, not true or false',
    ]);
  });
});

describe('site names', () => {
  it('keeps `__proto__` and other non-host names out of the sites object', () => {
    const sites = JSON.parse('{"__proto__": {"keepClean": true, "allowedVendors": [], "allowedCookies": []}}');
    const parsed = parseStoredSettings({ format: SETTINGS_FORMAT, includeUnknown: false, sites });
    expect(Object.getPrototypeOf(parsed.settings.sites)).toBe(Object.prototype);
    expect(Object.keys(parsed.settings.sites)).toEqual([]);
    expect(parsed.problems).toEqual(['sites: "__proto__" is not a domain name']);
    for (const name of ['Shop.test', 'a b.test', '-x.test', 'x..test', '<script>'])
      expect(checkSite(name)).not.toBeNull();
    for (const name of ['Shop.test', 'a b.test', '-x.test', 'x..test', '<script>', '::g', '0:0:0:0:0:0:0:1']) {
      expect(checkSite(name)).not.toBeNull();
    }
    for (const name of [
      'shop.test',
      'example.co.uk',
      '127.0.0.1',
      'localhost',
      'xn--bcher-kva.example',
      '::1',
      'fd00::2',
    ]) {
      expect(checkSite(name)).toBeNull();
    }
  });

  it('reads no settings for a host named like a property every object has', () => {
    const settings = { includeUnknown: false, sites: { 'a.test': site } };
    expect(siteSettingsOf(settings, 'a.test')).toBe(site);
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) expect(siteSettingsOf(settings, name)).toBeNull();
    expect(siteSettingsOf(settings, null)).toBeNull();
  });
});

describe('settings in the worker', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reports corrupt stored settings, keeps working, and repairs them on the next change', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const browser = new FakeBrowser();
    browser.storageLocal.plant(SETTINGS_KEY, { some: 'other extension' });
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga'));
    await settle(worker);
    const settings: Settings = await ask(browser, 'getSettings', {});
    expect(settings.includeUnknown).toBe(false);
    expect(settings.problems?.[0]).toContain('not in the format');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('using default settings'));
    expect((await ask(browser, 'getTabView', { tabId: tab })).cookies).toHaveLength(1);
    const after = await ask(browser, 'setIncludeUnknown', { includeUnknown: true });
    expect(after).toEqual({ includeUnknown: true, sites: {} });
    expect(browser.storageLocal.peek(SETTINGS_KEY)).toEqual({
      format: SETTINGS_FORMAT,
      includeUnknown: true,
      sites: {},
    });
  });

  it('loses no update when several arrive at once', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    await settle(worker);
    const sites = Array.from({ length: 12 }, (_, i) => `site${i}.test`);
    await Promise.all([
      ...sites.map((s) => ask(browser, 'setSiteSettings', { site: s, settings: site })),
      ask(browser, 'setIncludeUnknown', { includeUnknown: true }),
    ]);
    const stored = parseStoredSettings(browser.storageLocal.peek(SETTINGS_KEY));
    expect(stored.problems).toEqual([]);
    expect(Object.keys(stored.settings.sites).sort()).toEqual([...sites].sort());
    expect(stored.settings.includeUnknown).toBe(true);
  });

  it('rejects bad requests with a clear error and changes nothing', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    await settle(worker);
    await expect(ask(browser, 'setSiteSettings', { site: 'www.shop.test', settings: site })).rejects.toThrow(
      'is not a registrable domain',
    );
    await expect(
      ask(browser, 'setSiteSettings', {
        site: 'shop.test',
        settings: { ...site, allowedCookies: [{ name: 'x' }] } as never,
      }),
    ).rejects.toThrow('allowedCookies must be a list of { name, domain }');
    await expect(ask(browser, 'setIncludeUnknown', { includeUnknown: 'yes' as never })).rejects.toThrow(
      'includeUnknown must be true or false',
    );
    expect(browser.storageLocal.keys()).toEqual([]);
  });
});
