import fc from 'fast-check';
import type { LabelledCookie } from '../../src/core/export/labelled-cookie';
import type { Category, Label, Lifetime, Party } from '../../src/core/types';

/**
 * Inputs that break naive writers, shared by the export tests. Browsers never produce some of
 * them (line breaks in a name), but the CLI labels hand-written files, so every format must cope.
 */
export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  'a,b',
  '"quoted"',
  'say ""hi""',
  'tab\there',
  'line\nbreak',
  'crlf\r\nbreak',
  'lone\rcr',
  'pipe|in|name',
  'escaped\\|pipe',
  'back`tick',
  '``double``',
  '`edge',
  'edge`',
  ' padded ',
  '\\',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x","y")',
  '*emph* _u_ [link](x) ~s~ &amp;',
  '# heading',
  'æøå Ærlig',
  'שלום',
  'emoji 🍪👩‍👩‍👧',
  'e\u0301 combining',
  '中文クッキー',
  '\u0000nul',
  'x'.repeat(20_000),
];

export function lifetime(kind: Lifetime['kind']): Lifetime {
  switch (kind) {
    case 'session':
      return { kind };
    case 'unknown':
      return { kind };
    case 'variable':
      return { kind, note: 'set by the site owner' };
    case 'duration':
      return { kind, seconds: 31_557_600 };
  }
}

export function makeLabel(overrides: Partial<Label> = {}): Label {
  return {
    category: 'analytics',
    vendor: 'Acme Analytics',
    purpose: 'Counts visits.',
    lifetime: { kind: 'duration', seconds: 63_115_200 },
    party: 'first',
    source: 'exact',
    confidence: 0.95,
    entryId: 'acme/_acme',
    reason: 'exact name in the catalog (Acme, vendor documentation)',
    ifDeleted: 'nothing',
    ifDeletedReason: 'analytics cookies only serve the site and its partners',
    ...overrides,
  };
}

export function makeCookie(
  overrides: Partial<LabelledCookie['cookie']> = {},
  label: Partial<Label> = {},
): LabelledCookie {
  return {
    cookie: {
      name: '_acme',
      value: 'GA1.2.3',
      domain: '.example.test',
      path: '/',
      secure: true,
      httpOnly: false,
      sameSite: 'lax',
      hostOnly: false,
      session: false,
      expirationDate: 1_800_000_000.5,
      storeId: '0',
      ...overrides,
    },
    label: makeLabel(label),
  };
}

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.stringMatching(/^[,"\t\r\n|`\\ a]{0,12}$/) },
);

const category = fc.constantFrom<Category>('essential', 'functional', 'analytics', 'marketing', 'unknown');
const party = fc.constantFrom<Party>('first', 'third', 'unknown');

/** Any cookie, with hostile text in every string a person or a site controls. */
export const labelledCookieArb: fc.Arbitrary<LabelledCookie> = fc
  .record({
    name: text,
    value: text,
    domain: fc.oneof(fc.constantFrom('example.test', '.example.test', 'sub.shop.test', '127.0.0.1'), text),
    path: fc.oneof(fc.constant('/'), fc.constant('/a/b'), text),
    secure: fc.boolean(),
    httpOnly: fc.boolean(),
    hostOnly: fc.boolean(),
    sameSite: fc.constantFrom('no_restriction', 'lax', 'strict', 'unspecified'),
    session: fc.boolean(),
    expiry: fc.integer({ min: 1, max: 4_000_000_000 }),
    partitioned: fc.boolean(),
    category,
    party,
    vendor: fc.option(text, { nil: null }),
    purpose: fc.option(text, { nil: null }),
    lifetimeKind: fc.constantFrom<Lifetime['kind']>('session', 'duration', 'variable', 'unknown'),
  })
  .map((r) => ({
    cookie: {
      name: r.name,
      value: r.value,
      domain: r.domain,
      path: r.path,
      secure: r.secure,
      httpOnly: r.httpOnly,
      hostOnly: r.hostOnly,
      sameSite: r.sameSite,
      session: r.session,
      ...(r.session ? {} : { expirationDate: r.expiry + 0.25 }),
      storeId: '0',
      ...(r.partitioned ? { partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: false } } : {}),
    },
    label: makeLabel({
      category: r.category,
      party: r.party,
      vendor: r.vendor,
      purpose: r.purpose,
      lifetime: lifetime(r.lifetimeKind),
    }),
  }));
