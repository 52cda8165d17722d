import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, nodeIO } from '../../../src/cli/main';
import { fakeIO } from './fake-io';

const STACK_LINE = /^\s+at /m;

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function label(input: unknown, ...args: string[]) {
  const io = fakeIO(typeof input === 'string' ? input : JSON.stringify(input));
  const code = await main(['label', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('cookie-inspector label', () => {
  it('prints one JSON label per input cookie, in order, with the required fields', async () => {
    const { code, out, err } = await label([
      { name: 'dpsid-portal', domain: 'help.example.com' },
      { name: 'zz-nobody-knows-me', domain: 'example.org' },
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const records = JSON.parse(out);
    expect(records.map((r: { name: string }) => r.name)).toEqual(['dpsid-portal', 'zz-nobody-knows-me']);
    for (const r of records) {
      for (const field of [
        'name',
        'domain',
        'category',
        'vendor',
        'purpose',
        'lifetime',
        'party',
        'source',
        'confidence',
        'reason',
      ]) {
        expect(r).toHaveProperty(field);
      }
    }
    expect(records[0]).toMatchObject({
      vendor: 'Deskpro',
      category: 'essential',
      source: 'exact',
      lifetime: 'session',
    });
  });

  it('decides first or third party from --site, or from a per-cookie site', async () => {
    const cookies = [
      { name: 'dpsid-portal', domain: '.example.com' },
      { name: 'dpsid-portal', domain: '.example.com', site: 'https://other.test/' },
    ];
    const { out } = await label(cookies, '--site', 'www.example.com');
    expect(JSON.parse(out).map((r: { party: string }) => r.party)).toEqual(['first', 'third']);
    const none = await label(cookies.slice(0, 1));
    expect(JSON.parse(none.out)[0].party).toBe('unknown');
  });

  it('prints a table when asked, with control characters in names escaped', async () => {
    const { code, out } = await label([{ name: 'evil\u001b[31mred', domain: 'example.com' }], '--format', 'table');
    expect(code).toBe(0);
    expect(out).toContain('NAME');
    expect(out).toContain('evil\\u001b[31mred');
    expect(out).not.toContain('\u001b');
  });

  // A name a hostile site could set: C1 controls (CSI, NEL, OSC), bidi overrides and isolates,
  // marks, Unicode tags, Hangul and Braille fillers, a Mongolian vowel separator, a backslash.
  const HOSTILE_NAME =
    'a\u009b31m\u0085\u009d0;t\u009c\u202e\u202a\u2066\u2067\u2068\u2069\u200e\u200f\u061c' +
    '\u{e0001}\u{e0041}\u{e007f}\u115f\u3164\u2800\u180e\u00a0\u007f\\z';
  // What must not reach the terminal raw; the test writes its own list rather than reuse the code's.
  const RAW_UNSAFE =
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what the output must not hold.
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00a0\u061c\u115f\u180e\u200e\u200f\u202a-\u202e\u2066-\u2069\u2800\u3164]|\u{e0001}|\u{e0041}|\u{e007f}/u;

  it('writes hostile characters in JSON as \\u escapes that parse back to the same name', async () => {
    const { code, out, err } = await label([{ name: HOSTILE_NAME, domain: 'evil\u202e.example', value: '\u0085' }]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).not.toMatch(RAW_UNSAFE);
    expect(out).toContain('\\u009b31m');
    expect(out).toContain('\\u202e');
    expect(out).toContain('\\udb40\\udc41');
    expect(out).toContain('\\\\z');
    const [record] = JSON.parse(out);
    expect(record.name).toBe(HOSTILE_NAME);
    expect(record.domain).toBe('evil\u202e.example');
  });

  it('shows hostile characters in the table as visible escapes, never cut in half', async () => {
    const { code, out } = await label(
      [
        { name: HOSTILE_NAME, domain: 'example.com' },
        { name: `${'x'.repeat(37)}\u001b[31m`, domain: 'example.com' },
      ],
      '--format',
      'table',
    );
    expect(code).toBe(0);
    expect(out).not.toMatch(RAW_UNSAFE);
    expect(out).toContain('a\\u009b31m\\u0085');
    expect(out).toContain(`${'x'.repeat(37)}…`);
    expect(out).not.toMatch(/\\u0?0?1?…/);
  });

  it.each([
    ['not JSON', '{nope', /input is not JSON/],
    ['not an array', { name: 'a', domain: 'b' }, /must be a JSON array of cookies, not object/],
    ['a cookie without a name', [{ name: 'ok', domain: 'a.com' }, { domain: 'b.com' }], /cookie 1: "name" is missing/],
    ['a wrong type', [{ name: 'ok', domain: 'a.com', secure: 'yes' }], /cookie 0: "secure" must be true or false/],
    ['a non-object item', [42], /cookie 0: must be an object/],
  ])('rejects %s with exit code 2, a message naming the item, and no output', async (_, input, message) => {
    const { code, out, err } = await label(input);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('rejects an expiry after the year 9999, such as one in milliseconds', async () => {
    const { code, out, err } = await label([
      { name: 'a', domain: 'a.com', expirationDate: 1e300 },
      { name: 'b', domain: 'b.com', expirationDate: 1_750_000_000_000 },
      { name: 'c', domain: 'c.com', expirationDate: 253_402_300_799 },
    ]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/cookie 0: "expirationDate" 1e\+300 is after the year 9999; give seconds since 1970/);
    expect(err).toMatch(/cookie 1: "expirationDate" 1750000000000 is after the year 9999/);
    expect(err).not.toMatch(/cookie 2/);
  });

  it('reads the `expires` of a Puppeteer or Playwright cookie, -1 meaning a session cookie', async () => {
    const now = Math.floor(Date.now() / 1000);
    const { code, out, err } = await label([
      { name: 'zz-unlisted-a', domain: 'a.com', expires: -1 },
      { name: 'zz-unlisted-b', domain: 'b.com', expires: now + 30 * 86_400 },
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out).map((r: { lifetime: string }) => r.lifetime)).toEqual(['session', '30 days']);
    const millis = await label([{ name: 'c', domain: 'c.com', expires: now * 1000 }]);
    expect(millis.code).toBe(2);
    expect(millis.err).toMatch(/cookie 0: "expires" \d+ is after the year 9999/);
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const { code, out, err } = await label(`\uFEFF${JSON.stringify([{ name: 'a', domain: 'a.com' }])}`);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveLength(1);
  });

  it('lets --site apply to a cookie whose own site is empty', async () => {
    const { out } = await label([{ name: 'a', domain: '.example.com', site: '' }], '--site', 'example.com');
    expect(JSON.parse(out)[0].party).toBe('first');
  });

  it('sees an international cookie domain as first party on the same site given in Unicode', async () => {
    const { out } = await label([{ name: 'a', domain: 'bücher.de' }], '--site', 'bücher.de');
    expect(JSON.parse(out)[0].party).toBe('first');
  });

  it('labels a name by an entry on its domain even when it differs in letter case', async () => {
    const { out } = await label([{ name: 'OID', domain: '.salesforce.com' }], '--site', 'https://example.org/');
    expect(JSON.parse(out)[0]).toMatchObject({ vendor: 'Salesforce', category: 'essential' });
  });

  it('rejects unknown options and formats', async () => {
    expect((await label([], '--colour')).err).toMatch(/unknown option --colour/);
    expect((await label([], '--format', 'xml')).err).toMatch(/--format must be one of json, table/);
  });

  it('labels strange but valid cookies without failing', async () => {
    const strange = [
      { name: '', domain: '' },
      { name: '🍪'.repeat(100), domain: '[::1]' },
      { name: 'a', domain: '127.0.0.1', value: 'x'.repeat(4096) },
      { name: 'b', domain: '..localhost' },
    ];
    const { code, out } = await label(strange, '--site', 'http://localhost:8080/');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toHaveLength(strange.length);
  });
});

describe('cookie-inspector catalog', () => {
  it('reports the bundled catalog as valid with counts per category and vendor', async () => {
    const io = fakeIO();
    expect(await main(['catalog', '--json'], io)).toBe(0);
    const stats = JSON.parse(io.out());
    expect(stats.entries).toBeGreaterThan(0);
    expect(stats.exact + stats.patterns).toBe(stats.entries);
    expect(stats.byVendor.Deskpro).toBeGreaterThan(0);
    const perCategory = Object.values(stats.byCategory as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(perCategory).toBe(stats.entries);
  });

  it('names the file and entry of a broken catalog folder', async () => {
    const dir = tempDir({
      'acme.json': JSON.stringify({
        vendor: 'Acme',
        origin: 'vendor-documentation',
        source: 'https://acme.example/cookies',
        cookies: [{ name: 'acme', category: 'tasty', purpose: 'x', lifetime: 'session', party: 'first' }],
      }),
    });
    const io = fakeIO();
    expect(await main(['catalog', '--data', dir], io)).toBe(1);
    expect(io.err()).toMatch(/acme\.json: entry 0 \("acme"\): unknown category "tasty"/);
    expect(io.err()).not.toMatch(STACK_LINE);
  });

  it('names a catalog file that is not JSON, without a stack trace', async () => {
    const dir = tempDir({ 'broken.json': '{"vendor": ' });
    const io = fakeIO();
    expect(await main(['catalog', '--data', dir], io)).toBe(1);
    expect(io.err()).toMatch(/broken\.json: not valid JSON/);
    expect(io.err()).not.toMatch(STACK_LINE);
  });

  it.each([
    ['an argument instead of --data', () => ['catalog', tempDir({})], /takes no arguments, not ".*"; .*--data DIR/],
    ['a folder without catalog files', () => ['catalog', '--data', tempDir({ 'notes.txt': 'x' })], /no catalog files/],
    [
      'a folder that does not exist',
      () => ['catalog', '--data', '/nonexistent-catalog-folder'],
      /cannot read the catalog folder \/nonexistent-catalog-folder: no such file or folder$/m,
    ],
  ])('rejects %s with exit code 2 and one line', async (_, args, message) => {
    const io = fakeIO();
    expect(await main(args(), io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(message);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});

describe('input files that cannot be read', () => {
  it.each([
    ['label', '/nonexistent-input.json'],
    ['eval', '/nonexistent-input.json'],
  ])('%s names the file in one line and exits 2', async (command, path) => {
    const io = { ...fakeIO(), readInput: nodeIO().readInput };
    let err = '';
    io.stderr = (t: string) => {
      err += t;
    };
    expect(await main([command, path], io)).toBe(2);
    expect(err).toBe(`cookie-inspector ${command}: cannot read ${path}: no such file or folder\n`);
  });
});

describe('cookie-inspector', () => {
  it('explains itself and rejects unknown commands', async () => {
    const io = fakeIO();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.err()).toMatch(/unknown command "frobnicate"/);
    const help = fakeIO();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.out()).toMatch(/Usage: cookie-inspector/);
  });
});
