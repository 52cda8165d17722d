import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type CuratedIndex, curatedKey, OCD_SOURCE } from '../../scripts/ocd/build';
import { isSplitCandidate, mapCategory } from '../../scripts/ocd/category-rules';
import { CsvError, parseCsv } from '../../scripts/ocd/csv';
import { parseDomainField } from '../../scripts/ocd/domain-rules';
import { isGenericName } from '../../scripts/ocd/generic-names';
import { genericPurpose } from '../../scripts/ocd/generic-purpose';
import { isCookieName, isTooBroadPrefix, nameKey, namesWithConflictingFlags } from '../../scripts/ocd/name-rules';
import {
  longestSharedRun,
  NotesError,
  type Override,
  type PurposeNote,
  purposeOriginality,
  readOverrides,
  readPurposeFiles,
} from '../../scripts/ocd/notes';
import { nameWords, preferenceRuleFor } from '../../scripts/ocd/preference-rules';
import { formatPurposeFile, labelPurposeFile } from '../../scripts/ocd/purpose-labels';
import { canonicalRetention } from '../../scripts/ocd/retention-rules';
import { type OcdRow, readOcdCsv } from '../../scripts/ocd/rows';
import { cleanText } from '../../scripts/ocd/text';
import { caseInsensitiveVendors, UNATTRIBUTED, vendorName, vendorSlug } from '../../scripts/ocd/vendor-rules';
import { formatCatalogFile, schemaReference } from '../../src/core/catalog-format';
import { validateCatalog } from '../../src/core/catalog-schema';
import { createLabeller } from '../../src/core/label';
import { parseLifetime } from '../../src/core/lifetime';
import { compilePattern } from '../../src/core/patterns';

/** Rows written for these tests; the descriptions are invented, never the database's. */
const HEADER =
  'ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,Data Controller,User Privacy & GDPR Rights Portals,Wildcard match';

let nextId = 1;
function uuid(): string {
  return `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`;
}

function row(fields: Partial<OcdRow>): OcdRow {
  return {
    id: uuid(),
    platform: 'Acme',
    category: 'Marketing',
    name: 'acme_id',
    domain: '',
    description: 'An invented description for a test row.',
    retention: '1 year',
    dataController: 'Acme',
    wildcard: '0',
    row: 1,
    ...fields,
  };
}

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines",\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
    ]);
  });

  it('accepts CRLF, a byte-order mark and a missing final line break', () => {
    expect(parseCsv('\ufeffa,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('"",x\n')).toEqual([['', 'x']]);
  });

  it.each([
    ['an unclosed quote', 'a,"b\n', 'never closed'],
    ['a quote inside an unquoted field', 'a,b"c\n', 'a quote inside an unquoted field'],
    ['text after a closing quote', 'a,"b"c\n', 'after a closing quote'],
  ])('rejects %s with its line', (_what, text, message) => {
    expect(() => parseCsv(text)).toThrow(CsvError);
    expect(() => parseCsv(text)).toThrow(message);
  });

  it('reads back any table written with RFC 4180 quoting', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', 'é', '\t') });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(table, (records) => {
        const text = records
          .map((r) => r.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(','))
          .join('\r\n');
        expect(parseCsv(text)).toEqual(records);
      }),
    );
  });
});

describe('readOcdCsv', () => {
  const line = (id: string, name: string) => `${id},Acme,Marketing,${name},,"Invented, for tests",1 year,Acme,,0`;

  it('maps the columns by header name', () => {
    const [r] = readOcdCsv(`${HEADER}\n${line('AAAAAAAA-0000-4000-8000-000000000001', 'acme_id')}\n`);
    expect(r).toMatchObject({
      id: 'aaaaaaaa-0000-4000-8000-000000000001',
      platform: 'Acme',
      name: 'acme_id',
      description: 'Invented, for tests',
      wildcard: '0',
      row: 1,
    });
  });

  it('stops on a missing column, a short row, a bad or repeated ID', () => {
    expect(() => readOcdCsv('ID,Platform\n')).toThrow('no column "Category"');
    expect(() => readOcdCsv(`${HEADER}\nx,y\n`)).toThrow('row 1: 2 fields where the header has 10');
    expect(() => readOcdCsv(`${HEADER}\n${line('not-a-uuid', 'a')}\n`)).toThrow('is not a UUID');
    const id = '00000000-0000-4000-8000-000000000001';
    expect(() => readOcdCsv(`${HEADER}\n${line(id, 'a')}\n${line(id, 'b')}\n`)).toThrow('row 2: ID');
  });
});

