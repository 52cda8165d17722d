import { describe, expect, it } from 'vitest';
import { parseCookieBlock } from '../../../src/cli/cookieblock';
import { main } from '../../../src/cli/main';
import { fakeIO } from './fake-io';

interface Observed {
  value?: string;
  expiry?: number;
  session?: boolean;
  http_only?: boolean;
  host_only?: boolean;
  secure?: boolean;
  same_site?: string;
}

function entry(name: string, domain: string, site: string, label: number, seen: Observed = {}) {
  return {
    [`${name};${domain};/;${site}`]: {
      visit_id: 1,
      name,
      domain,
      path: '/',
      first_party_domain: site,
      label,
      cmp_origin: 0,
      variable_data: [
        {
          value: 'v',
          expiry: 0,
          session: true,
          http_only: false,
          host_only: true,
          secure: false,
          same_site: 'lax',
          ...seen,
        },
        { value: 'later', expiry: 999, session: false, http_only: true },
      ],
    },
  };
}

// Names chosen so that the answer does not depend on what the catalog lists.
const SAMPLE = {
  ...entry('zz_csrf_probe', 'shop.example', 'https://shop.example/', 0),
  ...entry('zz_probe', '.doubleclick.net', 'https://shop.example/', 3, { expiry: 86_400 * 30, session: false }),
  ...entry('zz_lang_probe', 'shop.example', 'https://shop.example/', 1, { value: 'de' }),
  ...entry('zz_nothing', 'news.example', 'https://news.example/', 2),
};

async function run(input: unknown, ...args: string[]) {
  const io = fakeIO(typeof input === 'string' ? input : JSON.stringify(input));
  const code = await main(['eval', '-', ...args], io);
  return { code, out: io.out(), err: io.err() };
}

