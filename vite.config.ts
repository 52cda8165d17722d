import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { catalogPlugin } from './scripts/lib/vite-catalog-plugin';
import { domainOwnersPlugin } from './scripts/lib/vite-domain-owners-plugin';
import { localesPlugin } from './scripts/lib/vite-locales-plugin';

export default defineConfig({
  plugins: [catalogPlugin(), domainOwnersPlugin(), localesPlugin(), preact(), crx({ manifest })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    // The panel page is opened by chrome.devtools.panels.create, so the manifest does not name it.
    rolldownOptions: { input: { panel: 'src/devtools/panel.html' } },
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
});