describe('cleanText: hidden and look-alike characters', () => {
  it.each([
    ['soft hyphen inside a name', 'logglytrackings\u00adession', 'logglytrackingsession', 'invisible-removed'],
    ['zero-width space after a domain', '.commander1.com\u200b', '.commander1.com', 'invisible-removed'],
    ['trailing tab', 'ce_need_secure_cookie\t', 'ce_need_secure_cookie', 'whitespace-trimmed'],
    ['Cyrillic С in Latin text', '\u0421ookie test', 'Cookie test', 'lookalike-folded'],
    ['zero-width joiner at the start', '\u200dckid', 'ckid', 'invisible-removed'],
  ])('%s', (_what, raw, text, fix) => {
    const cleaned = cleanText(raw);
    expect(cleaned.text).toBe(text);
    expect(cleaned.fixes).toContain(fix);
  });

  it('leaves clean text and wholly Cyrillic text alone', () => {
    expect(cleanText('_ga')).toEqual({ text: '_ga', fixes: [] });
    expect(cleanText('сессия').text).toBe('сессия');
  });
});

describe('nameKey: wildcard flags and markers', () => {
  it('turns a flagged prefix into a pattern that matches the prefix and longer names', () => {
    const key = nameKey('_hjSessionUser_', '1');
    expect(key).toMatchObject({ kind: 'pattern', key: '_hjSessionUser_*' });
    const pattern = compilePattern(key.key);
    expect(pattern.regex.test('_hjSessionUser_123')).toBe(true);
    expect(pattern.regex.test('_hjSession_123')).toBe(false);
    expect(nameKey('_gat', '1').key).toBe('_gat*');
    expect(nameKey('crisp-client/', '1').key).toBe('crisp-client/*');
  });

  it('keeps an exact name', () => {
    expect(nameKey('_fbp', '0')).toEqual({ kind: 'name', key: '_fbp', fixes: [] });
  });

  it.each([
    ['SSPR_*', 'SSPR_*', 'marker-asterisk', 'SSPR_abc'],
    ['SCM*', 'SCM*', 'marker-asterisk', 'SCMx'],
    ['pm_sess_NNN', 'pm_sess_{number}', 'marker-nnn', 'pm_sess_42'],
    ['aboutads_sessNNN', 'aboutads_sess{number}', 'marker-nnn', 'aboutads_sess7'],
    ['pagead/conv/%INTEGER%', 'pagead/conv/{integer}', 'marker-percent', 'pagead/conv/123'],
    ['pvc_visits[0]', 'pvc_visits[{index}]', 'marker-index', 'pvc_visits[3]'],
  ])('reads the marker in %s (flagged 0) as a pattern', (name, key, fix, instance) => {
    const result = nameKey(name, '0');
    expect(result).toMatchObject({ kind: 'pattern', key });
    expect(result.fixes).toContain(fix);
    expect(compilePattern(result.key).regex.test(instance)).toBe(true);
  });

  it('keeps a bracketed word literal: PHP array cookies have fixed keys', () => {
    expect(nameKey('barometric[cuid]', '0')).toEqual({ kind: 'name', key: 'barometric[cuid]', fixes: [] });
  });

  it('does not double a wildcard already written', () => {
    expect(nameKey('UID_EXT_*', '1').key).toBe('UID_EXT_*');
  });

  it('keeps only the exact name for prefixes too short to be safe', () => {
    expect(isTooBroadPrefix('_s')).toBe(true);
    expect(isTooBroadPrefix('cap')).toBe(true);
    expect(isTooBroadPrefix('mp_')).toBe(false);
    expect(isTooBroadPrefix('_gat')).toBe(false);
    expect(nameKey('_s', '1')).toEqual({ kind: 'name', key: '_s', fixes: ['wildcard-too-broad'] });
    expect(nameKey('mp_', '1').key).toBe('mp_*');
  });

  it('reads a name flagged both ways as exact', () => {
    const rows = [
      { name: 'euconsent', wildcard: '0' },
      { name: 'euconsent', wildcard: '1' },
      { name: '_ga_', wildcard: '1' },
    ];
    const conflicting = namesWithConflictingFlags(rows);
    expect([...conflicting]).toEqual(['euconsent']);
    expect(nameKey('euconsent', '1', conflicting.has('euconsent'))).toEqual({
      kind: 'name',
      key: 'euconsent',
      fixes: ['wildcard-conflict'],
    });
  });

  it('knows what a browser can use as a cookie name', () => {
    expect(isCookieName('a0_users:sess.sig')).toBe(true);
    expect(isCookieName('Site History')).toBe(false);
    expect(isCookieName('na;me')).toBe(false);
    expect(isCookieName('naïve')).toBe(false);
    expect(isCookieName('')).toBe(false);
  });
});

