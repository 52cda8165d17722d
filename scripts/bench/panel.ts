import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { findChromium, launchWithExtension } from '../../src/node/chromium';
import { buildFixturePage, serveFolder } from '../../test/e2e/harness/fixture-page';
import { startHttpsSites } from '../../test/e2e/harness/https-sites';

/**
 * The devtools panel with 5,000 cookies, opened as a tab in headless Chromium. Chromium keeps at
 * most 3,300 cookies in a profile, so the tab's cookies come from the in-memory worker of the
 * panel fixture (test/e2e/devtools-fixture), which answers like the real one: the panel's code is
 * the shipped code. Times are from the page's own clock, up to the next frame after the change.
 */

const COOKIES = 5000;
const RUNS = 5;
/** Real cookies for the run through the real worker: Chromium keeps 3,300 at most, 180 per site. */
const REAL_COOKIES = 3000;
const REAL_HOSTS = 20;
const ROOT = resolve(import.meta.dirname, '../..');

export async function benchPanel(): Promise<string[]> {
  return [...(await withFakeWorker()), ...(await withRealWorker())];
}

async function withFakeWorker(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cookie-inspector-bench-panel-'));
  const server = await (async () => {
    await buildFixturePage(resolve(import.meta.dirname, '../../test/e2e/devtools-fixture'), dir);
    writeFloorPage(dir);
    return serveFolder(dir);
  })();
  const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const firstRender: number[] = [];
    const phases: Record<'scripts' | 'answer' | 'render', number[]> = { scripts: [], answer: [], render: [] };
    const painted: number[] = [];
    const sortTimes: number[] = [];
    const filterTimes: number[] = [];
    const searchTimes: number[] = [];
    const scrollTimes: number[] = [];
    let rows = 0;
    const floor: number[] = [];
    const making: number[] = [];
    const complete: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // The floor, run for run: a blank page of the same server, one module script, painted.
      const blank = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await blank.goto(server.url('/bench-floor.html'));
      await blank.waitForFunction(() => performance.getEntriesByName('floor:painted').length > 0);
      floor.push(await blank.evaluate(() => performance.getEntriesByName('floor:painted')[0].startTime));
      await blank.close();
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(server.url(`/?cookies=${COOKIES}`));
      await page.waitForFunction(() => performance.getEntriesByName('panel:complete-painted').length > 0);
      const marks = await page.evaluate(() =>
        Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
      );
      const ready = marks['panel:ready'];
      firstRender.push(ready);
      // The fixture makes up its cookies; the real panel gets them ready-made from the worker.
      making.push(marks['fixture:data'] - marks['panel:start']);
      phases.scripts.push(marks['panel:start']);
      // The fixture makes up its 5,000 cookies between these marks; that is not the panel's time.
      phases.answer.push(marks['tab-store:first-view'] - marks['fixture:data']);
      phases.render.push(ready - marks['tab-store:first-view']);
      painted.push(marks['panel:painted']);
      complete.push(marks['panel:complete-painted'] - floor[run] - (marks['fixture:data'] - marks['panel:start']));
      rows = await page.locator('.body-row').count();
      for (const column of ['size', 'domain', 'expires', 'category', 'name']) {
        sortTimes.push(await timed(page, `[data-column="${column}"].sort-button`, 'click'));
      }
      for (const category of ['analytics', 'marketing']) {
        filterTimes.push(await timed(page, `[data-testid="filter-category-${category}"]`, 'click'));
        filterTimes.push(await timed(page, `[data-testid="filter-category-${category}"]`, 'click'));
      }
      for (const query of ['g', 'go', 'goo', 'goo_1', 'shop.test', '']) {
        searchTimes.push(await typed(page, query));
      }
      scrollTimes.push(await scrolled(page, 0.5), await scrolled(page, 1), await scrolled(page, 0));
      await page.close();
    }
    return [
      `panel first render, ${COOKIES} cookies, page as tab with the in-memory worker (${RUNS} runs): ${stats(firstRender)}; painted: ${stats(painted)}`,
      `panel first render over the floor (a blank page of the same server, ${median(floor).toFixed(0)} ms to painted), run by run: ${stats(firstRender.map((t, i) => t - floor[i]))}; painted over the floor: ${stats(painted.map((t, i) => t - floor[i]))}`,
      `panel first render over the floor, less the fixture's making of its ${COOKIES} cookies (median ${median(making).toFixed(0)} ms), run by run: ${stats(firstRender.map((t, i) => t - floor[i] - making[i]))}; painted: ${stats(painted.map((t, i) => t - floor[i] - making[i]))}`,
      `  of which (medians): scripts loaded ${median(phases.scripts).toFixed(0)} ms, worker answer ${median(phases.answer).toFixed(0)} ms, first render ${median(phases.render).toFixed(0)} ms`,
      `panel with all ${COOKIES} rows in (the rest asked for after the first screen's paint), painted, over the floor less the making: ${stats(complete)}`,
      `panel rows in the DOM with ${COOKIES} cookies: ${rows}`,
      `panel sort by a column, to the next frame (${sortTimes.length} sorts): ${stats(sortTimes)}`,
      `panel category filter on/off, to the next frame (${filterTimes.length} clicks): ${stats(filterTimes)}`,
      `panel free-text search keystroke, to the next frame (${searchTimes.length} keystrokes): ${stats(searchTimes)}`,
      `panel scroll jump, to the next frame (${scrollTimes.length} jumps): ${stats(scrollTimes)}`,
      `panel machine load during the runs (1-minute average, ${cpus().length} cores): ${loadavg()[0].toFixed(1)}`,
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function timed(page: Page, selector: string, action: 'click'): Promise<number> {
  return page.evaluate(
    ({ selector }) => {
      const target = document.querySelector<HTMLElement>(selector);
      if (!target) throw new Error(`no ${selector}`);
      const start = performance.now();
      target.click();
      return new Promise<number>((resolve) =>
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0)),
      );
    },
    { selector, action },
  );
}

