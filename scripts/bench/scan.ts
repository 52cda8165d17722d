import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { type AuditState, type ScanOptions, scanUrls } from '../../src/node/scan';
import { DEMO_PAGES } from '../../test/demo-world/pages';
import { startDemoWorld } from '../../test/demo-world/world';

/**
 * `cookie-inspector scan` throughput on the demo world, in sites per minute: every demo page
 * twice, as a first visit (one browser per URL), then the consent audit (`--consent all`, three
 * browsers per URL) on the two consent sites, each with `--jobs 1` and `--jobs 4`. The extension
 * is built into a temporary folder, or taken from EXTENSION_DIST.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const ROUNDS = 2;
// The settle time of a scan is most of its cost; a short one measures the browsers, not the wait.
const WAIT_MS = 500;

export async function benchScan(): Promise<string[]> {
  const own = process.env.EXTENSION_DIST ? null : mkdtempSync(join(tmpdir(), 'cookie-inspector-bench-scan-ext-'));
  const world = await startDemoWorld();
  try {
    if (own)
      await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir: own } });
    const extensionPath = own ?? (process.env.EXTENSION_DIST as string);
    const options: ScanOptions = {
      extensionPath,
      waitMs: WAIT_MS,
      timeoutMs: 30_000,
      insecure: true,
      hostResolverRules: world.hostResolverRules,
      bannerWaitMs: 5000,
    };
    const pages = DEMO_PAGES.map((p) => world.pageUrl(p.id));
    const consentPages = (['fernhill', 'quarry'] as const).map((id) => world.pageUrl(id));
    const lines = [`cpus: ${cpus().length}; wait ${WAIT_MS} ms per page; ${ROUNDS} rounds of each list`];
    const rates = new Map<string, number>();
    const run = async (name: string, urls: string[], jobs: number, states?: AuditState[]) => {
      const list = Array.from({ length: ROUNDS }, () => urls).flat();
      const start = performance.now();
      const results = await scanUrls(list, { ...options, jobs, ...(states ? { states } : {}) });
      const minutes = (performance.now() - start) / 60_000;
      const failed = results.filter((r) => !r.ok).length;
      if (failed > 0) throw new Error(`${name}: ${failed} of ${list.length} pages failed`);
      const rate = list.length / minutes;
      rates.set(`${name}-jobs-${jobs}`, rate);
      lines.push(
        `scan-${name}-jobs-${jobs}-sites-per-min: ${rate.toFixed(1)} (${list.length} sites in ${(minutes * 60).toFixed(1)} s)`,
      );
    };
    for (const jobs of [1, 4]) await run('first-visit', pages, jobs);
    for (const jobs of [1, 4]) await run('consent-all', consentPages, jobs, ['none', 'reject', 'accept']);
    const speedup = (rates.get('first-visit-jobs-4') ?? 0) / (rates.get('first-visit-jobs-1') ?? 1);
    lines.push(`scan-jobs-4-over-jobs-1: ${speedup.toFixed(2)}`);
    return lines;
  } finally {
    await world.close();
    if (own) rmSync(own, { recursive: true, force: true });
  }
}
