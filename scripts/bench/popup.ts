import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { type ExtensionBrowser, launchWithExtension } from '../../src/node/chromium';
import { startHttpsSites } from '../../test/e2e/harness/https-sites';
import { openRealPopup } from '../../test/e2e/popup-fixture/real-popup';

/**
 * The popup in headless Chromium with 1,000 cookies on the tab: time from navigation start to the
 * `popup:usable` mark (first answer rendered and painted), for the popup page opened as a tab and
 * for the real toolbar popup; and the popup's size, gzip, as it ships.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const COOKIES = 1000;
/** Chromium keeps at most 180 cookies per site, so the cookies are spread over third-party hosts. */
const HOSTS = 10;
const RUNS = 7;
const KNOWN = ['_ga', '_gid', '_fbp', 'IDE', 'PHPSESSID', '__cf_bm', '_gcl_au', 'test_cookie', 'NID', 'JSESSIONID'];

export async function benchPopup(): Promise<string[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'cookie-inspector-bench-popup-'));
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir } });
    const size = popupSize(outDir);
    const timings = await measure(outDir);
    return [
      `popup size: ${kb(size.gzip)} gzip (${kb(size.raw)} raw) in ${size.files} files; catalog bundled: ${size.hasCatalog ? 'YES' : 'no'}`,
      `popup open-to-usable, ${COOKIES} cookies, real toolbar popup (${RUNS} runs): ${stats(timings.real)}`,
      `  phases (medians): ${phaseLine(timings.real)}`,
      `popup open-to-usable, ${COOKIES} cookies, popup page opened as a tab (${RUNS} runs): ${stats(timings.tab)}`,
      `  phases (medians): ${phaseLine(timings.tab)}`,
      `popup rows in the DOM with ${COOKIES} cookies: ${timings.rows}`,
      `popup machine load during the runs (1-minute average, ${cpus().length} cores): ${loadavg()[0].toFixed(1)}`,
    ];
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function stats(runs: Phases[]): string {
  const sorted = runs.map((r) => r.total).sort((a, b) => a - b);
  return `median ${median(sorted).toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`;
}

function phaseLine(runs: Phases[]): string {
  return (['scripts', 'worker', 'render', 'paint'] as const)
    .map((k) => `${k} ${median(runs.map((r) => r[k])).toFixed(0)} ms`)
    .join(', ');
}

/** Every file the popup page loads: its HTML, then scripts and styles, following static imports. */
export function popupSize(dist: string): { raw: number; gzip: number; files: number; hasCatalog: boolean } {
  const html = readFileSync(join(dist, 'src/popup/index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  let raw = Buffer.byteLength(html);
  let gzip = gzipSync(html, { level: 9 }).length;
  let hasCatalog = false;
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(dist, file));
    raw += text.length;
    gzip += gzipSync(text, { level: 9 }).length;
    const source = text.toString('utf8');
    if (/open-cookie-database|vendor-documentation/.test(source)) hasCatalog = true;
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of source.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) queue.push(dir + m[1]);
  }
  return { raw, gzip, files: seen.size + 1, hasCatalog };
}

/** Every performance mark of the page, by name; a string too, to evaluate in the real popup. */
const MARKS = '() => Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]))';

interface Phases {
  /** Navigation start to usable. */
  total: number;
  /** Navigation start to the popup's first line of code. */
  scripts: number;
  /** From there to the first view from the worker. */
  worker: number;
  /** From there to the DOM committed. */
  render: number;
  /** From there to painted. */
  paint: number;
}

function phasesOf(marks: Record<string, number>): Phases {
  return {
    total: marks['popup:usable'],
    scripts: marks['popup:start'],
    worker: marks['tab-store:first-view'] - marks['popup:start'],
    render: marks['popup:ready'] - marks['tab-store:first-view'],
    paint: marks['popup:usable'] - marks['popup:ready'],
  };
}

async function measure(dist: string): Promise<{ tab: Phases[]; real: Phases[]; rows: number }> {
  const sites = await startHttpsSites((_req, res, host) => {
    if (host === 'bench.test') {
      const images = Array.from({ length: HOSTS }, (_, i) => `<img src="${sites.url(`h${i}.test`, '/p')}">`).join('');
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>Bench</title>${images}`);
    } else {
      res.writeHead(200, { 'content-type': 'image/gif' });
      res.end();
    }
  });
  const browser = await launchWithExtension({ extensionPath: dist, hostResolverRules: sites.hostResolverRules });
  try {
    const page = await browser.context.newPage();
    await page.goto(sites.url('bench.test'));
    const tabId = await browser.worker.evaluate(
      async () => (await chrome.tabs.query({ url: 'https://bench.test/*' }))[0].id as number,
    );
    await setCookies(browser, sites.port);
    const popupUrl = browser.extensionUrl(`src/popup/index.html?tabId=${tabId}`);
    const probe = await browser.context.newPage();
    await probe.goto(popupUrl);
    await waitFor(async () => (await probe.getByTestId('total').textContent()) === '1,000 cookies in this tab');
    const rows = await probe.locator('[data-row-toggle]').count();
    await probe.close();

    const tab: Phases[] = [];
    for (let i = 0; i < RUNS; i++) {
      const p = await browser.context.newPage();
      await p.goto(popupUrl);
      await p.waitForFunction(() => performance.getEntriesByName('popup:usable').length > 0);
      tab.push(phasesOf(await p.evaluate<Record<string, number>>(`(${MARKS})()`)));
      await p.close();
    }
    const real: Phases[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.bringToFront();
      const popup = await openRealPopup(browser);
      await waitFor(
        async () => (await popup.evaluate<number>(`performance.getEntriesByName('popup:usable').length`)) > 0,
      );
      real.push(phasesOf(await popup.evaluate<Record<string, number>>(`(${MARKS})()`)));
      await popup.close();
    }
    return { tab, real, rows };
  } finally {
    await browser.close();
    await sites.close();
  }
}

/** 100 cookies on each of the hosts the page loaded from, a few with names the catalog knows. */
async function setCookies(browser: ExtensionBrowser, port: number): Promise<void> {
  await browser.worker.evaluate(
    async ({ hosts, perHost, known, port }) => {
      const expirationDate = Math.floor(Date.now() / 1000) + 30 * 86_400;
      const jobs: Promise<unknown>[] = [];
      for (let h = 0; h < hosts; h++) {
        for (let i = 0; i < perHost; i++) {
          const name = i < known.length ? known[i] : `bench_${h}_${i}`;
          const url = `https://h${h}.test:${port}/`;
          jobs.push(
            chrome.cookies.set({ url, name, value: `v${i}`, secure: true, sameSite: 'no_restriction', expirationDate }),
          );
        }
      }
      await Promise.all(jobs);
    },
    { hosts: HOSTS, perHost: COOKIES / HOSTS, known: KNOWN, port },
  );
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting for the popup');
}