describe('cookie-inspector eval', () => {
  it('prints one JSON object with the measures', async () => {
    const { code, out, err } = await run(SAMPLE, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    for (const field of [
      'accuracy',
      'balancedAccuracy',
      'essentialDeletedRate',
      'trackingKeptRate',
      'coverage',
      'perCategory',
      'confusion',
    ]) {
      expect(report).toHaveProperty(field);
    }
    expect(report.total).toBe(4);
    expect(report.sites).toBe(2);
    // csrf -> essential, doubleclick -> marketing, lang -> functional, the last stays unknown.
    expect(report.accuracy).toBeCloseTo(3 / 4);
    expect(report.confusion.analytics.unknown).toBe(1);
    expect(report.coverage.domain.count).toBe(1);
    expect(report.coverage.heuristic.count).toBe(2);
    expect(report.essentialDeletedRate).toBe(0);
    expect(report.majority.total).toBe(4);
  });

  it('measures how far the sites disagree about the same name (the noise ceiling)', async () => {
    const conflicting = {
      ...entry('zz_shared', 'a.example', 'https://a.example/', 2),
      ...entry('zz_shared', 'b.example', 'https://b.example/', 2),
      ...entry('zz_shared', 'c.example', 'https://c.example/', 0),
    };
    const report = JSON.parse((await run(conflicting, '--json')).out);
    expect(report.noiseCeiling.accuracy).toBeCloseTo(2 / 3);
    expect(report.noiseCeiling.essentialDeletedRate).toBe(1);
    expect(JSON.parse((await run(SAMPLE, '--json')).out).noiseCeiling.accuracy).toBe(1);
  });

  it('prints a readable report by default', async () => {
    const { code, out } = await run(SAMPLE);
    expect(code).toBe(0);
    for (const text of [
      'balanced accuracy',
      'essential cookies deleted',
      'NOISE CEILING',
      'Confusion matrix',
      'Coverage by source',
    ]) {
      expect(out).toContain(text);
    }
  });

  it('rejects a file that is not in the format, naming the entry', async () => {
    const bad = { ...SAMPLE, ...entry('x', 'a.example', 'https://a.example/', 7) };
    const { code, err, out } = await run(bad);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('"x;a.example;/;https://a.example/": "label" must be 0, 1, 2 or 3');
  });

  it('rejects text that is not JSON and a missing file argument', async () => {
    expect((await run('{oops')).err).toContain('not valid JSON');
    const io = fakeIO('');
    expect(await main(['eval'], io)).toBe(2);
    expect(io.err()).toContain('CookieBlock');
    const missing = fakeIO('');
    expect(await main(['eval', 'no-such-file.json'], missing)).toBe(2);
    expect(missing.err()).toContain('cannot read no-such-file.json');
    expect(missing.err()).not.toContain('    at ');
  });
});

describe('parseCookieBlock', () => {
  it('uses the first observation and anchors the expiry at the given time', () => {
    const [item] = parseCookieBlock(
      JSON.stringify(
        entry('n', '.a.example', 'https://a.example/', 2, { expiry: 100, session: false, same_site: 'None' }),
      ),
      1_000,
    );
    expect(item).toEqual({
      key: 'n;.a.example;/;https://a.example/',
      cookie: {
        name: 'n',
        domain: '.a.example',
        path: '/',
        value: 'v',
        session: false,
        httpOnly: false,
        hostOnly: true,
        secure: false,
        sameSite: 'no_restriction',
        expirationDate: 1_100,
      },
      site: 'https://a.example/',
      truth: 'analytics',
    });
  });

  it('maps labels 0..3 to essential, functional, analytics and marketing', () => {
    const items = parseCookieBlock(
      JSON.stringify({
        ...entry('a', 'x.example', 'https://x.example/', 0),
        ...entry('b', 'x.example', 'https://x.example/', 1),
        ...entry('c', 'x.example', 'https://x.example/', 2),
        ...entry('d', 'x.example', 'https://x.example/', 3),
      }),
      0,
    );
    expect(items.map((i) => i.truth)).toEqual(['essential', 'functional', 'analytics', 'marketing']);
  });

  it('refuses an empty sample', () => {
    expect(() => parseCookieBlock('{}', 0)).toThrow('no cookies');
  });
});

describe('cookie-inspector eval: what deleting does', () => {
  const rows = {
    rows: [
      {
        platform: 'Facebook',
        site: 'https://www.facebook.com/',
        name: 'c_user',
        domain: '.facebook.com',
        kind: 'sign-in',
        evidence: 'platform-documentation',
        source: 'https://www.facebook.com/policies/cookies/',
      },
      {
        platform: 'Facebook',
        site: 'https://www.facebook.com/',
        name: '_fbp',
        domain: '.facebook.com',
        kind: 'control',
        evidence: 'platform-documentation',
        source: 'https://www.facebook.com/policies/cookies/',
      },
    ],
  };

  it('reports the sign-in set: sign-ins kept on their site and embedded, controls removed', async () => {
    const io = fakeIO(JSON.stringify(rows));
    expect(await main(['eval', '--sign-ins', '-', '--json'], io)).toBe(0);
    const report = JSON.parse(io.out()).signIns;
    expect(report).toMatchObject({
      rows: 2,
      protectedCases: 2,
      controlCases: 2,
      protectedDeleted: [],
      controlsKept: [],
    });
  });

  it('reports the sample cookies judged to break something that one click would delete', async () => {
    const judgement = {
      judgements: {
        'zz_csrf_probe;shop.example;/;https://shop.example/': { ifDeleted: 'security-check' },
        'zz_lang_probe;shop.example;/;https://shop.example/': { ifDeleted: 'signs-out' },
      },
    };
    const io = fakeIO(JSON.stringify(SAMPLE));
    io.readInput = async (path) => (path === '-' ? JSON.stringify(SAMPLE) : JSON.stringify(judgement));
    expect(await main(['eval', '-', '--judgement', 'j.json', '--json'], io)).toBe(0);
    const { breakage } = JSON.parse(io.out());
    expect(breakage.breaking).toBe(2);
    // The language probe looks like a preference: one click takes it, and the report names it.
    expect(breakage.deletedByDefault.map((d: { key: string }) => d.key)).toEqual([
      'zz_lang_probe;shop.example;/;https://shop.example/',
    ]);
  });

  it('refuses a broken sign-in set with the bad rows named', async () => {
    const io = fakeIO(JSON.stringify({ rows: [{ platform: 'X', name: 'a' }] }));
    expect(await main(['eval', '--sign-ins', '-'], io)).toBe(2);
    expect(io.err()).toContain('row 0: "site" is missing');
  });
});