describe('parseDomainField', () => {
  it.each<[string, string[], string]>([
    ['', [], 'first'],
    ['shopify.com', ['shopify.com'], 'either'],
    ['.linkedin.com', ['linkedin.com'], 'either'],
    ['cookiebot.com (3rd party)', ['cookiebot.com'], 'third'],
    ['.bing.com (3rd party) or .microsoft.com (3rd party)', ['bing.com', 'microsoft.com'], 'third'],
    ['google-analytics.com (3rd party) or ', ['google-analytics.com'], 'third'],
    [' or 207.net (3rd party)', ['207.net'], 'third'],
    ['ads-[account].adhese.com', ['adhese.com'], 'either'],
    ['.commander1.com\u200b', ['commander1.com'], 'either'],
    ['.amplitude.com.', ['amplitude.com'], 'either'],
    [' .mediarithmics.com', ['mediarithmics.com'], 'either'],
    ['Shopify.com', ['shopify.com'], 'either'],
  ])('%j', (raw, domains, party) => {
    expect(parseDomainField(raw)).toMatchObject({ domains, party, rejected: [] });
  });

  it('drops what is not a domain name and reports it', () => {
    expect(parseDomainField('ut')).toMatchObject({ domains: [], rejected: ['ut'], fixes: ['domain-invalid-dropped'] });
    expect(parseDomainField('id5-sync').rejected).toEqual(['id5-sync']);
  });

  it('names the fixes it made', () => {
    expect(parseDomainField('google-analytics.com (3rd party) or ').fixes).toEqual([
      'domain-text-cleaned',
      'domain-list-split',
    ]);
    expect(parseDomainField('ads-[account].adhese.com').fixes).toEqual(['domain-placeholder-label-dropped']);
    expect(parseDomainField('.amplitude.com.').fixes).toEqual(['domain-trailing-dot-removed']);
    expect(parseDomainField('.linkedin.com').fixes).toEqual([]);
  });
});

describe('canonicalRetention', () => {
  it.each([
    ['session', 'session'],
    ['Session', 'session'],
    ['Seesion', 'session'],
    ['Sessions', 'session'],
    ['End of session (browser)', 'session'],
    ['1 Year', '1 year'],
    ['2 year', '2 years'],
    ['1 months', '1 month'],
    ['365 days', '365 days'],
    ['1440 Minutes', '1440 minutes'],
    ['30 mins', '30 minutes'],
    ['30 secs', '30 seconds'],
    ['90 sec', '90 seconds'],
    [' 1 year ', '1 year'],
    ['0 days', 'session'],
    ['Immediately removed', 'session'],
    ['Unknown', 'unknown'],
    ['undefined', 'unknown'],
    ['', 'unknown'],
    ['Local Storage', 'unknown'],
    ['forever', 'variable: never expires'],
    ['Unlimited', 'variable: never expires'],
    ['Varies', 'variable: varies'],
    ['Persistent', 'variable: persistent, duration not stated'],
    ['2 years after last activity', '2 years'],
    ['13 months by default, modifiable', '13 months'],
    ['1 year (in some countries, the period may be longer)', '1 year'],
    ['10 years from set/ update', '10 years'],
    ['Session to 30 days', 'variable: session to 30 days'],
    ['30 seconds till 1 year', 'variable: 30 seconds to 1 year'],
    ['1 hour or longer', 'variable: 1 hour or longer'],
    ['30 minutes, 3w or 1y depending on value', 'variable: 30 minutes, 3 weeks or 1 year depending on the value'],
    ['10 Nov 2030', 'variable: until 10 Nov 2030'],
  ])('%j -> %j', (raw, lifetime) => {
    const result = canonicalRetention(raw);
    expect(result.lifetime).toBe(lifetime);
    expect(parseLifetime(result.lifetime)).not.toBeNull();
  });

  it('says when the text was already canonical, and when it could not read it', () => {
    expect(canonicalRetention('13 months').fixes).toEqual([]);
    expect(canonicalRetention('1 Year').fixes).toEqual(['retention-respelled']);
    expect(canonicalRetention('Awin')).toEqual({ lifetime: 'unknown', fixes: ['retention-not-understood'] });
  });
});

describe('category mapping', () => {
  it.each([
    ['Functional', 'essential'],
    ['Security', 'essential'],
    ['Necessary', 'essential'],
    ['Personalization', 'functional'],
    ['Analytics', 'analytics'],
    ['Marketing', 'marketing'],
    [' marketing ', 'marketing'],
  ])('%s -> %s', (ocd, ours) => {
    expect(mapCategory(ocd)).toBe(ours);
  });

  it('does not guess an unknown category', () => {
    expect(mapCategory('Advertising-ish')).toBeNull();
  });

  it('only splits upstream Functional rows', () => {
    expect(isSplitCandidate('Functional')).toBe(true);
    expect(isSplitCandidate('Security')).toBe(false);
    expect(isSplitCandidate('Necessary')).toBe(false);
  });
});

