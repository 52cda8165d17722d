import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, type Plugin, type ResolvedConfig } from 'vite';

type Manifest = Record<string, unknown> & { action?: Record<string, unknown> };

/**
 * Builds the toolbar popup on its own, into the same folder, once the rest of the extension is built.
 *
 * Built with the worker and the panel, the popup's code was split into chunks shared with them: it
 * loaded three scripts, and the one it shared with the panel carried the panel's code too (24.6 kB
 * gzip, over the popup's 22.8 kB budget). Built alone it is one script and one style sheet holding
 * only what the popup runs. The worker and the panel each get their own copy of the few modules the
 * popup also uses (Preact, the polyfill, the protocol), which costs them nothing they wait for.
 *
 * The plugin hands @crxjs/vite-plugin the manifest without the popup, so that it does not build it a
 * second time, and writes `action.default_popup` back into the built manifest in its original place.
 */
export function separatePopup(popupHtml: string, target: string) {
  return {
    /** The manifest for @crxjs/vite-plugin: the same, without the popup page. */
    manifestWithoutPopup<T extends object>(manifest: T): T {
      const action = (manifest as Manifest).action;
      if (action?.default_popup !== popupHtml) {
        throw new Error(`manifest.json: action.default_popup is not ${popupHtml}`);
      }
      const { default_popup: _builtApart, ...otherAction } = action;
      // Same keys in the same order, so the built manifest reads as the source one does.
      const entries = Object.entries(manifest).map(([key, value]) => [key, key === 'action' ? otherAction : value]);
      return Object.fromEntries(entries) as T;
    },
    plugin(): Plugin {
      let config: ResolvedConfig;
      let written = false;
      return {
        name: 'cookie-inspector-separate-popup',
        apply: 'build',
        configResolved(resolved) {
          config = resolved;
        },
        writeBundle() {
          written = true;
        },
        async closeBundle() {
          // Rollup calls this after a failed build too; there is then no manifest to complete.
          if (!written) return;
          const outDir = resolve(config.root, config.build.outDir);
          await build({
            configFile: false,
            root: config.root,
            mode: config.mode,
            logLevel: config.logLevel,
            publicDir: false,
            plugins: [preact()],
            build: {
              outDir,
              emptyOutDir: false,
              sourcemap: false,
              target,
              modulePreload: { polyfill: false },
              rolldownOptions: { input: { popup: resolve(config.root, popupHtml) } },
            },
          });
          restorePopup(resolve(outDir, 'manifest.json'), popupHtml);
        },
      };
    },
  };
}

/** Puts `action.default_popup` back where the source manifest has it: after the title, before the icons. */
export function restorePopup(manifestPath: string, popupHtml: string): void {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const action = manifest.action ?? {};
  const { default_title: title, ...rest } = action;
  manifest.action = { ...(title === undefined ? {} : { default_title: title }), default_popup: popupHtml, ...rest };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}
