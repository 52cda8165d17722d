import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { cookieId, DEMO_PAGES, expectedCookies } from '../demo-world/pages';
import { type DemoWorld, INDEX_HOST, startDemoWorld } from '../demo-world/world';
import { DIST } from './harness/extension';

/**
 * `cookie-inspector scan` against the demo world: the same labels as the popup (both are checked
 * against the same expectations), every output format, and a clear error per URL that fails.
 */

let world: DemoWorld;

beforeAll(async () => {
  world = await startDemoWorld();
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
    readInput: () => Promise.reject(new Error('scan reads no input')),
    isTTY: false,
  };
  const previous = process.env.EXTENSION_DIST;
  process.env.EXTENSION_DIST = DIST;
  try {
    const code = await main(['scan', ...args, '--host-resolver-rules', world.hostResolverRules], io);
    return { code, stdout, stderr };
  } finally {
    if (previous === undefined) delete process.env.EXTENSION_DIST;
    else process.env.EXTENSION_DIST = previous;
  }
}

/** A port on loopback where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface JsonCookie {
  name: string;
  domain: string;
  category: string;
  vendor: string | null;
  party: string;
  partitioned: boolean;
}

describe('cookie-inspector scan on the demo world', () => {
  it('labels every demo page as the popup does, in JSON without cookie values', async () => {
    const { code, stdout, stderr } = await scan(
      ...DEMO_PAGES.map((p) => world.pageUrl(p.id)),
      '--json',
      '--insecure',
      '--wait',
      '1000',
    );
    // As root (CI), Chromium cannot use its sandbox, and scan says so once; nothing else goes to stderr.
    expect(stderr.replace(/^cookie-inspector scan: warning: .*sandbox.*\n/m, '')).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { results: Array<{ url: string; cookies: JsonCookie[] }> };
    expect(report.results.map((r) => r.url)).toEqual(DEMO_PAGES.map((p) => world.pageUrl(p.id)));
    for (const [i, demo] of DEMO_PAGES.entries()) {
      // A first visit: nobody has logged in to the help centre.
      const expected = expectedCookies(demo, { loggedIn: false });
      const cookies = report.results[i].cookies;
      expect(cookies.map(cookieId).sort(), demo.id).toEqual(expected.map(cookieId).sort());
      for (const want of expected) {
        const got = cookies.find((c) => cookieId(c) === cookieId(want));
        expect(
          { category: got?.category, party: got?.party, partitioned: got?.partitioned, vendor: got?.vendor },
          cookieId(want),
        ).toEqual({
          category: want.category,
          party: want.party,
          partitioned: want.partitioned === true,
          vendor: want.vendor === undefined ? got?.vendor : want.vendor,
        });
      }
    }
    expect(stdout).not.toMatch(/"value"/);
  });

  it('reports each failing URL clearly, still reports the others, and applies --fail-on', async () => {
    const unreachable = `https://closed.test:${await closedPort()}/`;
    const hanging = world.url(INDEX_HOST, '/never');
    const { code, stdout, stderr } = await scan(
      unreachable,
      world.pageUrl('creatio'),
      hanging,
      'not a url',
      '--insecure',
      '--wait',
      '1000',
      '--timeout',
      '2000',
      '--fail-on',
      'marketing',
      'analytics',
    );
    expect(code).toBe(3);
    expect(stderr).toContain(`${unreachable}: the site could not be reached (ERR_CONNECTION_REFUSED)`);
    expect(stderr).toContain(`${hanging}: the page did not finish loading within 2000 ms`);
    expect(stderr).toContain('not a url: "not a url" is not a URL');
    expect(stderr).toContain(`--fail-on: _ga (analytics) on ${world.pageUrl('creatio')}`);
    // The page that loaded is reported in full, as a table.
    expect(stdout).toContain(world.pageUrl('creatio'));
    expect(stdout).toMatch(/^\s+_ga\s+\.creatio-demo\.test\s+analytics\s+nothing\s+Google Analytics\s+first/m);
    expect(stdout).toMatch(/^\s+BPMSESSIONID\s+crm\.creatio-demo\.test\s+essential\s+signs-out\s+Creatio\s+first/m);
  });

  it('refuses a self-signed certificate unless told --insecure', async () => {
    const refused = await scan(world.pageUrl('creatio'), '--markdown', '--wait', '0');
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/TLS error \(ERR_CERT_[A-Z_]+\).*add --insecure/);
    expect(refused.stdout).toBe('');
  });
});
