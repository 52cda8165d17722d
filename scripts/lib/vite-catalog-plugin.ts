import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { toLabellingEntry } from '../../src/core/catalog-schema';
import { loadCatalog } from './catalog-files';

const ID = 'virtual:catalog';
const RESOLVED = `\0${ID}`;

/**
 * Validates `data/` at build time and provides it as `virtual:catalog`, without the review notes and
 * sources the labeller does not use. A bad entry stops the build with the file and the entry named.
 */
export function catalogPlugin(dataDir = resolve(import.meta.dirname, '../../data')): Plugin {
  return {
    name: 'cookie-inspector-catalog',
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      const entries = loadCatalog(dataDir).map(toLabellingEntry);
      // JSON.parse of a string literal is faster to start than an object literal of the same size.
      return `export const entries = JSON.parse(${JSON.stringify(JSON.stringify(entries))});`;
    },
    configureServer(server) {
      server.watcher.add(dataDir);
    },
  };
}