describe('preference rules: essential versus functional', () => {
  it('splits names into words', () => {
    expect(nameWords('wixLanguage')).toEqual(['wix', 'language']);
    expect(nameWords('PLAY_LANG')).toEqual(['play', 'lang']);
    expect(nameWords('twitch.lohp.countryCode')).toEqual(['twitch', 'lohp', 'country', 'code']);
    expect(nameWords('CMSPreferredCulture')).toEqual(['cms', 'preferred', 'culture']);
  });

  it.each([
    ['Polylang', 'pll_language', 'preference-language'],
    ['Next.js', 'NEXT_LOCALE', 'preference-language'],
    ['Acme', 'shop_currency', 'preference-currency'],
    ['GitHub', 'color_mode', 'preference-appearance'],
    ['LinkedIn', 'li_theme', 'preference-appearance'],
    ['Shopify', '_shopify_country', 'preference-region'],
    ['Magento', 'recently_viewed_product', 'preference-recently-viewed'],
    ['nopCommerce', 'NopCommerce.RecentlyViewedProducts', 'preference-recently-viewed'],
    ['Xenforo', 'xf_notice_dismiss', 'preference-page-state'],
    ['WordPress', 'wp-settings-', 'preference-settings'],
    ['Crisp', 'crisp-client/', 'preference-chat-widget'],
    ['Tawk.to', 'TawkConnectionTime', 'preference-chat-widget'],
    ['Zendesk', 'ZD-widgetOpen', 'preference-chat-widget'],
    ['Belco', 'belco-anonymous-id', 'preference-chat-widget'],
    ['Acme', 'wishlist_items', 'preference-wishlist'],
    ['Acme', 'myFavourites', 'preference-wishlist'],
    // A wishlist app's own session is the session of an optional feature.
    ['Swym', 'swym-session-id', 'preference-wishlist'],
  ])('%s %s is a preference (%s)', (vendor, name, id) => {
    expect(preferenceRuleFor(vendor, name)?.id).toBe(id);
  });

  it.each([
    ['Shopify', 'cart_currency', 'the cart'],
    ['Acme', 'lang_session', 'a session'],
    ['Acme', 'csrf_locale', 'a CSRF token'],
    ['Cookiebot', 'userlang', 'a consent manager'],
    ['HubSpot', '__hs_notify_banner_dismiss', 'a consent banner'],
    ['Laravel', 'laravel_session', 'nothing preference-like'],
    ['CleanTalk', 'ct_timezone', 'nothing preference-like'],
    ['Acme', 'wishlist_session', 'a session'],
  ])('%s %s stays essential (%s)', (vendor, name) => {
    expect(preferenceRuleFor(vendor, name)).toBeNull();
  });
});

describe('generic names', () => {
  it('marks short lower-case names and common words, not distinctive short names', () => {
    for (const name of ['c', 'ts', 'uid', 'token', 'sess', 'LANG', 'test'])
      expect(isGenericName(name), name).toBe(true);
    for (const name of ['_fbp', 'IDE', 'NID', '_s', 'bcookie', 'AMCV_']) expect(isGenericName(name), name).toBe(false);
  });
});

describe('vendors', () => {
  it('merges spellings of one company and names the empty platform', () => {
    expect(vendorName('Hubspot')).toEqual({ vendor: 'HubSpot', fixes: ['vendor-alias-merged'] });
    expect(vendorName('betweendigital.com').vendor).toBe('BetweenDigital');
    expect(vendorName('')).toEqual({ vendor: UNATTRIBUTED, fixes: ['vendor-empty'] });
    expect(vendorName(' Hotjar ')).toEqual({ vendor: 'Hotjar', fixes: ['vendor-text-cleaned'] });
  });

  it('folds case-only spellings to the most used one', () => {
    const folded = caseInsensitiveVendors(['NewCo', 'Newco', 'Newco', 'Other']);
    expect(folded.get('NewCo')).toBe('Newco');
    expect(folded.get('Other')).toBe('Other');
  });

  it('makes file names', () => {
    expect(vendorSlug('Google reCAPTCHA')).toBe('google-recaptcha');
    expect(vendorSlug('Joomla!')).toBe('joomla');
    expect(vendorSlug('Azure / Microsoft')).toBe('azure-microsoft');
    expect(vendorSlug('Wix.com')).toBe('wix-com');
    expect(vendorSlug('!!!')).toBe('vendor');
  });
});

