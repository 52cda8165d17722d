/**
 * `npm run bench [-- SECTION...]`: every performance figure the project reports, measured on this
 * machine. With no section named, every section runs and the labelling throughput's ratio (compiled
 * matcher / naive regex list) on the shipped catalog is the last line. Naming sections (`catalog`,
 * `mirror`, `hostile`, `popup`, `panel`, `scan`, `labelling`) runs only those, so that each one's
 * headline is the last line (`popup-over-floor-ms` for `popup`). The popup and panel sections need
 * `npm run build` first.
 */
import { resolve } from 'node:path';
import { loadCatalog } from '../src/node/catalog-files';
import { benchCatalog } from './bench/catalog-size';
import { benchHostile } from './bench/hostile';
import { benchLabelling } from './bench/labelling';
import { benchMirror } from './bench/mirror';
import { benchPanel } from './bench/panel';
import { benchPopup } from './bench/popup';
import { benchScan } from './bench/scan';

const SECTIONS: Array<[string, () => Promise<string[]>]> = [
  ['catalog size and compile time', benchCatalog],
  ['cookie mirror under an event storm', benchMirror],
  ['hostile site: keeping clean a site that sets a cookie every millisecond', benchHostile],
  ['popup in headless Chromium', benchPopup],
  ['devtools panel in headless Chromium', benchPanel],
  ['scan: sites per minute on the demo world', benchScan],
];

async function main() {
  const entries = loadCatalog(resolve(import.meta.dirname, '../data'));
  const only = process.argv.slice(2);
  for (const [title, section] of SECTIONS) {
    if (only.length > 0 && !only.some((o) => title.includes(o))) continue;
    console.log(`\n## ${title}`);
    for (const line of await section()) console.log(line);
  }
  if (only.length > 0 && !only.includes('labelling')) return;
  console.log('\n## labelling throughput');
  const { lines, ratio } = benchLabelling(entries);
  for (const line of lines) console.log(line);
  console.log(`label-throughput-ratio: ${ratio.toFixed(1)}`);
}

await main();
