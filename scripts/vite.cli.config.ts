import { defineConfig } from 'vite';
import { catalogPlugin } from './lib/vite-catalog-plugin';
import { domainOwnersPlugin } from './lib/vite-domain-owners-plugin';

/** Builds the command-line tool into dist-cli/ with the same core and catalog as the extension. */
export default defineConfig({
  plugins: [catalogPlugin(), domainOwnersPlugin()],
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    rolldownOptions: { output: { entryFileNames: 'cli.js' } },
  },
  // playwright-core (for `scan`) finds its own files next to itself, so it is loaded, not bundled.
  ssr: { noExternal: true, external: ['playwright-core'] },
});