describe('our notes: purpose files and overrides', () => {
  const id = '00000000-0000-4000-8000-0000000000aa';

  it('merges purpose files and accepts the same note twice', () => {
    const note = { purpose: 'Keeps the chosen language.', category: 'functional', reason: 'a preference' };
    const merged = readPurposeFiles([
      { path: 'a.json', data: { [id]: note } },
      { path: 'b.json', data: { [id.toUpperCase()]: note, $comment: 'ignored' } },
    ]);
    expect(merged.get(id)).toEqual({ ...note, file: 'a.json' });
  });

  it('rejects bad notes, naming the file and the ID', () => {
    const bad = () =>
      readPurposeFiles([
        { path: 'a.json', data: { [id]: { purpose: 'x'.repeat(161) }, 'not-a-uuid': { purpose: 'ok' } } },
        { path: 'b.json', data: { [id]: { purpose: 'Another text.', colour: 'red', category: 'ads' } } },
      ]);
    expect(bad).toThrow(NotesError);
    try {
      bad();
    } catch (e) {
      expect((e as NotesError).problems).toEqual([
        `a.json: ${id}: "purpose" is 161 characters; keep it under 160`,
        'a.json: not-a-uuid: the key is not a UUID',
        `b.json: ${id}: unknown field "colour"`,
        `b.json: ${id}: unknown category "ads" (use essential, functional, analytics, marketing)`,
        `b.json: ${id}: also in a.json with different content; keep one`,
      ]);
    }
  });

  it('reads the cookie and vendor labels of a note, which must not be empty', () => {
    const note = { cookie: '_ga_*', vendor: 'Google Analytics', purpose: 'Counts visits.' };
    expect(readPurposeFiles([{ path: 'a.json', data: { [id]: note } }]).get(id)).toEqual({ ...note, file: 'a.json' });
    expect(() => readPurposeFiles([{ path: 'a.json', data: { [id]: { ...note, cookie: ' ' } } }])).toThrow(
      `a.json: ${id}: "cookie" must be a non-empty string`,
    );
  });

  it('labels the notes of a purpose file with their cookie and vendor, first, changing nothing else', () => {
    const gone = '00000000-0000-4000-8000-0000000000bb';
    const data = {
      $comment: 'kept',
      [id.toUpperCase()]: { purpose: 'Counts visits.', vendor: 'Old name', category: 'analytics', reason: 'why' },
      [gone]: { cookie: 'old', vendor: 'Gone', purpose: 'A note for a row no longer upstream.' },
    };
    const labels = new Map([[id, { cookie: '_ga_*', vendor: 'Google Analytics' }]]);
    const text = formatPurposeFile(labelPurposeFile(data, labels));
    expect(text).toBe(`{
  "$comment": "kept",
  "${id.toUpperCase()}": {
    "cookie": "_ga_*",
    "vendor": "Google Analytics",
    "purpose": "Counts visits.",
    "category": "analytics",
    "reason": "why"
  },
  "${gone}": {
    "cookie": "old",
    "vendor": "Gone",
    "purpose": "A note for a row no longer upstream."
  }
}
`);
  });

  it('requires a reason for every override and checks its fields', () => {
    expect(readOverrides('o.json', { [id]: { reason: 'typo upstream', domains: ['acme.com'] } }).get(id)).toEqual({
      reason: 'typo upstream',
      domains: ['acme.com'],
    });
    expect(() => readOverrides('o.json', { [id]: { drop: true } })).toThrow('"reason" must say why');
    expect(() => readOverrides('o.json', { [id]: { reason: 'r', domains: ['.acme.com'] } })).toThrow('"domains"');
    expect(() => readOverrides('o.json', { [id]: { reason: 'r', lifetime: '20 mins' } })).toThrow('"lifetime"');
  });

  it('tells a copied purpose from a close paraphrase and from our own words', () => {
    const description =
      'Registers a unique ID that is used to generate statistical data on how the visitor uses the website.';
    expect(longestSharedRun('the visitor uses the website', description)).toBe(5);
    expect(purposeOriginality(description, description)).toBe('copied');
    expect(purposeOriginality('Used to generate statistical data on how the visitor uses it.', description)).toBe(
      'copied',
    );
    expect(purposeOriginality('An ID used to generate statistical data on how people browse.', description)).toBe(
      'close',
    );
    expect(purposeOriginality('Counts visits for the site owner’s statistics.', description)).toBe('own');
  });

  it('writes plainly generic purposes', () => {
    expect(genericPurpose('Hotjar', 'analytics')).toBe('Set by Hotjar for analytics.');
    expect(genericPurpose('Cloudflare', 'essential')).toBe(
      'Set by Cloudflare; needed for the site or service to work.',
    );
    expect(genericPurpose(UNATTRIBUTED, 'marketing')).toBe('Set by an unnamed service for advertising or marketing.');
    expect(genericPurpose('WPML', 'functional', 'Remembers the language chosen on the site.')).toBe(
      'Set by WPML. Remembers the language chosen on the site.',
    );
  });
});

