import { resolve } from 'node:path';
import { createBackground } from '../../src/background/background';
import { CLEANING_WINDOW_MS } from '../../src/background/cleaning-budget';
import { registerListeners } from '../../src/background/listeners';
import type { Timers } from '../../src/background/timers';
import { createDomainOwners, domainOwnerFallback } from '../../src/core/domain-owners';
import { heuristicFallback } from '../../src/core/heuristics';
import { createLabeller, type Labeller } from '../../src/core/label';
import { loadCatalog } from '../../src/node/catalog-files';
import { FakeBrowser } from '../../test/fakes/fake-browser';
import { compactOwners, readEntities } from '../lib/vite-domain-owners-plugin';

/**
 * A hostile site on the fake browser: paperleaf.test is kept clean and sets `_ga` again every
 * millisecond for a minute of simulated time (60,000 sets), then stops. Reports what the worker
 * asked of the browser (cookie API calls besides the site's own sets), how often it wrote
 * storage.session, and the process's CPU time over the run (the fake browser's share included:
 * it is the same for both runs, as the site's sets are), with the back-off and without it (the
 * worker as it was before: every set removed, every removal's record written at once).
 */

const SETS = 60_000;
const START_MS = 1_800_000_000_000;
/**
 * Macrotasks per simulated millisecond: enough for the worker to remove the cookie (a read, an
 * expired overwrite, a confirming read) before the site sets it again, as a browser's cookie API
 * answers well within a millisecond. With fewer, most removals fail their confirming read.
 */
const TICKS_PER_MS = 12;

interface HostileResult {
  apiCalls: number;
  storageWrites: number;
  cpuMs: number;
  /** Inside the worker's cookie event handler (the rest of its work runs in queued jobs). */
  handlerMs: number;
  wallMs: number;
  removals: number;
  cleanAtEnd: boolean;
}

export async function benchHostile(dataDir = resolve(import.meta.dirname, '../../data')): Promise<string[]> {
  const labeller = productLabeller(dataDir);
  const withBackOff = await runHostile(labeller, true);
  const without = await runHostile(labeller, false);
  const line = (name: string, r: HostileResult) =>
    `  ${name}: ${fmt(r.apiCalls)} cookie API calls, ${fmt(r.storageWrites)} storage.session writes, ${fmt(r.removals)} removals; process CPU ${fmt(r.cpuMs)} ms (fake browser included; ${fmt(r.wallMs)} ms wall), of which ${fmt(r.handlerMs)} ms in the worker's event handler; cookie gone at the end: ${r.cleanAtEnd ? 'yes' : 'no'}`;
  return [
    `  a site kept clean sets _ga every millisecond for ${fmt(SETS / 1000)} s of simulated time (${fmt(SETS)} sets)`,
    line('with back-off', withBackOff),
    line('without back-off (before)', without),
    `  ratio of cookie API calls: ${(without.apiCalls / Math.max(1, withBackOff.apiCalls)).toFixed(1)}x fewer; storage writes: ${(without.storageWrites / Math.max(1, withBackOff.storageWrites)).toFixed(1)}x fewer`,
  ];
}

/** Timers on the simulated clock: they fire when the run moves the clock past them. */
class SimulatedTimers implements Timers {
  private readonly pending = new Map<number, { due: number; run: () => void }>();
  private next = 0;

  constructor(private readonly now: () => number) {}

  set(run: () => void, ms: number): unknown {
    this.pending.set(++this.next, { due: this.now() + ms, run });
    return this.next;
  }

  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  fireDue(): void {
    for (;;) {
      const due = [...this.pending].filter(([, t]) => t.due <= this.now()).sort((a, b) => a[1].due - b[1].due);
      if (due.length === 0) return;
      for (const [id, timer] of due) {
        this.pending.delete(id);
        timer.run();
      }
    }
  }
}

async function runHostile(labeller: Labeller, backOff: boolean): Promise<HostileResult> {
  let now = START_MS;
  const clock = () => now;
  const browser = new FakeBrowser({ now: () => now / 1000 });
  const sim = new SimulatedTimers(clock);
  const api = browser.api();
  const worker = createBackground(api, { labeller, clock, backOff: backOff ? { timers: sim } : false });
  let handlerMs = 0;
  registerListeners(api, {
    ...worker,
    onCookieChanged: (change) => {
      const t = performance.now();
      worker.onCookieChanged(change);
      handlerMs += performance.now() - t;
    },
  });
  await worker.start();
  browser.openTab('https://www.paperleaf.test/');
  await browser.sendMessage({
    kind: 'setSiteSettings',
    payload: { site: 'paperleaf.test', settings: { keepClean: true, allowedVendors: [], allowedCookies: [] } },
  });
  await worker.settled();

  let removals = 0;
  browser.cookies.onChanged.addListener((change) => {
    if (change.removed && change.cause === 'expired_overwrite') removals++;
  });
  const callsBefore = browser.cookies.calls.length;
  const writesBefore = browser.storageSession.writes;
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (let i = 0; i < SETS; i++) {
    now = START_MS + i;
    sim.fireDue();
    await browser.cookies.set({
      url: 'https://www.paperleaf.test/',
      name: '_ga',
      value: `GA1.2.${i}.${START_MS}`,
      path: '/',
      secure: true,
      httpOnly: false,
      sameSite: 'lax',
      storeId: '0',
      domain: 'paperleaf.test',
      expirationDate: START_MS / 1000 + 63_072_000,
    });
    for (let t = 0; t < TICKS_PER_MS; t++) await new Promise((r) => setImmediate(r));
  }
  // The site stops; the minute (and the one after it, if the site was still fighting) runs out.
  for (let minute = 0; minute < 3; minute++) {
    await new Promise((r) => setTimeout(r, 0));
    await worker.settled();
    now += CLEANING_WINDOW_MS;
    sim.fireDue();
  }
  await new Promise((r) => setTimeout(r, 0));
  await worker.settled();
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - wall;

  return {
    apiCalls: browser.cookies.calls.length - callsBefore - SETS,
    storageWrites: browser.storageSession.writes - writesBefore,
    cpuMs: (used.user + used.system) / 1000,
    handlerMs,
    wallMs,
    removals,
    cleanAtEnd: !browser.cookies.all().some((c) => c.name === '_ga'),
  };
}

function productLabeller(dataDir: string): Labeller {
  return createLabeller(loadCatalog(dataDir), {
    fallbacks: [domainOwnerFallback(createDomainOwners(compactOwners(readEntities()))), heuristicFallback],
  });
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
