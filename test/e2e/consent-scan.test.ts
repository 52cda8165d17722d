import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { cookieId, demoPage, expectedCookies } from '../demo-world/pages';
import { type DemoWorld, startDemoWorld } from '../demo-world/world';
import { DIST } from './harness/extension';

/**
 * `cookie-inspector scan --consent` against the two consent demo sites: Fernhill (a CookieYes
 * banner it respects) and Quarry (a Complianz banner it ignores: ad cookies before any answer and
 * after a refusal). Banners are answered by autoconsent's own rules, not by anything of ours.
 */

let world: DemoWorld;
let dir: string;

beforeAll(async () => {
  world = await startDemoWorld();
  dir = mkdtempSync(join(tmpdir(), 'consent-scan-'));
});

afterAll(() => world?.close());

async function scan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readInput: async (path) => readFileSync(path, 'utf8'),
    isTTY: false,
  };
  const previous = process.env.EXTENSION_DIST;
  process.env.EXTENSION_DIST = DIST;
  try {
    const code = await main(
      ['scan', ...args, '--insecure', '--wait', '800', '--host-resolver-rules', world.hostResolverRules],
      io,
    );
    return { code, stdout, stderr };
  } finally {
    if (previous === undefined) delete process.env.EXTENSION_DIST;
    else process.env.EXTENSION_DIST = previous;
  }
}

interface JsonState {
  state: string;
  banner: { status: string; cmp: string | null } | null;
  verdict: string;
  refused?: { categories: string[]; from: string };
  consentRecords: Array<{ platform: string; answered: boolean | null }>;
  cookies: Array<{ name: string; domain: string; category: string }>;
}

interface JsonViolation {
  state: string;
  kind: string;
  cookie: { name: string; domain: string };
  label: { category: string; vendor: string | null };
}

interface JsonResult {
  url: string;
  consent: { states: JsonState[]; violations: JsonViolation[] };
  declaration?: {
    undeclared: Array<{ name: string }>;
    otherCategory: Array<{ name: string; declared: string; labelled: string }>;
    longer: Array<{ name: string; declared: string }>;
  };
}

const withoutSandboxWarning = (stderr: string) => stderr.replace(/^cookie-inspector scan: warning: .*sandbox.*\n/m, '');

