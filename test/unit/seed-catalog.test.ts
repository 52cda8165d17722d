import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CatalogEntry, validateCatalogFile } from '../../src/core/catalog-schema';
import { createLabeller } from '../../src/core/label';
import type { Category, DeclaredParty } from '../../src/core/types';
import { loadCatalog, readCatalogFiles } from '../../src/node/catalog-files';

/**
 * Every cookie of the three seed documents, written down from the documents themselves (not from
 * data/), and labelled through the real catalog. A row's `name` is the name as the vendor writes it,
 * with markdown escapes (`\_`) removed; site-id placeholders and trailing/leading dashes become
 * patterns, and `instance` is a concrete cookie name of that pattern.
 */

const DATA = resolve(import.meta.dirname, '../../data');
const catalog = loadCatalog(DATA);
const labeller = createLabeller(catalog);

const YEAR = 31_557_600;
const DAY = 86_400;

type ExpectedLifetime = 'session' | 'variable' | { seconds: number };

interface Row {
  name: string;
  instance?: string;
  /** Where the test cookie sits, and the page it is seen from. */
  domain: string;
  site: string;
  vendor: string;
  listedBy?: string;
  category: Exclude<Category, 'unknown'>;
  lifetime: ExpectedLifetime;
  party: DeclaredParty;
  identifiable?: boolean;
  inferred?: boolean;
  vendorCategory?: string;
}

// --- 000_71b160ed04d1308b.txt: Deskpro. "Essential / Session" and "Optional / Multi-session". ---
const HELPDESK = 'support.helpdesk-example.com';
const deskpro = (
  name: string,
  type: 'Essential / Session' | 'Optional / Multi-session',
  category: Row['category'],
): Row => ({
  name,
  domain: HELPDESK,
  site: `https://${HELPDESK}/`,
  vendor: 'Deskpro',
  category,
  lifetime: type === 'Essential / Session' ? 'session' : 'variable',
  party: 'first',
  vendorCategory: type,
});
const DESKPRO: Row[] = [
  deskpro('dpsid-admin', 'Essential / Session', 'essential'),
  deskpro('dpsid-agent', 'Essential / Session', 'essential'),
  deskpro('dpsid-portal', 'Essential / Session', 'essential'),
  deskpro('dpreme', 'Optional / Multi-session', 'functional'),
  deskpro('dp_last_lang', 'Essential / Session', 'essential'),
  deskpro('_dp_csrf_token', 'Essential / Session', 'essential'),
  deskpro('dpv', 'Optional / Multi-session', 'functional'),
  // The Messenger widget's two cookies, with the vendor's spelling: "assests", "defualt".
  deskpro('dpdefaultloader_assests_url', 'Optional / Multi-session', 'functional'),
  deskpro('dpdefualtloader_time', 'Optional / Multi-session', 'functional'),
];

