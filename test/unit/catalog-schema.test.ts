import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canonicalCatalogFile,
  canonicalFormProblem,
  duplicateKeys,
  formatCatalogFile,
  schemaReference,
} from '../../src/core/catalog-format';
import {
  CatalogError,
  ENTRY_FIELDS,
  FILE_FIELDS,
  validateCatalog,
  validateCatalogFile,
} from '../../src/core/catalog-schema';
import { readCatalogFiles } from '../../src/node/catalog-files';

const PATH = 'data/vendors/acme.json';
const VALID = {
  name: 'acme_id',
  category: 'functional',
  purpose: 'Remembers a choice.',
  lifetime: '1 year',
  party: 'first',
};

function file(cookies: unknown[], top: Record<string, unknown> = {}) {
  return { vendor: 'Acme', origin: 'vendor-documentation', source: 'seed:acme.txt', cookies, ...top };
}

/** `value` without `key`: absent, which is not the same as present and undefined. */
function omit(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _omitted, ...rest } = value;
  return rest;
}

/** The problems the schema finds in a file holding these entries. */
function problems(cookies: unknown[], top: Record<string, unknown> = {}): string[] {
  return validateCatalogFile(PATH, file(cookies, top)).problems;
}

describe('catalog schema rejects bad entries, naming the file and the entry', () => {
  it('accepts a valid entry', () => {
    const { entries, problems } = validateCatalogFile(PATH, file([VALID]));
    expect(problems).toEqual([]);
    expect(entries).toMatchObject([{ id: 'acme/acme_id', vendor: 'Acme', lifetime: { kind: 'duration' } }]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown field', { ...VALID, colour: 'red' }, 'entry 0 ("acme_id"): unknown field "colour"'],
    [
      'an unknown category',
      { ...VALID, category: 'advertising' },
      'entry 0 ("acme_id"): unknown category "advertising"',
    ],
    ['the category "unknown"', { ...VALID, category: 'unknown' }, 'unknown category "unknown"'],
    ['a missing category', { ...VALID, category: undefined }, 'unknown category undefined'],
    // Absent rather than undefined: reported by the field's own rule too.
    ['an absent purpose', omit(VALID, 'purpose'), 'entry 0 ("acme_id"): "purpose" must be a non-empty string'],
    ['an absent lifetime', omit(VALID, 'lifetime'), 'entry 0 ("acme_id"): invalid lifetime undefined'],
    ['an absent party', omit(VALID, 'party'), 'entry 0 ("acme_id"): "party" must be one of first, third, either'],
    ['an empty name', { ...VALID, name: '' }, 'entry 0 (""): "name" must be a non-empty string'],
    ['a blank name', { ...VALID, name: '   ' }, '"name" must be a non-empty string'],
    ['neither name nor pattern', { ...VALID, name: undefined }, 'entry 0: needs exactly one of "name" or "pattern"'],
    ['both name and pattern', { ...VALID, pattern: 'acme_*' }, 'needs exactly one of "name" or "pattern"'],
    [
      'a name that is a pattern',
      { ...VALID, name: 'acme_*' },
      '"name" looks like a pattern; use "pattern" for "acme_*"',
    ],
    [
      'a pattern with two wildcards in a row',
      { ...VALID, name: undefined, pattern: 'a*{id}' },
      'invalid pattern: two wildcards in a row',
    ],
    [
      'an unclosed placeholder',
      { ...VALID, name: undefined, pattern: 'LPSID-{siteId' },
      'invalid pattern: unclosed or invalid placeholder',
    ],
    ['a stray brace', { ...VALID, name: undefined, pattern: 'a}*' }, 'invalid pattern: stray "}"'],
    [
      'a pattern of wildcards only',
      { ...VALID, name: undefined, pattern: '*' },
      'invalid pattern: pattern "*" has no literal text',
    ],
    [
      'a pattern without a wildcard',
      { ...VALID, name: undefined, pattern: 'acme' },
      '"acme" has no wildcard; use "name"',
    ],
    ['a lifetime with an unknown unit', { ...VALID, lifetime: '2 fortnights' }, 'invalid lifetime "2 fortnights"'],
    ['an abbreviated lifetime', { ...VALID, lifetime: '20 mins' }, 'invalid lifetime "20 mins"'],
    ['a zero lifetime', { ...VALID, lifetime: '0 days' }, 'invalid lifetime "0 days"'],
    ['a variable lifetime without a note', { ...VALID, lifetime: 'variable: ' }, 'invalid lifetime "variable: "'],
    ['a lifetime that is not text', { ...VALID, lifetime: 365 }, 'invalid lifetime 365'],
    [
      'a domain with a leading dot',
      { ...VALID, domains: ['.acme.com'] },
      'invalid domain ".acme.com" (lower case, no leading dot)',
    ],
    ['an upper-case domain', { ...VALID, domains: ['Acme.com'] }, 'invalid domain "Acme.com"'],
    ['a URL as domain', { ...VALID, domains: ['https://acme.com'] }, 'invalid domain "https://acme.com"'],
    ['domains that are not a list', { ...VALID, domains: 'acme.com' }, '"domains" must be an array'],
    [
      'a zero-width space in a name',
      { ...VALID, name: 'acme\u200b_id' },
      '"name" contains a character a cookie name cannot hold',
    ],
    [
      'a byte-order mark in a name',
      { ...VALID, name: '\ufeffacme_id' },
      '"name" contains a character a cookie name cannot hold',
    ],
    [
      'a soft hyphen in a name',
      { ...VALID, name: 'acme\u00adid' },
      '"name" contains a character a cookie name cannot hold',
    ],
    ['a tab in a name', { ...VALID, name: 'acme_id\t' }, '"name" contains a character a cookie name cannot hold'],
    ['a space in a name', { ...VALID, name: 'acme id' }, '"name" contains a character a cookie name cannot hold'],
    [
      'a markdown escape in a name',
      { ...VALID, name: 'acme\\_id' },
      '"name" contains a character a cookie name cannot hold',
    ],
    [
      'a hidden character in a pattern',
      { ...VALID, name: undefined, pattern: 'acme\u200d_*' },
      '"pattern" contains a character',
    ],
    ['an unknown party', { ...VALID, party: 'second' }, '"party" must be one of first, third, either'],
    ['an empty purpose', { ...VALID, purpose: ' ' }, '"purpose" must be a non-empty string'],
    ['a long purpose', { ...VALID, purpose: 'x'.repeat(161) }, '"purpose" is 161 characters'],
    ['identifiable as text', { ...VALID, identifiable: 'yes' }, '"identifiable" must be true or false'],
    ['an empty vendor override', { ...VALID, vendor: '' }, '"vendor" must be a non-empty string'],
    ['an empty reason', { ...VALID, reason: '' }, '"reason" must be a non-empty string'],
  ])('rejects %s', (_what, entry, message) => {
    const found = problems([entry]);
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.some((p) => p.startsWith(`${PATH}: `) && p.includes(message)),
      found.join('\n'),
    ).toBe(true);
  });

  it('names the entry by index and name, so a long file is easy to fix', () => {
    const found = problems([VALID, { ...VALID, name: 'acme_other', category: 'ads' }]);
    expect(found).toEqual([
      `${PATH}: entry 1 ("acme_other"): unknown category "ads" (use essential, functional, analytics, marketing)`,
    ]);
  });

  it('rejects a duplicate entry (same name, vendor and domains)', () => {
    expect(problems([VALID, { ...VALID, purpose: 'Again.' }])).toEqual([
      `${PATH}: entry 1 ("acme_id"): duplicate of entry 0 (same name, vendor and domains)`,
    ]);
    expect(
      problems([
        { ...VALID, domains: ['a.com', 'b.com'] },
        { ...VALID, domains: ['b.com', 'a.com'] },
      ]),
    ).toEqual([`${PATH}: entry 1 ("acme_id"): duplicate of entry 0 (same name, vendor and domains)`]);
  });

  it('sees an entry naming the file’s own vendor as the same vendor as one that names none', () => {
    expect(problems([VALID, { ...VALID, vendor: 'Acme' }])).toEqual([
      `${PATH}: entry 1 ("acme_id"): duplicate of entry 0 (same name, vendor and domains)`,
    ]);
  });

  it('rejects a domain listed twice in one entry', () => {
    expect(
      problems([
        { ...VALID, domains: ['a.com', 'b.com', 'a.com'] },
        { ...VALID, domains: ['a.com'] },
      ]),
    ).toEqual([`${PATH}: entry 0 ("acme_id"): domain "a.com" is listed twice`]);
  });

  it('rejects a generic entry without domains, which could never label a cookie', () => {
    expect(problems([{ ...VALID, generic: true }])).toEqual([
      `${PATH}: entry 0 ("acme_id"): "generic": true needs "domains", the only domains on which a generic name labels a cookie`,
    ]);
    expect(problems([{ ...VALID, generic: true, domains: ['acme.com'] }])).toEqual([]);
    expect(problems([{ ...VALID, generic: false }])).toEqual([]);
  });

  it('accepts the same name for another vendor or other domains, with distinct ids', () => {
    const { entries, problems: found } = validateCatalogFile(
      PATH,
      file([VALID, { ...VALID, vendor: 'Other' }, { ...VALID, domains: ['acme.com'] }]),
    );
    expect(found).toEqual([]);
    expect(entries.map((e) => e.id)).toEqual(['acme/acme_id', 'acme/acme_id#2', 'acme/acme_id#3']);
    expect(entries[1]).toMatchObject({ vendor: 'Other', listedBy: 'Acme' });
    expect(entries[0].listedBy).toBeUndefined();
  });

  it('reports every problem of an entry, not just the first', () => {
    const found = problems([{ ...VALID, category: 'ads', lifetime: 'soon', party: 'nobody' }]);
    expect(found).toHaveLength(3);
  });

  it.each<[string, unknown, string]>([
    ['a file that is not an object', [], 'the file must hold a JSON object'],
    ['an unknown top-level field', file([VALID], { license: 'MIT' }), 'unknown field "license" at the top level'],
    [
      'an unknown origin',
      file([VALID], { origin: 'blog' }),
      '"origin" must be one of vendor-documentation, open-cookie-database',
    ],
    ['a missing vendor', file([VALID], { vendor: undefined }), '"vendor" must be a non-empty string'],
    ['a missing source', file([VALID], { source: '' }), '"source" must be a non-empty string'],
    ['an absent vendor', omit(file([VALID]), 'vendor'), '"vendor" must be a non-empty string'],
    ['an absent cookies list', omit(file([VALID]), 'cookies'), '"cookies" must be an array'],
    ['cookies that are not a list', file([], { cookies: {} }), '"cookies" must be an array'],
  ])('rejects %s', (_what, data, message) => {
    expect(validateCatalogFile(PATH, data).problems).toContain(`${PATH}: ${message}`);
  });

  it('throws one CatalogError listing the problems of every file', () => {
    const run = () =>
      validateCatalog([
        { path: 'data/vendors/a.json', data: file([{ ...VALID, category: 'ads' }]) },
        { path: 'data/vendors/b.json', data: file([{ ...VALID, name: '' }]) },
      ]);
    expect(run).toThrow(CatalogError);
    try {
      run();
    } catch (e) {
      const { problems: found, message } = e as CatalogError;
      expect(found).toHaveLength(2);
      expect(message).toContain('data/vendors/a.json: entry 0 ("acme_id"): unknown category "ads"');
      expect(message).toContain('data/vendors/b.json: entry 0 (""): "name" must be a non-empty string');
    }
  });

  it('rejects two files whose entries would share an id', () => {
    expect(() =>
      validateCatalog([
        { path: 'data/vendors/acme.json', data: file([VALID]) },
        { path: 'data/imported/acme.json', data: file([VALID]) },
      ]),
    ).toThrow('entry id "acme/acme_id" is also used in data/vendors/acme.json; rename one file');
  });

  it('explains an id that two entries of one file share, without asking to rename the file', () => {
    const run = () =>
      validateCatalog([
        {
          path: PATH,
          data: file([VALID, { ...VALID, domains: ['acme.com'] }, { ...VALID, name: 'acme_id#2' }]),
        },
      ]);
    expect(run).toThrow(
      `${PATH}: entry id "acme/acme_id#2" is given to two entries of this file: a name ending in "#<n>" reads as the number of a repeated name`,
    );
    expect(run).not.toThrow('rename one file');
  });
});

