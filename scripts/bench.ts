/**
 * `npm run bench`: every performance figure the project reports, measured on this machine.
 * Sections whose module is not there yet are skipped with a note. The last line is the labelling
 * throughput ratio (compiled matcher / naive regex list) on the shipped catalog.
 */
import { resolve } from 'node:path';
import { benchLabelling } from './bench/labelling';
import { loadCatalog } from './lib/catalog-files';

type Section = () => Promise<string[]>;

async function optional(path: string, exportName: string): Promise<Section | null> {
  try {
    const mod = (await import(path)) as Record<string, Section>;
    return mod[exportName] ?? null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}

async function main() {
  const entries = loadCatalog(resolve(import.meta.dirname, '../data'));
  const sections: Array<[string, string, string]> = [
    ['catalog size and compile time', './bench/catalog-size', 'benchCatalog'],
    ['cookie mirror under an event storm', './bench/mirror', 'benchMirror'],
    ['popup in headless Chromium', './bench/popup', 'benchPopup'],
    ['devtools panel in headless Chromium', './bench/panel', 'benchPanel'],
  ];
  const only = process.argv.slice(2);
  for (const [title, path, name] of sections) {
    if (only.length > 0 && !only.some((o) => title.includes(o))) continue;
    const section = await optional(path, name);
    console.log(`\n## ${title}`);
    if (!section) {
      console.log('  (not available in this checkout)');
      continue;
    }
    for (const line of await section()) console.log(line);
  }
  console.log('\n## labelling throughput');
  const { lines, ratio } = benchLabelling(entries);
  for (const line of lines) console.log(line);
  console.log(`label-throughput-ratio: ${ratio.toFixed(1)}`);
}

await main();