describe('buildCatalog', () => {
  const none: CuratedIndex = { keys: new Set(), slugs: new Set() };

  function build(
    rows: OcdRow[],
    notes: Record<string, Omit<PurposeNote, 'file'>> = {},
    overrides: Record<string, Override> = {},
    curated = none,
  ) {
    const purposes = new Map(Object.entries(notes).map(([k, v]) => [k, { ...v, file: 'test.json' }]));
    return buildCatalog({ rows, purposes, overrides: new Map(Object.entries(overrides)), curated });
  }

  function entries(result: ReturnType<typeof build>) {
    return [...result.files.values()].flatMap((f) => f.cookies.map((c) => ({ vendor: f.vendor, ...c })));
  }

  it('maps categories, splits preferences with a reason, and writes valid files', () => {
    const rows = [
      row({ platform: 'Acme', category: 'Functional', name: 'acme_session' }),
      row({ platform: 'Acme', category: 'Functional', name: 'acme_lang' }),
      row({ platform: 'Acme', category: 'Personalization', name: 'acme_layout_choice' }),
      row({ platform: 'Acme', category: 'Security', name: 'acme_theme_guard' }),
      row({ platform: 'Acme', category: 'Analytics', name: 'acme_stats', wildcard: '1' }),
    ];
    const result = build(rows);
    const byName = Object.fromEntries(entries(result).map((e) => [e.name ?? e.pattern, e]));
    expect(byName.acme_session).toMatchObject({
      category: 'essential',
      purpose: 'Set by Acme; needed for the site or service to work.',
    });
    expect(byName.acme_session.reason).toBeUndefined();
    expect(byName.acme_lang).toMatchObject({
      category: 'functional',
      inferred: true,
      reason: expect.stringContaining('language'),
      purpose: 'Set by Acme. Remembers the language or locale chosen on the site.',
    });
    expect(byName.acme_layout_choice.category).toBe('functional');
    // Security rows are never split, whatever their name says.
    expect(byName.acme_theme_guard.category).toBe('essential');
    expect(byName['acme_stats*']).toMatchObject({ category: 'analytics', ocdId: rows[4].id });
    expect(result.report).toMatchObject({
      rowsRead: 5,
      entriesWritten: 5,
      vendors: 1,
      perCategory: { essential: 2, functional: 2, analytics: 1, marketing: 0 },
      withoutPurpose: 5,
    });
    expect(result.report.rules['preference-language']).toBe(1);
    const file = result.files.get('acme');
    expect(file).toMatchObject({ vendor: 'Acme', origin: 'open-cookie-database', source: OCD_SOURCE });
    expect(() =>
      validateCatalog([...result.files].map(([s, data]) => ({ path: `data/x/${s}.json`, data }))),
    ).not.toThrow();
  });

  it('sorts entries in character-code order and writes canonical JSON', () => {
    const result = build([row({ name: 'b' }), row({ name: '_a' }), row({ name: 'B' }), row({ name: '.x' })]);
    const file = result.files.get('acme');
    expect(file?.cookies.map((c) => c.name)).toEqual(['.x', 'B', '_a', 'b']);
    // The importer builds entries in canonical order, so writing them in canonical form moves nothing.
    const path = 'data/open-cookie-database/acme.json';
    expect(formatCatalogFile(path, file)).toBe(
      `${JSON.stringify({ $schema: schemaReference(path), ...file }, null, 2)}\n`,
    );
  });

  it('lets our purpose files decide purpose and category, with their reason', () => {
    const lang = row({ category: 'Functional', name: 'acme_lang' });
    const track = row({ category: 'Functional', name: 'acme_track' });
    const result = build([lang, track], {
      [lang.id]: {
        purpose: 'Keeps the language a visitor picked.',
        category: 'essential',
        reason: 'needed by the login page',
      },
      [track.id]: { purpose: 'Follows visitors across pages for ads.', category: 'marketing' },
    });
    const [first, second] = entries(result);
    expect(first).toMatchObject({ name: 'acme_lang', category: 'essential', reason: 'needed by the login page' });
    expect(first.inferred).toBeUndefined();
    expect(second).toMatchObject({ name: 'acme_track', category: 'marketing', reason: 'category reviewed by hand' });
    expect(result.report.withoutPurpose).toBe(0);
  });

  it('never ships a purpose copied from the database description', () => {
    const r = row({
      description: 'Stores a unique visitor identifier that is used to show relevant adverts on partner sites.',
    });
    const result = build([r], {
      [r.id]: { purpose: 'Stores a unique visitor identifier that is used to show relevant adverts on partner sites.' },
    });
    expect(entries(result)[0].purpose).toBe('Set by Acme for advertising or marketing.');
    expect(result.report.copiedPurposes).toEqual([r.id]);
  });

  it('applies overrides: drop, name, category, domains, lifetime', () => {
    const dropped = row({ name: 'junk' });
    const swapped = row({ platform: 'betweendigital.com', name: 'betweendigital.com', domain: 'ut' });
    const fixed = row({ name: 'acme_x', domain: 'acme.comm', retention: 'whenever' });
    const result = build(
      [dropped, swapped, fixed],
      {},
      {
        [dropped.id]: { reason: 'not a cookie', drop: true },
        [swapped.id]: { reason: 'columns swapped', name: 'ut', domains: ['betweendigital.com'] },
        [fixed.id]: { reason: 'typo', domains: ['acme.com'], category: 'functional', lifetime: '2 days' },
      },
    );
    expect(result.report.dropped).toEqual([{ id: dropped.id, name: 'junk', why: 'not a cookie' }]);
    expect(entries(result)).toEqual([
      expect.objectContaining({
        vendor: 'Acme',
        name: 'acme_x',
        category: 'functional',
        reason: 'typo',
        domains: ['acme.com'],
        lifetime: '2 days',
      }),
      expect.objectContaining({ vendor: 'BetweenDigital', name: 'ut', domains: ['betweendigital.com'], generic: true }),
    ]);
  });

  it('keeps both vendors of a name with conflicting categories, so the labeller decides by domain', () => {
    const rows = [
      row({ platform: 'Adform', category: 'Marketing', name: 'token', domain: 'adform.net (3rd party)' }),
      row({ platform: 'Xandr', category: 'Functional', name: 'token', domain: '.adnxs.com' }),
      row({ platform: 'PubMatic', category: 'Functional', name: 'chkx', domain: 'pubmatic.com' }),
      row({ platform: 'Mediarithmics', category: 'Marketing', name: 'chkx', domain: '.mediarithmics.com' }),
    ];
    const result = build(rows);
    const files = [...result.files].map(([path, data]) => ({ path: `data/t/${path}.json`, data }));
    const labeller = createLabeller(validateCatalog(files));
    const site = { topLevelUrl: 'https://shop.example/' };
    expect(labeller.label({ name: 'token', domain: '.adform.net' }, site)).toMatchObject({
      vendor: 'Adform',
      category: 'marketing',
    });
    expect(labeller.label({ name: 'token', domain: 'ib.adnxs.com' }, site)).toMatchObject({
      vendor: 'Xandr',
      category: 'essential',
    });
    // `token` is generic: on the site's own domain it is nobody's.
    expect(labeller.label({ name: 'token', domain: 'shop.example' }, site).source).toBe('none');
    // `chkx` is not generic: elsewhere it is ambiguous and, as the categories differ, unknown.
    const elsewhere = labeller.label({ name: 'chkx', domain: 'shop.example' }, site);
    expect(elsewhere.category).toBe('unknown');
    expect(elsewhere.ambiguous?.map((c) => c.vendor).sort()).toEqual(['Mediarithmics', 'PubMatic']);
  });

  it('cleans names, wildcard flags and duplicates across rows', () => {
    const rows = [
      row({ platform: 'ShareThis', name: 'euconsent', wildcard: '1', category: 'Functional' }),
      row({ platform: 'LiveRamp', name: 'euconsent', wildcard: '0' }),
      row({ platform: 'Loggly', name: 'logglytrackings\u00adession' }),
      row({ platform: 'Crazy Egg', name: 'ce_need_secure_cookie\t' }),
      row({ platform: 'Qualtrics', name: 'Site History' }),
      row({ platform: 'Sonobi', name: '__uis', domain: '.go.sonobi.com (3rd party)' }),
      row({ platform: 'Sonobi', name: '__uis', domain: 'go.sonobi.com', category: 'Functional' }),
      row({ platform: '', name: 'XSRF-TOKEN', category: 'Security' }),
    ];
    const result = build(rows);
    const names = entries(result).map((e) => `${e.vendor}:${e.name ?? e.pattern}`);
    expect(names.sort()).toEqual([
      'Crazy Egg:ce_need_secure_cookie',
      'LiveRamp:euconsent',
      'Loggly:logglytrackingsession',
      'ShareThis:euconsent',
      'Sonobi:__uis',
      `${UNATTRIBUTED}:XSRF-TOKEN`,
    ]);
    const uis = entries(result).find((e) => e.name === '__uis');
    // The two rows disagree; the merged entry keeps the stricter reading.
    expect(uis).toMatchObject({ category: 'essential', party: 'third', domains: ['go.sonobi.com'] });
    expect(result.report.rules).toMatchObject({
      'wildcard-conflict': 1,
      'name-invisible-removed': 1,
      'name-whitespace-trimmed': 1,
      'name-not-a-cookie-name': 1,
      'duplicate-row-merged': 1,
      'vendor-empty': 1,
    });
  });

  it('takes the retention from the Data Controller column when the two are swapped', () => {
    const result = build([row({ name: 'lantern', retention: 'Awin', dataController: '29 days' })]);
    expect(entries(result)[0].lifetime).toBe('29 days');
    expect(result.report.rules['retention-columns-swapped']).toBe(1);
  });

  it('leaves out what a vendor-documented file already says, and never reuses its file name', () => {
    const rows = [
      row({ platform: 'Google Analytics', name: '_ga' }),
      row({ platform: 'Google Analytics', name: '_gid' }),
    ];
    const curated: CuratedIndex = {
      keys: new Set([curatedKey('Google Analytics', '_ga')]),
      slugs: new Set(['google-analytics']),
    };
    const result = build(rows, {}, {}, curated);
    expect([...result.files.keys()]).toEqual(['google-analytics-ocd']);
    expect(entries(result).map((e) => e.name)).toEqual(['_gid']);
    expect(result.report.dropped).toEqual([
      { id: rows[0].id, name: '_ga', why: 'already in a vendor-documented catalog file' },
    ]);
  });

  it('labels every row read with its catalog name or pattern and vendor, and reports notes labelled otherwise', () => {
    const rows = [
      row({ platform: 'Hubspot', name: '__hs_', wildcard: '1' }),
      row({ platform: 'HubSpot', name: 'dropped' }),
      row({ platform: 'Acme', name: 'Site History' }),
      row({ platform: 'Acme', name: 'acme_id' }),
    ];
    const result = build(
      rows,
      {
        [rows[0].id]: { purpose: 'A.', cookie: '__hs_*', vendor: 'HubSpot' },
        [rows[2].id]: { purpose: 'B.' },
        [rows[3].id]: { purpose: 'C.', cookie: 'acme_uid', vendor: 'Acme' },
      },
      { [rows[1].id]: { reason: 'not a cookie', drop: true } },
    );
    expect([...result.labels]).toEqual([
      [rows[0].id, { cookie: '__hs_*', vendor: 'HubSpot' }],
      [rows[1].id, { cookie: 'dropped', vendor: 'HubSpot' }],
      [rows[2].id, { cookie: 'Site History', vendor: 'Acme' }],
      [rows[3].id, { cookie: 'acme_id', vendor: 'Acme' }],
    ]);
    expect(result.report.staleLabels).toEqual([
      `${rows[2].id}: no label, the row is "Site History" (Acme)`,
      `${rows[3].id}: "acme_uid" (Acme), the row is "acme_id" (Acme)`,
    ]);
  });

  it('reports notes for rows the database no longer has, and unmapped categories', () => {
    const gone = '00000000-0000-4000-8000-00000000ffff';
    const odd = row({ category: 'Mystery' });
    const result = build([odd], { [gone]: { purpose: 'Old note.' } }, { [gone]: { reason: 'old', drop: true } });
    expect(result.report.unusedPurposes).toEqual([gone]);
    expect(result.report.unusedOverrides).toEqual([gone]);
    expect(result.report.dropped[0]).toMatchObject({ id: odd.id, why: 'category "Mystery" is not mapped' });
    expect(result.files.size).toBe(0);
  });
});