describe('cookie-inspector scan --consent on the demo world', () => {
  it('passes the site that respects the answer, in every state, with exit 0', async () => {
    const { code, stdout, stderr } = await scan(
      world.pageUrl('fernhill'),
      '--consent',
      'all',
      '--fail-on',
      'violations',
      '--json',
    );
    expect(withoutSandboxWarning(stderr)).toBe('');
    expect(code).toBe(0);
    const [result] = (JSON.parse(stdout) as { results: JsonResult[] }).results;
    const states = result.consent.states;
    expect(states.map((s) => [s.state, s.banner?.status ?? null, s.banner?.cmp ?? null, s.verdict])).toEqual([
      ['none', null, null, 'pass'],
      ['reject', 'answered', 'cookieyes', 'pass'],
      ['accept', 'answered', 'cookieyes', 'pass'],
    ]);
    const fernhill = demoPage('fernhill');
    for (const s of states) {
      const consent = s.state === 'none' ? undefined : (s.state as 'reject' | 'accept');
      expect(s.cookies.map(cookieId).sort(), s.state).toEqual(
        expectedCookies(fernhill, { consent }).map(cookieId).sort(),
      );
    }
    // The refusal is what CookieYes recorded, read back from its cookie.
    expect(states[1].refused).toEqual({ categories: ['functional', 'analytics', 'marketing'], from: 'consent record' });
    expect(states[1].consentRecords).toEqual([expect.objectContaining({ platform: 'CookieYes', answered: true })]);
    expect(states[0].consentRecords).toEqual([expect.objectContaining({ platform: 'CookieYes', answered: false })]);
    expect(result.consent.violations).toEqual([]);
  });

  it('fails the site that sets ad cookies before consent and keeps them after a refusal, naming each', async () => {
    const { code, stdout, stderr } = await scan(
      world.pageUrl('quarry'),
      '--consent',
      'all',
      '--fail-on',
      'violations',
      '--json',
    );
    expect(code).toBe(1);
    const [result] = (JSON.parse(stdout) as { results: JsonResult[] }).results;
    const states = result.consent.states;
    expect(states.map((s) => [s.state, s.banner?.status ?? null, s.banner?.cmp ?? null, s.verdict])).toEqual([
      ['none', null, null, 'violations'],
      ['reject', 'answered', 'Complianz banner', 'violations'],
      ['accept', 'answered', 'Complianz banner', 'pass'],
    ]);
    const quarry = demoPage('quarry');
    for (const s of states) {
      const consent = s.state === 'none' ? undefined : (s.state as 'reject' | 'accept');
      expect(s.cookies.map(cookieId).sort(), s.state).toEqual(
        expectedCookies(quarry, { consent }).map(cookieId).sort(),
      );
    }
    const violations = result.consent.violations.map((v) => [v.state, v.kind, cookieId(v.cookie), v.label.category]);
    expect(violations.sort()).toEqual(
      [
        ['none', 'before-consent', '_fbp @ www.quarry-outdoor.test', 'marketing'],
        ['none', 'before-consent', 'am_uid @ .adsmetric.test', 'marketing'],
        ['reject', 'after-refusal', '_fbp @ www.quarry-outdoor.test', 'marketing'],
        ['reject', 'after-refusal', 'am_uid @ .adsmetric.test', 'marketing'],
      ].sort(),
    );
    expect(result.consent.violations.find((v) => v.cookie.name === '_fbp')?.label.vendor).toBe('Meta');
    expect(states[1].refused?.from).toBe('consent record');
    expect(stderr).toContain(
      `violation on ${world.pageUrl('quarry')} (reject): _fbp @ www.quarry-outdoor.test (marketing, Meta)`,
    );
  });

  it('runs each state on its own: none alone judges before consent only, reject alone after a refusal only', async () => {
    const none = await scan(
      world.pageUrl('quarry'),
      world.pageUrl('fernhill'),
      '--consent',
      'none',
      '--fail-on',
      'violations',
      '--json',
    );
    expect(none.code).toBe(1);
    const noneResults = (JSON.parse(none.stdout) as { results: JsonResult[] }).results;
    expect(noneResults.map((r) => r.consent.states.map((s) => `${s.state} ${s.verdict}`))).toEqual([
      ['none violations'],
      ['none pass'],
    ]);

    const reject = await scan(world.pageUrl('fernhill'), '--consent', 'reject', '--fail-on', 'violations', '--json');
    expect(reject.code).toBe(0);
    const [fernhill] = (JSON.parse(reject.stdout) as { results: JsonResult[] }).results;
    expect(fernhill.consent.states.map((s) => `${s.state} ${s.banner?.status} ${s.verdict}`)).toEqual([
      'reject answered pass',
    ]);

    const accept = await scan(world.pageUrl('quarry'), '--consent', 'accept', '--fail-on', 'violations', '--json');
    expect(accept.code).toBe(0);
    const [quarry] = (JSON.parse(accept.stdout) as { results: JsonResult[] }).results;
    expect(quarry.consent.states[0].cookies.map((c) => c.name)).toContain('_ga');
  });

  it('reports a page without a banner it knows as "banner not found", not as a pass, and exits 5', async () => {
    const { code, stdout, stderr } = await scan(
      world.pageUrl('deskpro'),
      '--consent',
      'reject',
      '--banner-wait',
      '2000',
      '--fail-on',
      'violations',
    );
    expect(code).toBe(5);
    expect(stdout).toMatch(/reject\s+banner not found.*BANNER NOT FOUND: not judged/);
    expect(stderr).toContain(`not judged on ${world.pageUrl('deskpro')} (reject): banner not found`);
  });

  it('compares what a site sets with its declaration: undeclared, another category, kept longer', async () => {
    const declaration = join(dir, 'quarry-declaration.md');
    writeFileSync(
      declaration,
      [
        '# Cookie declaration for quarry-outdoor.test',
        '',
        '| Name | Vendor | Category | Purpose | Duration | Party |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `PHPSESSID` | PHP | Essential | Session | Session | First party |',
        '| `_fbp` | Meta | Analytics | Visits | 1 day | First party |',
        '| `cmplz_*` | Complianz | Essential | Consent | 1 year | First party |',
        '| `_ga` | Google | Analytics | Visits | 2 years | First party |',
        '',
      ].join('\n'),
    );
    const { code, stdout } = await scan(
      world.pageUrl('quarry'),
      '--consent',
      'all',
      '--declaration',
      declaration,
      '--json',
    );
    expect(code).toBe(0);
    const [result] = (JSON.parse(stdout) as { results: JsonResult[] }).results;
    expect(result.declaration?.undeclared.map((c) => c.name)).toEqual(['am_uid']);
    expect(result.declaration?.otherCategory).toEqual([
      expect.objectContaining({ name: '_fbp', declared: 'analytics', labelled: 'marketing' }),
    ]);
    expect(result.declaration?.longer.map((c) => [c.name, c.declared])).toEqual([['_fbp', '1 day']]);
  });

  it('scans a URL list in parallel as JSON lines, a shard of it, and resumes from its output', async () => {
    const list = join(dir, 'sitemap.xml');
    const urls = (['fernhill', 'quarry', 'creatio', 'deskpro'] as const).map((id) => world.pageUrl(id));
    writeFileSync(
      list,
      `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
        .map((u) => `<url><loc>${u}</loc></url>`)
        .join('\n')}\n</urlset>\n`,
    );
    const out = join(dir, 'out.jsonl');
    // Two URLs were done by an earlier run; its last line was cut off by the interruption.
    writeFileSync(
      out,
      `${JSON.stringify({ url: urls[2], error: { kind: 'timeout', message: 'x' } })}\n{"url":"${urls[3]}","fin`,
    );
    const first = await scan('--urls', list, '--jobs', '4', '--json', '--resume', out);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('1 of 4 URLs are already in');
    const lines = first.stdout.split('\n').filter((l) => l !== '');
    // The broken line is left as it was, and the first new line starts on a line of its own.
    expect(first.stdout.startsWith('\n')).toBe(true);
    expect(lines.map((l) => (JSON.parse(l) as { url: string }).url).sort()).toEqual([urls[0], urls[1], urls[3]].sort());

    const shards = await Promise.all(
      ['1/2', '2/2'].map(async (shard) => {
        const { code, stdout } = await scan('--urls', list, '--jsonl', '--shard', shard);
        expect(code).toBe(0);
        return stdout
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => (JSON.parse(l) as { url: string }).url);
      }),
    );
    expect([...shards[0], ...shards[1]].sort()).toEqual([...urls].sort());
    expect(shards[0].filter((u) => shards[1].includes(u))).toEqual([]);
  });
});
