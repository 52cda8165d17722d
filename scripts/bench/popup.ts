import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession } from 'playwright-core';
import { build } from 'vite';
import { type ExtensionBrowser, launchWithExtension } from '../../src/node/chromium';
import { startHttpsSites } from '../../test/e2e/harness/https-sites';
import { openRealPopup } from '../../test/e2e/popup-fixture/real-popup';

/**
 * The popup in headless Chromium, against the floor: a blank extension page of the same build (one
 * module script that marks its start and, once painted, that it is usable) opened the same way in
 * the same browser, run for run, interleaved with the popup. Absolute milliseconds move with the
 * machine; the difference from the floor is what the popup itself costs. Measured with 100, 1,000
 * and 3,000 cookies on the tab, in the real toolbar popup and as a tab, with the worker warm and
 * (as a tab) after it was stopped, as Chrome stops an idle worker. The last line is the headline:
 * `popup-over-floor-ms` for 1,000 cookies, warm, in the real toolbar popup.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const HEADLINE_SCALE = 1000;
/** `POPUP_BENCH_SCALES=1000 POPUP_BENCH_RUNS=5` narrows a run while working on the popup; the defaults are the figures. */
const SCALES = (process.env.POPUP_BENCH_SCALES?.split(',').map(Number) ?? [100, HEADLINE_SCALE, 3000]).filter(
  (n) => n > 0 && n % 20 === 0,
);
/** Chromium keeps at most 180 cookies per host (and 3,300 per profile): the cookies are spread over hosts. */
const HOSTS = 20;
const RUNS = Number(process.env.POPUP_BENCH_RUNS) || 9;
const KNOWN = ['_ga', '_gid', '_fbp', 'IDE', 'PHPSESSID', '__cf_bm', '_gcl_au', 'test_cookie', 'NID', 'JSESSIONID'];
const FLOOR_PAGE = 'bench-floor.html';

