import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Origin, type RawEntry, validateCatalog } from './catalog-schema';
import { catalogMayDecide, createLabeller } from './label';
import { CATEGORIES, type CookieLike, LABEL_SOURCES } from './types';

/** A small catalog written in the test: one file per vendor, entries with harmless defaults. */
function labellerOf(
  ...files: Array<{
    vendor: string;
    origin?: Origin;
    cookies: Array<Partial<RawEntry> & ({ name: string } | { pattern: string })>;
  }>
) {
  const entries = validateCatalog(
    files.map(({ vendor, origin = 'vendor-documentation', cookies }) => ({
      path: `data/test/${vendor.toLowerCase().replace(/\W+/g, '-')}-${origin}.json`,
      data: {
        vendor,
        origin,
        source: 'test',
        cookies: cookies.map((c) => ({
          category: 'functional',
          purpose: `${vendor} cookie`,
          lifetime: 'session',
          party: 'either',
          ...c,
        })),
      },
    })),
  );
  return createLabeller(entries);
}

const on = (name: string, domain = 'www.site.example') => ({ name, domain });

describe('label precedence', () => {
  it('an exact name beats a pattern', () => {
    const l = labellerOf(
      { vendor: 'Exact', cookies: [{ name: '_ga', category: 'analytics' }] },
      { vendor: 'Pattern', cookies: [{ pattern: '_g*', category: 'marketing' }] },
    );
    expect(l.label(on('_ga'))).toMatchObject({ vendor: 'Exact', source: 'exact', category: 'analytics' });
    expect(l.label(on('_gb'))).toMatchObject({ vendor: 'Pattern', source: 'pattern', category: 'marketing' });
  });

  it('a name in another letter case beats a pattern', () => {
    const l = labellerOf(
      { vendor: 'Upper', cookies: [{ name: 'ASPXAUTH' }] },
      { vendor: 'Any', cookies: [{ pattern: 'aspx*' }] },
    );
    expect(l.label(on('aspxauth'))).toMatchObject({ vendor: 'Upper', source: 'exact-nocase' });
    expect(l.label(on('ASPXAUTH'))).toMatchObject({ vendor: 'Upper', source: 'exact' });
  });

  it('an exact name beats the same name in another letter case when the domain does not decide', () => {
    const l = labellerOf(
      { vendor: 'Lower', cookies: [{ name: 'ssid' }] },
      { vendor: 'Upper', cookies: [{ name: 'SSID' }] },
    );
    expect(l.label(on('ssid'))).toMatchObject({ vendor: 'Lower', source: 'exact' });
    expect(l.label(on('SSID'))).toMatchObject({ vendor: 'Upper', source: 'exact' });
    expect(
      l
        .label(on('Ssid'))
        .ambiguous?.map((c) => c.vendor)
        .sort(),
    ).toEqual(['Lower', 'Upper']);
  });

  it('domain comes first: another letter case on the cookie’s domain beats an exact name', () => {
    const l = labellerOf(
      { vendor: 'Lower', cookies: [{ name: 'ssid', domains: ['other.example'] }] },
      { vendor: 'Upper', cookies: [{ name: 'SSID', domains: ['site.example'] }] },
    );
    expect(l.label(on('ssid'))).toMatchObject({ vendor: 'Upper', source: 'exact-nocase' });
    expect(l.label(on('ssid', 'other.example'))).toMatchObject({ vendor: 'Lower', source: 'exact' });
  });

  it('another letter case still labels the cookie when the exact name is generic for other domains', () => {
    const l = labellerOf(
      { vendor: 'Generic', cookies: [{ name: 'OID', generic: true, domains: ['other.example'] }] },
      { vendor: 'Lower', cookies: [{ name: 'oid', generic: true, domains: ['site.example'] }] },
    );
    expect(l.label(on('OID'))).toMatchObject({ vendor: 'Lower', source: 'exact-nocase' });
  });

  it('a pattern with a longer literal part beats a shorter one, wherever its wildcards are', () => {
    const l = labellerOf(
      { vendor: 'Short', cookies: [{ pattern: '_g*' }] },
      { vendor: 'Suffix', cookies: [{ pattern: '*ABC' }] },
      { vendor: 'Long', cookies: [{ pattern: '_ga_*' }] },
      { vendor: 'Placeholder', cookies: [{ pattern: 'LPSID-{siteId}' }] },
      { vendor: 'Loose', cookies: [{ pattern: 'LP*' }] },
      { vendor: 'Middle', cookies: [{ pattern: '{userId}_spring_*' }] },
    );
    expect(l.label(on('_ga_ABC'))).toMatchObject({ vendor: 'Long', source: 'pattern' });
    expect(l.label(on('_gxABC'))).toMatchObject({ vendor: 'Suffix' });
    expect(l.label(on('_gx'))).toMatchObject({ vendor: 'Short' });
    expect(l.label(on('LPSID-12345'))).toMatchObject({ vendor: 'Placeholder' });
    expect(l.label(on('LPSID-'))).toMatchObject({ vendor: 'Loose' });
    expect(l.label(on('u42_spring_x'))).toMatchObject({ vendor: 'Middle' });
    expect(l.label(on('_spring_x')).vendor).toBeNull();
  });

  it('an entry on the cookie’s domain beats one without domains, which beats one on other domains', () => {
    const l = labellerOf(
      { vendor: 'Here', cookies: [{ name: 'sid', domains: ['site.example'] }] },
      { vendor: 'Anywhere', cookies: [{ name: 'sid' }] },
      { vendor: 'Elsewhere', cookies: [{ name: 'sid', domains: ['other.example'] }] },
    );
    expect(l.label(on('sid', '.site.example'))).toMatchObject({ vendor: 'Here' });
    expect(l.label(on('sid', 'app.site.example'))).toMatchObject({ vendor: 'Here' });
    expect(l.label(on('sid', 'third.example'))).toMatchObject({ vendor: 'Anywhere' });
    // `notsite.example` is not a subdomain of `site.example`.
    expect(l.label(on('sid', 'notsite.example'))).toMatchObject({ vendor: 'Anywhere' });
    const here = l.label(on('sid', 'site.example'));
    const anywhere = l.label(on('sid', 'third.example'));
    expect(here.confidence).toBeGreaterThan(anywhere.confidence);
  });

  it('an entry on another domain still labels the cookie when nothing else does, with less confidence', () => {
    const l = labellerOf({ vendor: 'Elsewhere', cookies: [{ name: 'sid', domains: ['other.example'] }] });
    const there = l.label(on('sid', 'other.example'));
    const here = l.label(on('sid', 'site.example'));
    expect(here.vendor).toBe('Elsewhere');
    expect(here.confidence).toBeLessThan(there.confidence);
    expect(here.reason).toContain('although Elsewhere sets it on other.example');
  });

  it('domain comes first: a pattern on the cookie’s domain beats an exact name without domains', () => {
    const l = labellerOf(
      { vendor: 'Pattern', cookies: [{ pattern: 'sid*', domains: ['site.example'] }] },
      { vendor: 'Exact', cookies: [{ name: 'sid' }] },
    );
    expect(l.label(on('sid', 'site.example'))).toMatchObject({ vendor: 'Pattern', source: 'pattern' });
    expect(l.label(on('sid', 'third.example'))).toMatchObject({ vendor: 'Exact', source: 'exact' });
  });

  describe('the same name for several vendors', () => {
    const l = labellerOf(
      {
        vendor: 'Alpha',
        cookies: [
          { name: 'token', category: 'essential' },
          { name: 'pref', category: 'functional' },
        ],
      },
      {
        vendor: 'Beta',
        cookies: [
          { name: 'token', category: 'marketing' },
          { name: 'pref', category: 'functional' },
        ],
      },
    );

    it('is ambiguous, lists the candidates and does not guess a category they disagree on', () => {
      const label = l.label(on('token'));
      expect(label.category).toBe('unknown');
      expect(label.vendor).toBeNull();
      expect(label.entryId).toBeNull();
      expect(label.ambiguous).toEqual([
        { entryId: 'alpha-vendor-documentation/token', vendor: 'Alpha', category: 'essential' },
        { entryId: 'beta-vendor-documentation/token', vendor: 'Beta', category: 'marketing' },
      ]);
      expect(label.reason).toContain('Alpha, Beta');
    });

    it('keeps the category when every candidate agrees on it', () => {
      const label = l.label(on('pref'));
      expect(label).toMatchObject({ category: 'functional', vendor: null });
      expect(label.ambiguous).toHaveLength(2);
    });

    it('is settled by the vendors seen on the page', () => {
      const label = l.label(on('token'), { vendorsOnPage: ['Beta'] });
      expect(label).toMatchObject({
        vendor: 'Beta',
        category: 'marketing',
        entryId: 'beta-vendor-documentation/token',
      });
      expect(label.ambiguous).toBeUndefined();
      expect(label.reason).toContain('present on this page');
      const alone = labellerOf({ vendor: 'Beta', cookies: [{ name: 'token', category: 'marketing' }] });
      expect(label.confidence).toBeLessThan(alone.label(on('token')).confidence);
    });

    it('stays ambiguous when the page shows neither vendor, or both', () => {
      expect(l.label(on('token'), { vendorsOnPage: ['Gamma'] }).ambiguous).toHaveLength(2);
      expect(l.label(on('token'), { vendorsOnPage: ['Alpha', 'Beta'] }).ambiguous).toHaveLength(2);
    });

    it('counts the listing vendor as present too', () => {
      const listed = labellerOf(
        { vendor: 'Creatio', cookies: [{ name: '_ga', vendor: 'Google Analytics', category: 'analytics' }] },
        { vendor: 'Other', cookies: [{ name: '_ga', category: 'marketing' }] },
      );
      expect(listed.label(on('_ga'), { vendorsOnPage: ['Creatio'] })).toMatchObject({
        vendor: 'Google Analytics',
        listedBy: 'Creatio',
      });
    });
  });

  it('vendor documentation beats the Open Cookie Database for the same name', () => {
    const l = labellerOf(
      { vendor: 'Curated', cookies: [{ name: 'sid', category: 'essential' }] },
      { vendor: 'Imported', origin: 'open-cookie-database', cookies: [{ name: 'sid', category: 'marketing' }] },
    );
    const label = l.label(on('sid'));
    expect(label).toMatchObject({ vendor: 'Curated', category: 'essential' });
    expect(label.ambiguous).toBeUndefined();
  });

  it('an Open Cookie Database entry on the cookie’s domain still beats a curated one without domains', () => {
    const l = labellerOf(
      { vendor: 'Curated', cookies: [{ name: 'sid' }] },
      { vendor: 'Imported', origin: 'open-cookie-database', cookies: [{ name: 'sid', domains: ['site.example'] }] },
    );
    expect(l.label(on('sid', 'site.example')).vendor).toBe('Imported');
  });

  it('generic entries label a cookie only on their own domains', () => {
    const l = labellerOf({
      vendor: 'LivePerson',
      cookies: [{ name: 'session_id', generic: true, domains: ['liveperson.net'] }],
    });
    expect(l.label(on('session_id', 'lo.le1.liveperson.net'))).toMatchObject({ vendor: 'LivePerson', source: 'exact' });
    expect(l.label(on('session_id', 'shop.example'))).toMatchObject({
      vendor: null,
      category: 'unknown',
      source: 'none',
    });

    const withOther = labellerOf(
      { vendor: 'LivePerson', cookies: [{ name: 'session_id', generic: true, domains: ['liveperson.net'] }] },
      { vendor: 'Framework', cookies: [{ name: 'session_id', category: 'essential' }] },
    );
    const label = withOther.label(on('session_id', 'shop.example'));
    expect(label).toMatchObject({ vendor: 'Framework', category: 'essential' });
    expect(label.ambiguous).toBeUndefined();
    expect(withOther.label(on('session_id', 'liveperson.net')).vendor).toBe('LivePerson');
  });

  it('carries what the vendor said: listing vendor, identifiable data, inferred category', () => {
    const l = labellerOf({
      vendor: 'Creatio',
      cookies: [
        { name: '_ga', vendor: 'Google Analytics', identifiable: true },
        { name: 'lpx', inferred: true, reason: 'no category given' },
      ],
    });
    expect(l.label(on('_ga'))).toMatchObject({ vendor: 'Google Analytics', listedBy: 'Creatio', identifiable: true });
    const inferred = l.label(on('lpx'));
    expect(inferred.inferred).toBe(true);
    expect(inferred.reason).toContain('inferred');
  });

  it('decides first or third party by registrable domain of the top-level page', () => {
    const l = labellerOf({ vendor: 'V', cookies: [{ name: 'c' }] });
    expect(l.label(on('c', '.shop.example.co.uk'), { topLevelUrl: 'https://www.shop.example.co.uk/a' }).party).toBe(
      'first',
    );
    expect(l.label(on('c', 'cdn.other.example'), { topLevelUrl: 'https://shop.example/' }).party).toBe('third');
    expect(l.label(on('c', 'shop.example')).party).toBe('unknown');
  });
});