describe('the canonical form of a catalog file', () => {
  // Written out by hand, not by the formatter, so the test says what canonical is.
  const CANONICAL = `{
  "$schema": "../catalog-file.schema.json",
  "vendor": "Acme",
  "origin": "vendor-documentation",
  "source": "seed:acme.txt",
  "cookies": [
    {
      "name": "B",
      "category": "functional",
      "purpose": "Remembers a choice.",
      "lifetime": "1 year",
      "party": "first"
    },
    {
      "pattern": "_a*",
      "vendor": "Other",
      "category": "analytics",
      "purpose": "Counts visits.",
      "lifetime": "session",
      "party": "third",
      "domains": [
        "other.com"
      ],
      "reason": "Set by Other."
    }
  ]
}
`;

  it('accepts a file in canonical form', () => {
    expect(canonicalFormProblem(PATH, CANONICAL)).toBeNull();
    expect(formatCatalogFile(PATH, JSON.parse(CANONICAL))).toBe(CANONICAL);
  });

  it("rejects an entry's fields out of the README's order, naming the line", () => {
    const swapped = CANONICAL.replace(
      '"name": "B",\n      "category": "functional",',
      '"category": "functional",\n      "name": "B",',
    );
    expect(JSON.parse(swapped)).toEqual(JSON.parse(CANONICAL));
    expect(canonicalFormProblem(PATH, swapped)).toBe(
      `${PATH}: not in canonical form from line 8 ("      \\"category\\": \\"functional\\",", expected "      \\"name\\": \\"B\\","); run npm run format:data`,
    );
    expect(formatCatalogFile(PATH, JSON.parse(swapped))).toBe(CANONICAL);
  });

  it('rejects top-level fields out of order, and a file without $schema', () => {
    const data = JSON.parse(CANONICAL);
    const { vendor, ...rest } = data;
    const vendorLast = `${JSON.stringify({ ...rest, vendor }, null, 2)}\n`;
    expect(canonicalFormProblem(PATH, vendorLast)).toContain('not in canonical form from line 3');
    const { $schema: _schema, ...noSchema } = data;
    expect(canonicalFormProblem(PATH, `${JSON.stringify(noSchema, null, 2)}\n`)).toContain(
      'not in canonical form from line 2',
    );
  });

  it('rejects entries out of order and sorts them by name or pattern in character-code order', () => {
    const data = JSON.parse(CANONICAL);
    data.cookies.reverse();
    expect(canonicalFormProblem(PATH, `${JSON.stringify(data, null, 2)}\n`)).toContain('from line 8');
    const names = ['b', '_a', 'B', '.x', 'a*'].map((name) => ({
      ...(name.includes('*') ? { pattern: name } : { name }),
    }));
    const sorted = canonicalCatalogFile(PATH, { cookies: names }) as {
      cookies: Array<{ name?: string; pattern?: string }>;
    };
    expect(sorted.cookies.map((c) => c.name ?? c.pattern)).toEqual(['.x', 'B', '_a', 'a*', 'b']);
  });

  it('keeps entries with the same name in the order they came', () => {
    const cookies = [
      { ...VALID, domains: ['b.com'] },
      { ...VALID, name: 'a' },
      { ...VALID, domains: ['a.com'] },
    ];
    const sorted = canonicalCatalogFile(PATH, file(cookies)) as { cookies: Array<{ domains?: string[] }> };
    expect(sorted.cookies.map((c) => c.domains?.[0])).toEqual([undefined, 'b.com', 'a.com']);
  });

  it('loses nothing: unknown fields stay, after the known ones, and so does a "__proto__" key', () => {
    const data = JSON.parse(
      '{"colour":"red","cookies":[{"__proto__":1,"note":"x","name":"a","category":"essential"}],"vendor":"Acme"}',
    );
    expect(JSON.stringify(canonicalCatalogFile(PATH, data))).toBe(
      '{"$schema":"../catalog-file.schema.json","vendor":"Acme","cookies":[{"name":"a","category":"essential","__proto__":1,"note":"x"}],"colour":"red"}',
    );
    expect(canonicalCatalogFile(PATH, [1, 2])).toEqual([1, 2]);
  });

  it('refuses a key written twice, which JSON.parse would drop without a word', () => {
    const twice = CANONICAL.replace(
      '"purpose": "Counts visits.",',
      '"purpose": "Counts visits.",\n      "purpose": "Other.",',
    );
    expect(duplicateKeys(twice)).toEqual(['purpose']);
    expect(duplicateKeys('{"a":{"b":1},"c":{"b":2},"d":["b","b"],"e":"\\"b\\":"}')).toEqual([]);
    expect(canonicalFormProblem(PATH, twice)).toBe(
      `${PATH}: the key "purpose" appears twice in one object; JSON keeps only the last`,
    );
  });

  it('names a file that is not JSON', () => {
    expect(canonicalFormProblem(PATH, '{"vendor":')).toMatch(/^data\/vendors\/acme\.json: not valid JSON: /);
  });

  it('points $schema at data/catalog-file.schema.json from where the file is', () => {
    expect(schemaReference('data/vendors/acme.json')).toBe('../catalog-file.schema.json');
    expect(schemaReference('data/acme.json')).toBe('catalog-file.schema.json');
    expect(schemaReference('data/a/b/acme.json')).toBe('../../catalog-file.schema.json');
  });

  it("follows data/README.md: its tables list a file's and an entry's fields in canonical order", () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../data/README.md'), 'utf8');
    const tableAfter = (heading: string) => {
      const rest = readme.slice(readme.indexOf(heading) + heading.length).split('\n');
      const start = rest.findIndex((line) => line.startsWith('|'));
      const end = rest.findIndex((line, i) => i > start && !line.startsWith('|'));
      return rest
        .slice(start + 2, end)
        .map((line) => /^\| `([^`]+)` \|/.exec(line)?.[1])
        .filter((field) => field !== undefined);
    };
    expect(tableAfter('\nTop level:\n')).toEqual([...FILE_FIELDS]);
    expect(tableAfter('\nAn entry:\n')).toEqual([...ENTRY_FIELDS]);
  });
});

describe('the catalog in data/', () => {
  const DATA = resolve(import.meta.dirname, '../../data');
  const files = readCatalogFiles(DATA);

  it('has files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('validates as a whole', () => {
    expect(() => validateCatalog(files)).not.toThrow();
  });

  describe.each(files.map((f) => [f.path, f] as const))('%s', (path, { data }) => {
    const cookies = (data as { cookies: Array<{ name?: string; pattern?: string }> }).cookies;
    const keyOf = (c: { name?: string; pattern?: string }) => c.name ?? c.pattern ?? '';

    it('is in canonical form: $schema, fields in order, entries sorted, 2-space JSON (npm run format:data)', () => {
      const text = readFileSync(resolve(DATA, '..', path), 'utf8');
      expect(canonicalFormProblem(path, text)).toBeNull();
    });

    it('has printable-ASCII names: no look-alike letters pasted from a document', () => {
      const bad = cookies.map(keyOf).filter((k) => !/^[\x21-\x7e]+$/.test(k));
      expect(bad).toEqual([]);
    });
  });
});
