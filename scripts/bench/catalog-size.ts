import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type LabellingEntry, toLabellingEntry } from '../../src/core/catalog-schema';
import { createDomainOwners, domainOwnerFallback } from '../../src/core/domain-owners';
import { heuristicFallback } from '../../src/core/heuristics';
import { createLabeller } from '../../src/core/label';
import { compileMatcher } from '../../src/core/matcher';
import { loadCatalog } from '../../src/node/catalog-files';
import { compactOwners, readEntities } from '../lib/vite-domain-owners-plugin';
import { generateCookies } from './labelling';

/**
 * What the catalog costs the service worker: the gzip size of the modules that carry it (as the
 * build plugins emit them), and the time a cold worker spends turning them into a labeller,
 * against the time to parse the same JSON alone.
 */

const RUNS = 15;
const BUDGET_GZIP_KB = 150;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds of `runs` calls. */
function time(fn: () => unknown, runs = RUNS): number {
  const samples: number[] = [];
  let sink = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    if (fn()) sink++;
    samples.push(performance.now() - start);
  }
  if (sink < 0) console.log(sink);
  return median(samples);
}

/** The module text the build plugins emit: a JSON string literal handed to JSON.parse. */
function moduleText(exportName: string, data: unknown): { json: string; text: string } {
  const json = JSON.stringify(data);
  return { json, text: `export const ${exportName} = JSON.parse(${JSON.stringify(json)});` };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (n: number) => `${n.toFixed(2)} ms`;

export async function benchCatalog(dataDir = resolve(import.meta.dirname, '../../data')): Promise<string[]> {
  // As the catalog plugin ships it: without the review notes and sources.
  const entries: LabellingEntry[] = loadCatalog(dataDir).map(toLabellingEntry);
  const vendors = new Set(entries.map((e) => e.vendor)).size;
  const catalog = moduleText('entries', entries);
  const owners = compactOwners(readEntities());
  const ownerModule = moduleText('owners', owners);
  const catalogGzip = gzipSync(catalog.text, { level: 9 }).length;
  const ownersGzip = gzipSync(ownerModule.text, { level: 9 }).length;
  const total = catalogGzip + ownersGzip;

  const parseOnly = time(() => JSON.parse(catalog.json));
  const compile = time(() => compileMatcher(JSON.parse(catalog.json) as LabellingEntry[]));
  const ownersParse = time(() => JSON.parse(ownerModule.json));
  // The owner maps are built on the first lookup, so that is what a first unknown cookie pays.
  const ownersBuild = time(() => createDomainOwners(JSON.parse(ownerModule.json)).ownerOf('example.doubleclick.net'));

  const cookies = generateCookies(entries, 20_000);
  const context = { topLevelUrl: 'https://www.example.com/' };
  const bare = createLabeller(entries);
  const full = createLabeller(entries, {
    fallbacks: [domainOwnerFallback(createDomainOwners(owners)), heuristicFallback],
  });
  const perSecond = (labeller: typeof bare) => {
    const elapsed = time(() => {
      for (const c of cookies) labeller.label(c, context);
      return true;
    }, 3);
    return Math.round(cookies.length / (elapsed / 1000)).toLocaleString('en');
  };

  return [
    `catalog: ${entries.length.toLocaleString('en')} entries from ${vendors} vendors`,
    `  catalog module: ${kb(catalog.text.length)} raw, ${kb(catalogGzip)} gzip`,
    `  domain owners module (third-party-web, ${owners.length.toLocaleString('en')} entities): ${kb(ownerModule.text.length)} raw, ${kb(ownersGzip)} gzip`,
    `  together: ${kb(total)} gzip (budget about ${BUDGET_GZIP_KB} kB)`,
    `start-up, median of ${RUNS}:`,
    `  JSON.parse of the catalog alone: ${ms(parseOnly)}`,
    `  JSON.parse + compile of the matcher: ${ms(compile)} (compile adds ${ms(Math.max(0, compile - parseOnly))}, ${(compile / parseOnly).toFixed(1)}x the parse)`,
    `  domain owners: JSON.parse ${ms(ownersParse)}, parse + maps on first lookup ${ms(ownersBuild)}`,
    `labelling ${cookies.length.toLocaleString('en')} cookies (30% not in the catalog):`,
    `  catalog only: ${perSecond(bare)} cookies/s`,
    `  catalog + domain owners + heuristics: ${perSecond(full)} cookies/s`,
  ];
}