describe('catalogMayDecide', () => {
  const labeller = labellerOf({
    vendor: 'Acme',
    cookies: [{ name: 'acme_id', domains: ['acme.example'] }, { pattern: 'acme_ab_*' }],
  });

  it('is true when a name, a name in other letter case or a pattern fits, wherever the cookie is', () => {
    expect(catalogMayDecide(labeller, on('acme_id', 'acme.example'))).toBe(true);
    expect(catalogMayDecide(labeller, on('acme_id', 'elsewhere.example'))).toBe(true);
    expect(catalogMayDecide(labeller, on('ACME_ID'))).toBe(true);
    expect(catalogMayDecide(labeller, on('acme_ab_42'))).toBe(true);
  });

  it('is false only when the label can come from the fallbacks alone', () => {
    expect(catalogMayDecide(labeller, on('other'))).toBe(false);
    expect(labeller.label(on('other')).source).toBe('none');
    expect(catalogMayDecide(labeller, { name: 42 as unknown as string, domain: undefined as unknown as string })).toBe(
      false,
    );
  });
});

describe('label never throws', () => {
  const l = labellerOf(
    {
      vendor: 'A',
      cookies: [
        { name: '_ga', category: 'analytics' },
        { name: 'sid', domains: ['site.example'] },
        { name: 'session_id', generic: true, domains: ['liveperson.net'] },
        { pattern: '_ga_*', category: 'analytics', lifetime: '1 year' },
        { pattern: '*-lpuw' },
        { pattern: 'LPSID-{siteId}' },
        { pattern: '{userId}_spring_*' },
        { name: 'unknown_life', lifetime: 'unknown' },
      ],
    },
    { vendor: 'B', origin: 'open-cookie-database', cookies: [{ name: 'sid', category: 'marketing' }] },
  );

  const names = fc.oneof(
    fc.constant(''),
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.constantFrom(
      '_ga',
      'sid',
      'session_id',
      'SID',
      'LPSID-',
      'LPSID-1',
      '-lpuw',
      '_spring_',
      'unknown_life',
      '__proto__',
      'constructor',
    ),
    fc.tuple(fc.constantFrom('_ga_', 'LPSID-', 'x_spring_'), fc.string({ unit: 'binary' })).map(([a, b]) => a + b),
  );
  const domains = fc.oneof(
    fc.constant(''),
    fc.domain(),
    fc.domain().map((d) => `.${d}`),
    fc.ipV4(),
    fc.ipV6(),
    fc.ipV6().map((ip) => `[${ip}]`),
    fc.constantFrom(
      'localhost',
      '.localhost',
      '..',
      '.',
      'site.example',
      '.site.example',
      'liveperson.net',
      'co.uk',
      'xn--',
    ),
    fc.string({ unit: 'binary' }),
  );
  const urls = fc.option(
    fc.oneof(
      fc.webUrl(),
      fc.string(),
      fc.constantFrom(
        'about:blank',
        'http://localhost:8080/',
        'http://127.0.0.1/',
        'http://[::1]/',
        'file:///tmp/a',
        '',
      ),
    ),
    { nil: undefined },
  );
  const cookies = fc.record(
    {
      name: names,
      domain: domains,
      value: fc.oneof(
        fc.string({ maxLength: 64 }),
        fc.constant('v'.repeat(4096)),
        fc.string({ unit: 'binary', minLength: 4096, maxLength: 4096 }),
      ),
      path: fc.constantFrom('/', '/a', ''),
      hostOnly: fc.boolean(),
      session: fc.boolean(),
      expirationDate: fc.oneof(fc.double(), fc.integer(), fc.constant(Number.NaN)),
    },
    { requiredKeys: ['name', 'domain'] },
  );

  it('returns a valid label for arbitrary cookies, pages and clocks', () => {
    fc.assert(
      fc.property(
        cookies,
        urls,
        fc.option(fc.array(fc.string()), { nil: undefined }),
        fc.option(fc.double(), { nil: undefined }),
        (cookie, topLevelUrl, vendorsOnPage, now) => {
          const label = l.label(cookie as CookieLike, { topLevelUrl, vendorsOnPage, now });
          expect(CATEGORIES).toContain(label.category);
          expect(LABEL_SOURCES).toContain(label.source);
          expect(['first', 'third', 'unknown']).toContain(label.party);
          expect(label.confidence).toBeGreaterThanOrEqual(0);
          expect(label.confidence).toBeLessThanOrEqual(1);
          expect(typeof label.reason).toBe('string');
          if (label.source === 'none') expect(label.category).toBe('unknown');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('survives inputs that break the CookieLike contract (the CLI reads hand-written files)', () => {
    for (const cookie of [
      { name: 42, domain: null },
      { name: undefined, domain: undefined },
      { name: '_ga', domain: 7 },
    ]) {
      expect(CATEGORIES).toContain(l.label(cookie as unknown as CookieLike).category);
    }
  });
});
