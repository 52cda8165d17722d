import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { fakeIO } from './fake-io';

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
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    writeFileSync(
      join(dir, 'acme.json'),
      JSON.stringify({
        vendor: 'Acme',
        origin: 'vendor-documentation',
        source: 'https://acme.example/cookies',
        cookies: [{ name: 'acme', category: 'tasty', purpose: 'x', lifetime: 'session', party: 'first' }],
      }),
    );
    const io = fakeIO();
    expect(await main(['catalog', '--data', dir], io)).toBe(1);
    expect(io.err()).toMatch(/acme\.json: entry 0 \("acme"\): unknown category "tasty"/);
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