describe('the imported files in data/open-cookie-database', () => {
  const DIR = resolve(import.meta.dirname, '../../data/open-cookie-database');
  const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

  it('come from the Open Cookie Database, cite it, and carry each row ID once', () => {
    expect(files.length).toBeGreaterThan(100);
    const ids = new Set<string>();
    for (const name of files) {
      const file = JSON.parse(readFileSync(resolve(DIR, name), 'utf8'));
      expect(file.origin, name).toBe('open-cookie-database');
      expect(file.source, name).toBe(OCD_SOURCE);
      expect(name).toBe(`${vendorSlug(file.vendor)}${name.endsWith('-ocd.json') ? '-ocd' : ''}.json`);
      for (const entry of file.cookies) {
        expect(entry.ocdId, `${name}: ${entry.name ?? entry.pattern}`).toMatch(/^[0-9a-f-]{36}$/);
        expect(ids.has(entry.ocdId), entry.ocdId).toBe(false);
        ids.add(entry.ocdId);
      }
    }
  });

  it('have purpose notes labelled with the cookie and vendor of the entry they describe', () => {
    const PURPOSES = resolve(import.meta.dirname, '../../data/_ocd-purposes');
    const imported = new Map<string, { cookie: string; vendor: string }>();
    for (const name of files) {
      const file = JSON.parse(readFileSync(resolve(DIR, name), 'utf8'));
      for (const e of file.cookies) imported.set(e.ocdId, { cookie: e.name ?? e.pattern, vendor: file.vendor });
    }
    const wrong: string[] = [];
    let labelled = 0;
    for (const name of readdirSync(PURPOSES).filter((f) => f.endsWith('.json'))) {
      const notes = JSON.parse(readFileSync(resolve(PURPOSES, name), 'utf8')) as Record<string, Record<string, string>>;
      for (const [id, note] of Object.entries(notes)) {
        if (id.startsWith('$')) continue;
        const entry = imported.get(id.toLowerCase());
        const ok = entry ? note.cookie === entry.cookie && note.vendor === entry.vendor : note.cookie && note.vendor;
        if (!ok)
          wrong.push(
            `${name}: ${id}: ${JSON.stringify([note.cookie, note.vendor])}, the entry is ${JSON.stringify(entry)}`,
          );
        if (entry) labelled += 1;
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(labelled).toBeGreaterThan(1000);
  });

  // Classes of correction from data/_ocd-overrides.json and the purpose files, one example each:
  // if a re-import loses one, the class it stands for is probably lost too.
  const entryOf = (file: string, name: string) => {
    const data = JSON.parse(readFileSync(resolve(DIR, `${file}.json`), 'utf8'));
    const found = data.cookies.find((e: { name?: string; pattern?: string }) => (e.name ?? e.pattern) === name);
    expect(found, `${file}/${name}`).toBeDefined();
    return found as { category: string; reason?: string };
  };

  it.each([
    ['hubspot', '__hstc', 'analytics', "the vendor's documentation says analytics"],
    ['shopify', '_shopify_sa_t', 'analytics', 'the same description as its Analytics twin'],
    ['intercom', 'intercom-session-*', 'functional', 'a chat widget'],
    ['zendesk', '__zlcmid', 'functional', 'a chat widget'],
    ['swym', 'swym-session-id', 'functional', 'a wishlist app'],
    ['google-optimize', '_gaexp', 'analytics', 'an A/B test'],
    ['yandex-metrica', '_ym_debug', 'analytics', 'part of an analytics tool'],
    ['braze', 'ab._gd', 'marketing', 'part of a marketing tool'],
    ['bing-microsoft', 'ToptOut', 'essential', 'an opt-out record'],
    ['adobe-audience-manager', 'renderid', 'essential', "a web server's routing, whatever the vendor column says"],
  ])('%s/%s is %s (%s)', (file, name, category) => {
    const entry = entryOf(file, name);
    expect(entry.category).toBe(category);
    if (category !== 'essential') expect(entry.reason).toEqual(expect.any(String));
  });
});