// --- 002_922becc69a48404d.txt: Creatio. Durations, types and the identifiable-data notes. ---
const CRM = 'acme.creatio.com';
const SN = 'Strictly necessary';
const creatio = (
  name: string,
  lifetime: ExpectedLifetime,
  category: Row['category'],
  identifiable: boolean,
  vendorCategory: string,
  extra: Partial<Row> = {},
): Row => ({
  name,
  domain: CRM,
  site: `https://${CRM}/`,
  vendor: 'Creatio',
  category,
  lifetime,
  party: 'first',
  identifiable,
  vendorCategory,
  ...extra,
});
const GA = { vendor: 'Google Analytics', listedBy: 'Creatio' };
const IMPERVA = { vendor: 'Imperva', listedBy: 'Creatio' };
const CREATIO: Row[] = [
  creatio('ASPXAUTH', 'session', 'essential', true, SN),
  creatio('BPMLOADER', 'session', 'essential', false, SN),
  creatio('BPMSESSIONID', 'session', 'essential', true, SN),
  creatio('BPMCSRF', 'session', 'essential', false, SN),
  creatio('UserName', 'variable', 'functional', true, 'Functional cookie (Optional)'),
  creatio('UserType', 'session', 'essential', false, SN),
  creatio('SsoSessionId', 'session', 'essential', true, 'Strictly necessary (for Single Sign-On functionality)'),
  creatio('CookieConscent', { seconds: YEAR }, 'essential', false, SN),
  creatio('_ga', { seconds: YEAR }, 'analytics', true, 'Analytical / performance', GA),
  creatio('_ga_*', { seconds: YEAR }, 'analytics', true, 'Analytical / performance', {
    ...GA,
    instance: '_ga_ABC123',
  }),
  creatio(
    'verto_session_uuid',
    { seconds: DAY },
    'essential',
    false,
    'Strictly necessary (needed for Webitel integration)',
  ),
  creatio('visid_incap_*', { seconds: YEAR }, 'essential', false, SN, { ...IMPERVA, instance: 'visid_incap_987' }),
  creatio('incap_ses_*', 'session', 'essential', false, SN, { ...IMPERVA, instance: 'incap_ses_123_456' }),
  creatio('.AspNet.SharedCookie', 'session', 'essential', false, SN),
  creatio('CreatioIdentityServerAuthenticated', 'session', 'essential', false, SN),
  creatio('ExistingAlmUser', 'session', 'essential', false, SN),
  creatio('idsrv.session', 'session', 'essential', false, SN),
  creatio('sticky-session-id', 'session', 'essential', false, SN),
  creatio('product', 'session', 'essential', false, SN),
  creatio('bpmHref', { seconds: 180 * DAY }, 'essential', true, SN),
  creatio('bpmRef', { seconds: 180 * DAY }, 'essential', false, SN),
  creatio('TotpSetupToken', { seconds: 20 * 60 }, 'essential', true, SN),
  creatio('FirstFactor', { seconds: 20 * 60 }, 'essential', true, SN),
  creatio('PasswordRecover', { seconds: 20 * 60 }, 'essential', true, SN),
];

// --- 001_a21b9ec7dd057cc3.txt: LivePerson. No categories: ours are inferred from the described use. ---
const SHOP = 'https://www.shop.example/';
const ON_SITE = 'www.shop.example';
const ON_LP = 'lo.le1.liveperson.net';
const liveperson = (
  name: string,
  category: Row['category'],
  party: DeclaredParty,
  lifetime: ExpectedLifetime,
  extra: Partial<Row> = {},
): Row => ({
  name,
  domain: party === 'third' ? ON_LP : ON_SITE,
  site: SHOP,
  vendor: 'LivePerson',
  category,
  lifetime,
  party,
  inferred: true,
  ...extra,
});
const LIVEPERSON: Row[] = [
  // Monitoring data
  liveperson('LPVID', 'functional', 'first', 'variable'), // "1st party persistent"
  liveperson('LPSID-{siteId}', 'functional', 'first', 'session', { instance: 'LPSID-12345' }),
  liveperson('LPSessionID', 'functional', 'third', 'session'), // "3rd party HTTPOnly session cookie"
  liveperson('LPVisitorID', 'functional', 'third', 'variable'), // "3rd party HTTPOnly persistent"
  liveperson('lpLastVisit-*', 'functional', 'either', 'variable', { instance: 'lpLastVisit-99' }),
  liveperson('lpTabId', 'functional', 'either', 'session'),
  liveperson('lpPmCalleeDfs', 'functional', 'either', 'session'),
  // Conversation data
  liveperson('LPCID-{siteId}', 'functional', 'first', 'session', { instance: 'LPCID-98765' }),
  liveperson('LPCKEY-{siteId}', 'functional', 'first', 'session', { instance: 'LPCKEY-98765' }),
  liveperson('LivePersonID', 'functional', 'third', 'variable'),
  liveperson(
    'Storage_expiration-{siteId}',
    'functional',
    'either',
    { seconds: DAY },
    { instance: 'Storage_expiration-42' },
  ),
  liveperson('lpStrMap', 'functional', 'either', { seconds: DAY }),
  liveperson('UIConf', 'functional', 'either', { seconds: DAY }),
  liveperson('lpMessaging-*', 'functional', 'either', { seconds: DAY }, { instance: 'lpMessaging-7' }),
  liveperson('*-lpuw', 'functional', 'either', { seconds: DAY }, { instance: 'abc-lpuw' }),
  // Login cookies
  liveperson('idpLastSiteId', 'functional', 'third', 'session'),
  liveperson('idpLastDomain', 'functional', 'third', 'session'),
  liveperson('session_id', 'essential', 'third', 'session'),
  liveperson('WSHumanClickServer', 'essential', 'third', 'session'),
  liveperson('WSHumanClickWebSession', 'essential', 'third', 'session'),
  liveperson('WSHumanClickSiteNumber', 'essential', 'third', 'session'),
  liveperson('agentSessionKey', 'essential', 'third', 'session'),
  // External cookies LivePerson mentions: set by others, listed by LivePerson.
  liveperson('JSESSIONID', 'essential', 'either', 'session', {
    vendor: 'Java servlet container',
    listedBy: 'LivePerson',
    domain: ON_LP,
  }),
  liveperson('dtCookie', 'analytics', 'first', 'session', { vendor: 'Dynatrace', listedBy: 'LivePerson' }),
];