export async function benchPopup(): Promise<string[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'cookie-inspector-bench-popup-'));
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir } });
    const size = popupSize(outDir);
    writeFloorPage(outDir);
    const loadBefore = loadavg()[0];
    const results = await measure(outDir);
    const lines = [
      `popup size: ${kb(size.gzip)} gzip (${kb(size.raw)} raw) in ${size.files} files; catalog bundled: ${size.hasCatalog ? 'YES' : 'no'}`,
      `machine: ${cpus().length} cores; 1-minute load average ${loadBefore.toFixed(1)} before the runs, ${loadavg()[0].toFixed(1)} after`,
      `${RUNS} runs each, popup and floor interleaved; "over floor" is popup minus floor, run by run (median, min..max)`,
      '',
      '| cookies | how opened | worker | usable (median, min..max) | floor | over floor | scripts | worker answer | render | paint |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    for (const r of results.rows) lines.push(tableRow(r));
    lines.push('', `popup rows in the DOM with ${HEADLINE_SCALE.toLocaleString('en')} cookies: ${results.domRows}`);
    for (const r of results.rows.filter((row) => row.cold)) {
      const kept = r.popup.filter((p) => p.kept).length;
      const own = r.popup.map((p) => p.workerView).filter((t) => Number.isFinite(t));
      lines.push(
        `cold, ${r.cookies.toLocaleString('en')} cookies: the first screen shown was the one the worker kept in ${kept} of ${r.popup.length} runs; the worker's own snapshot came ${own.length ? `${median(own).toFixed(0)} ms` : 'n/a'} after the popup's start (median)`,
      );
    }
    if (results.coldWorker.length > 0) {
      lines.push(
        `cold worker, ${HEADLINE_SCALE.toLocaleString('en')} cookies, each phase done at (ms from the worker's start, median): ${workerPhases(results.coldWorker)}`,
      );
    }
    const headline = results.rows.find((r) => r.cookies === HEADLINE_SCALE && r.how === 'toolbar popup' && !r.cold);
    lines.push(`popup-over-floor-ms: ${headline ? median(overFloor(headline)).toFixed(0) : 'n/a'}`);
    return lines;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The floor: what any extension page of this build costs to open, script start and paint included. */
function writeFloorPage(dist: string): void {
  writeFileSync(
    join(dist, FLOOR_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head>' +
      '<body><p>floor</p><script type="module" src="/bench-floor.js"></script></body></html>',
  );
  // The same "usable" as the popup's: the first frame painted, then a task (src/popup/perf-marks.ts).
  writeFileSync(
    join(dist, 'bench-floor.js'),
    "performance.mark('popup:start');performance.mark('popup:ready');requestAnimationFrame(()=>{" +
      "const c=new MessageChannel();c.port1.onmessage=()=>performance.mark('popup:usable');c.port2.postMessage(null);});",
  );
}

interface Phases {
  total: number;
  scripts: number;
  worker: number;
  render: number;
  paint: number;
  /** The first screen shown was the one the worker kept (src/background/kept-screens.ts). */
  kept: boolean;
  /** From the popup's start to the worker's own first snapshot. */
  workerView: number;
}

interface Row {
  cookies: number;
  how: 'toolbar popup' | 'tab';
  cold: boolean;
  popup: Phases[];
  floor: number[];
}

function tableRow(r: Row): string {
  const usable = r.popup.map((p) => p.total);
  const phase = (k: 'scripts' | 'worker' | 'render' | 'paint') => `${median(r.popup.map((p) => p[k])).toFixed(0)} ms`;
  return `| ${r.cookies.toLocaleString('en')} | ${r.how} | ${r.cold ? 'cold' : 'warm'} | ${spread(usable)} | ${median(r.floor).toFixed(0)} ms | ${spread(overFloor(r))} | ${phase('scripts')} | ${phase('worker')} | ${phase('render')} | ${phase('paint')} |`;
}

function overFloor(r: Row): number[] {
  return r.popup.map((p, i) => p.total - r.floor[i]);
}

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${median(sorted).toFixed(0)} ms (${sorted[0].toFixed(0)}..${sorted.at(-1)?.toFixed(0)})`;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
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

function phasesOf(marks: Record<string, number>): Phases {
  return {
    total: marks['popup:usable'],
    scripts: marks['popup:start'],
    worker: (marks['tab-store:first-view'] ?? marks['popup:start']) - marks['popup:start'],
    render: marks['popup:ready'] - (marks['tab-store:first-view'] ?? marks['popup:start']),
    paint: marks['popup:usable'] - marks['popup:ready'],
    kept: marks['tab-store:kept-view'] !== undefined,
    workerView: (marks['tab-store:worker-view'] ?? Number.NaN) - marks['popup:start'],
  };
}

/** A cold worker's start-up phases (src/background/index.ts), milliseconds from its start. */
type WorkerMarks = Record<string, number>;
const WORKER_PHASES = ['listeners', 'compiled', 'read', 'mirrored', 'ready', 'first-snapshot'];

async function measure(dist: string): Promise<{ rows: Row[]; domRows: number; coldWorker: WorkerMarks[] }> {
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
    const popupUrl = browser.extensionUrl(`src/popup/index.html?tabId=${tabId}`);
    const floorUrl = browser.extensionUrl(FLOOR_PAGE);
    const cdp = await browser.context.newCDPSession(page);
    const rows: Row[] = [];
    const coldWorker: WorkerMarks[] = [];
    let domRows = 0;
    for (const cookies of SCALES) {
      await setCookies(browser, sites.port, cookies);
      const probe = await browser.context.newPage();
      await probe.goto(popupUrl);
      const total = `${cookies.toLocaleString('en')} cookies in this tab`;
      await waitFor(async () => (await probe.getByTestId('total').textContent()) === total);
      if (cookies === HEADLINE_SCALE) domRows = await probe.locator('[data-row-toggle]').count();
      await probe.close();

      const real: Row = { cookies, how: 'toolbar popup', cold: false, popup: [], floor: [] };
      const tab: Row = { cookies, how: 'tab', cold: false, popup: [], floor: [] };
      for (let i = 0; i < RUNS; i++) {
        real.floor.push((await inToolbar(browser, page, FLOOR_PAGE)).total);
        real.popup.push(await inToolbar(browser, page, 'src/popup/index.html'));
        tab.floor.push((await inTab(browser, floorUrl)).total);
        tab.popup.push(await inTab(browser, popupUrl));
      }
      rows.push(real, tab);
      if (cookies === HEADLINE_SCALE) {
        const cold: Row = { cookies, how: 'tab', cold: true, popup: [], floor: [] };
        for (let i = 0; i < RUNS; i++) {
          await stopWorker(cdp);
          cold.floor.push((await inTab(browser, floorUrl)).total);
          await stopWorker(cdp);
          cold.popup.push(await inTab(browser, popupUrl));
          coldWorker.push(await workerMarks(browser));
        }
        rows.push(cold);
      }
    }
    return { rows, domRows, coldWorker };
  } finally {
    await browser.close();
    await sites.close();
  }
}

/** Opens `path` as the toolbar popup (for the tab `page` shows) and reads its marks. */
async function inToolbar(
  browser: ExtensionBrowser,
  page: import('playwright-core').Page,
  path: string,
): Promise<Phases> {
  await browser.worker.evaluate((popup) => chrome.action.setPopup({ popup }), path);
  await page.bringToFront();
  const popup = await openRealPopup(browser, 10_000, path);
  await waitFor(() => popup.evaluate<boolean>(`(${SETTLED})(${path !== FLOOR_PAGE})`));
  const phases = phasesOf(await popup.evaluate<Record<string, number>>(`(${MARKS})()`));
  await popup.close();
  await browser.worker.evaluate(() => chrome.action.setPopup({ popup: 'src/popup/index.html' }));
  return phases;
}

async function workerMarks(browser: ExtensionBrowser): Promise<WorkerMarks> {
  const worker = await browser.waitForWorker();
  return worker.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('worker:'))
        .map((m) => [m.name.slice('worker:'.length), m.startTime]),
    ),
  );
}

/** "listeners 120 ms, compiled 160 ms, ...": each phase's median over the cold runs. */
function workerPhases(runs: readonly WorkerMarks[]): string {
  return WORKER_PHASES.map((phase) => {
    const times = runs.map((r) => r[phase]).filter((t) => t !== undefined);
    return `${phase} ${times.length ? `${median(times).toFixed(0)} ms` : 'n/a'}`;
  }).join(', ');
}

/**
 * Whether the page is usable and, for the popup, has the worker's own snapshot too (after a kept
 * first screen it comes later): a string, to evaluate in the real popup as well.
 */
const SETTLED =
  '(popup) => performance.getEntriesByName("popup:usable").length > 0 && (!popup || performance.getEntriesByName("tab-store:worker-view").length > 0)';

async function inTab(browser: ExtensionBrowser, url: string): Promise<Phases> {
  const p = await browser.context.newPage();
  await p.goto(url);
  await waitFor(() => p.evaluate<boolean>(`(${SETTLED})(${!url.endsWith(FLOOR_PAGE)})`));
  const phases = phasesOf(await p.evaluate<Record<string, number>>(`(${MARKS})()`));
  await p.close();
  return phases;
}

/** Stops the extension's worker as Chrome does when it is idle, and waits until it has stopped. */
async function stopWorker(cdp: CDPSession): Promise<void> {
  const stopped = new Promise<void>((done) => {
    const onUpdate = (event: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
      if (event.versions.some((v) => v.scriptURL.startsWith('chrome-extension://') && v.runningStatus === 'stopped')) {
        cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
        done();
      }
    };
    cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
}

/** `count` cookies spread over the hosts the page loaded from, a few with names the catalog knows. */
async function setCookies(browser: ExtensionBrowser, port: number, count: number): Promise<void> {
  await browser.worker.evaluate(
    async ({ hosts, perHost, known, port }) => {
      for (const c of await chrome.cookies.getAll({})) {
        await chrome.cookies.remove({ url: `https://${c.domain.replace(/^\./, '')}:${port}${c.path}`, name: c.name });
      }
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
    { hosts: HOSTS, perHost: count / HOSTS, known: KNOWN, port },
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
