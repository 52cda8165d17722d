import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { toLabellingEntry } from '../../src/core/catalog-schema';
import { packCatalog } from '../../src/core/packed-catalog';
import { loadCatalog } from '../../src/node/catalog-files';

const ID = 'virtual:catalog';
const RESOLVED = `\0${ID}`;
const PACKED_CATALOG_MODULE = resolve(import.meta.dirname, '../../src/core/packed-catalog.ts');

/**
 * Validates `data/` at build time and provides it as `virtual:catalog`, without the review notes and
 * sources the labeller does not use. A bad entry stops the build with the file and the entry named.
 */
export function catalogPlugin(dataDir = resolve(import.meta.dirname, '../../data')): Plugin {
  let used = false;
  return {
    name: 'cookie-inspector-catalog',
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      used = true;
      const packed = packCatalog(loadCatalog(dataDir).map(toLabellingEntry));
      // JSON.parse of a string literal is faster to start than an object literal of the same size, and
      // parsing only when asked lets a waking worker register its listeners and ask the browser for
      // its cookies first, parsing while the browser answers. The literal stays outside the function:
      // inside, the engine would scan it a second time when it compiles the function.
      return [
        `import { unpackCatalog } from ${JSON.stringify(PACKED_CATALOG_MODULE)};`,
        `const text = ${JSON.stringify(JSON.stringify(packed))};`,
        'export function loadEntries() { return unpackCatalog(JSON.parse(text)); }',
      ].join('\n');
    },
    configureServer(server) {
      server.watcher.add(dataDir);
    },
    generateBundle() {
      // The catalog carries facts from the Open Cookie Database (Apache-2.0): its licence and our
      // NOTICE travel with every copy of the data, the store packages included.
      if (!used) return;
      const root = resolve(dataDir, '..');
      this.emitFile({
        type: 'asset',
        fileName: 'licenses/open-cookie-database.txt',
        source: readFileSync(resolve(dataDir, 'open-cookie-database/LICENSE'), 'utf8'),
      });
      this.emitFile({
        type: 'asset',
        fileName: 'licenses/NOTICE.txt',
        source: readFileSync(resolve(root, 'NOTICE'), 'utf8'),
      });
    },
  };
}