function typed(page: Page, query: string): Promise<number> {
  return page.evaluate((query) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="search"]');
    if (!input) throw new Error('no search field');
    const start = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return new Promise<number>((resolve) =>
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0)),
    );
  }, query);
}

function scrolled(page: Page, fraction: number): Promise<number> {
  return page.evaluate((fraction) => {
    const scroller = document.querySelector<HTMLElement>('.grid-scroll');
    if (!scroller) throw new Error('no grid');
    const start = performance.now();
    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * fraction;
    // The grid renders the new rows on the animation frame after the scroll event.
    return new Promise<number>((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0))),
    );
  }, fraction);
}

/**
 * The built extension's panel page as a tab for a page with 3,000 real cookies: the whole path,
 * worker and runtime messaging included.
 */
async function withRealWorker(): Promise<string[]> {
  const dist = mkdtempSync(join(tmpdir(), 'cookie-inspector-bench-panel-ext-'));
  const sites = await startHttpsSites((_req, res, host) => {
    if (host === 'bench.test') {
      const images = Array.from({ length: REAL_HOSTS }, (_, i) => `<img src="${sites.url(`h${i}.test`, '/p')}">`);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>Bench</title>${images.join('')}`);
    } else {
      res.writeHead(200, { 'content-type': 'image/gif' });
      res.end();
    }
  });
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir: dist } });
    const browser = await launchWithExtension({ extensionPath: dist, hostResolverRules: sites.hostResolverRules });
    try {
      const site = await browser.context.newPage();
      await site.goto(sites.url('bench.test'));
      const tabId = await browser.worker.evaluate(
        async () => (await chrome.tabs.query({ url: 'https://bench.test/*' }))[0].id as number,
      );
      await browser.worker.evaluate(
        async ({ hosts, perHost, port }) => {
          const expirationDate = Math.floor(Date.now() / 1000) + 30 * 86_400;
          const jobs: Promise<unknown>[] = [];
          for (let h = 0; h < hosts; h++) {
            for (let i = 0; i < perHost; i++) {
              const url = `https://h${h}.test:${port}/`;
              // SameSite=None: a tab's cookies of other sites are those the browser would send from it.
              jobs.push(
                chrome.cookies.set({
                  url,
                  name: `c${i}`,
                  value: `v${h}.${i}`,
                  secure: true,
                  sameSite: 'no_restriction',
                  expirationDate,
                }),
              );
            }
          }
          await Promise.all(jobs);
        },
        { hosts: REAL_HOSTS, perHost: REAL_COOKIES / REAL_HOSTS, port: sites.port },
      );
      const ready: number[] = [];
      const worker: number[] = [];
      const sorts: number[] = [];
      let shown = '';
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(browser.extensionUrl(`src/devtools/panel.html?tabId=${tabId}`));
        await page.waitForFunction(
          (n) => document.querySelector('[role=grid]')?.getAttribute('aria-rowcount') === String(n + 1),
          REAL_COOKIES,
          { timeout: 60_000 },
        );
        await page.waitForFunction(() => performance.getEntriesByName('panel:painted').length > 0);
        const marks = await page.evaluate(() =>
          Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
        );
        ready.push(marks['panel:painted']);
        worker.push(marks['tab-store:first-view'] - marks['panel:start']);
        shown = (await page.getByTestId('count').textContent()) ?? '';
        for (const column of ['size', 'domain', 'name']) {
          sorts.push(await timed(page, `[data-column="${column}"].sort-button`, 'click'));
        }
        await page.close();
      }
      return [
        `panel open to painted, ${REAL_COOKIES} real cookies through the real worker, page as tab (${RUNS} runs): ${stats(ready)}`,
        `  of which the worker's answer (median): ${median(worker).toFixed(0)} ms; panel says "${shown}"`,
        `panel sort by a column with ${REAL_COOKIES} real cookies, to the next frame (${sorts.length} sorts): ${stats(sorts)}`,
      ];
    } finally {
      await browser.close();
    }
  } finally {
    await sites.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `median ${median(ms).toFixed(0)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`;
}

/** The floor: a blank page with one module script that marks when it is painted, as the panel does. */
function writeFloorPage(dir: string): void {
  writeFileSync(
    join(dir, 'bench-floor.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head>' +
      '<body><p>floor</p><script type="module" src="/bench-floor.js"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'bench-floor.js'),
    "requestAnimationFrame(()=>{const c=new MessageChannel();c.port1.onmessage=()=>performance.mark('floor:painted');c.port2.postMessage(null);});",
  );
}