// `vendor` is the company whose product the page runs: the extension passes the vendors it recognised
// on a tab, so a cookie that several companies describe is read in the words of the one present.
const SEED_FILES: ReadonlyArray<{ path: string; source: string; vendor: string; rows: Row[]; added?: string[] }> = [
  { path: 'data/vendors/deskpro.json', source: 'seed:000_71b160ed04d1308b.txt', vendor: 'Deskpro', rows: DESKPRO },
  {
    path: 'data/vendors/liveperson.json',
    source: 'seed:001_a21b9ec7dd057cc3.txt',
    vendor: 'LivePerson',
    rows: LIVEPERSON,
  },
  // `.ASPXAUTH` is the name ASP.NET really writes for the table's `ASPXAUTH` (see its entry's reason).
  {
    path: 'data/vendors/creatio.json',
    source: 'seed:002_922becc69a48404d.txt',
    vendor: 'Creatio',
    rows: CREATIO,
    added: ['.ASPXAUTH'],
  },
];

const byId = new Map(catalog.map((e) => [e.id, e]));
const slugOf = (path: string) => path.replace(/^.*\//, '').replace(/\.json$/, '');

describe.each(SEED_FILES)('$path', ({ path, source, vendor, rows, added = [] }) => {
  const file = readCatalogFiles(DATA).find((f) => f.path === path);
  const own = file ? validateCatalogFile(path, file.data) : { entries: [], problems: ['missing'] };

  it('validates and lists exactly the cookies of its document', () => {
    expect(own.problems).toEqual([]);
    const listed = own.entries.map((e) => e.name ?? e.pattern).sort();
    expect(listed).toEqual([...rows.map((r) => r.name), ...added].sort());
  });

  it('cites its seed document and keeps purposes short', () => {
    for (const entry of own.entries) {
      expect(entry.source, entry.id).toBe(source);
      expect(entry.origin, entry.id).toBe('vendor-documentation');
      expect(entry.purpose.length, entry.id).toBeLessThanOrEqual(140);
    }
  });

  it.each(rows)('labels $name as its document states', (row) => {
    const cookieName = row.instance ?? row.name;
    const label = labeller.label(
      { name: cookieName, domain: row.domain },
      { topLevelUrl: row.site, vendorsOnPage: [vendor] },
    );
    expect(label.entryId?.startsWith(`${slugOf(path)}/`), `${cookieName} -> ${label.entryId}`).toBe(true);
    expect(label.source).toBe(row.instance ? 'pattern' : 'exact');
    expect(label.vendor).toBe(row.vendor);
    expect(label.listedBy).toBe(row.listedBy);
    expect(label.category).toBe(row.category);
    expect(label.identifiable).toBe(row.identifiable);
    expect(label.inferred).toBe(row.inferred);
    if (row.lifetime === 'session' || row.lifetime === 'variable') expect(label.lifetime.kind).toBe(row.lifetime);
    else expect(label.lifetime).toEqual({ kind: 'duration', seconds: row.lifetime.seconds });
    if (row.party !== 'either') expect(label.party).toBe(row.party);

    const entry = byId.get(label.entryId ?? '') as CatalogEntry;
    expect(entry.party).toBe(row.party);
    expect(entry.vendorCategory).toBe(row.vendorCategory);
    if (row.inferred) expect(entry.reason, 'an inferred category says why').toBeTruthy();
  });
});

describe('a cookie that one vendor lists and another sets', () => {
  it('reads in the setter’s own words where the listing vendor is not on the page', () => {
    const elsewhere = labeller.label(
      { name: '_ga', domain: '.shop.example' },
      { topLevelUrl: 'https://shop.example/' },
    );
    expect(elsewhere).toMatchObject({ vendor: 'Google Analytics', category: 'analytics', source: 'exact' });
    expect(elsewhere.listedBy).toBeUndefined();
    expect(elsewhere.entryId).toBe('google-analytics/_ga');
  });

  it('reads in the listing vendor’s words where its product is on the page', () => {
    const onCreatio = labeller.label(
      { name: '_ga_K7Q2X9LM', domain: '.crm.example' },
      { topLevelUrl: 'https://crm.example/', vendorsOnPage: ['Creatio'] },
    );
    expect(onCreatio).toMatchObject({ vendor: 'Google Analytics', listedBy: 'Creatio', category: 'analytics' });
    expect(onCreatio.entryId).toBe('creatio/_ga_*');
  });
});

describe('seed names are the vendors’ characters, nothing else', () => {
  const HEADER_CELLS = ['Name', 'Description', 'Туре', 'Type', 'Applies To', 'Cookie Name', 'Duration'];
  const seedEntries = catalog.filter((e) => /^(deskpro|creatio|liveperson)\//.test(e.id));

  it('uses printable ASCII only: the Deskpro header’s Cyrillic "Туре" did not leak into a name', () => {
    expect('Туре').not.toBe('Type'); // the header really is a look-alike
    for (const entry of seedEntries) {
      const key = entry.name ?? entry.pattern ?? '';
      expect(key, entry.id).toMatch(/^[\x21-\x7e]+$/);
      expect(HEADER_CELLS, entry.id).not.toContain(key);
      expect(key, `${entry.id}: markdown escape left in`).not.toContain('\\');
      if (entry.vendorCategory) expect(entry.vendorCategory, entry.id).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  // A labeller over the seed files alone, so that other catalog files cannot mask a wrong match.
  const seedOnly = createLabeller(seedEntries);
  const vendorOf = (name: string, domain = 'www.shop.example') => seedOnly.label({ name, domain }).vendor;

  it.each([
    ['dpdefaultloader_assets_url', 'the vendor’s typo is kept, not corrected'],
    ['dpdefaultloader_time', 'the vendor’s typo is kept, not corrected'],
    ['CookieConsent', 'Creatio writes CookieConscent'],
    ['dpsid-p\u043ertal', 'a Cyrillic o is not a Latin o'],
    ['LPSID-', 'a site-id placeholder needs at least one character'],
    ['LPSID12345', 'the dash is part of the pattern'],
    ['_gat', '_ga_* needs the underscore'],
    ['xlpuw', '*-lpuw needs the dash'],
    ['lpLastVisit', 'lpLastVisit-* needs the dash'],
  ])('does not label %s (%s)', (name) => {
    expect(vendorOf(name)).toBeNull();
  });

  it('labels generic names only on the vendor’s own domain', () => {
    for (const name of ['product', 'UserName', 'UserType', '.ASPXAUTH', 'idsrv.session', 'session_id', 'JSESSIONID']) {
      expect(vendorOf(name, 'www.shop.example'), name).toBeNull();
    }
    expect(vendorOf('product', 'acme.creatio.com')).toBe('Creatio');
    expect(vendorOf('.ASPXAUTH', 'acme.creatio.com')).toBe('Creatio');
    expect(vendorOf('session_id', 'lo.le1.liveperson.net')).toBe('LivePerson');
    expect(vendorOf('JSESSIONID', 'lo.le1.liveperson.net')).toBe('Java servlet container');
  });

  it('labels a vendor-specific name on any site (self-hosted helpdesks and CRMs)', () => {
    expect(vendorOf('dpsid-portal', 'help.example.org')).toBe('Deskpro');
    expect(vendorOf('BPMCSRF', 'crm.example.org')).toBe('Creatio');
    expect(vendorOf('ASPXAUTH', 'crm.example.org')).toBe('Creatio');
    expect(vendorOf('visid_incap_1', 'example.org')).toBe('Imperva');
  });
});
