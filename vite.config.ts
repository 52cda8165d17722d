import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { catalogPlugin } from './scripts/lib/vite-catalog-plugin';
import { domainOwnersPlugin } from './scripts/lib/vite-domain-owners-plugin';
import { localesPlugin } from './scripts/lib/vite-locales-plugin';
import { separatePopup } from './scripts/lib/vite-popup-build-plugin';

/** The add-on's id in Firefox, which needs one to keep storage across restarts. */
export const GECKO_ID = 'cookie-inspector@cookie-inspector.invalid';

/**
 * `manifest.json` is Chrome's. Firefox (128+: MV3 host permissions granted at install, storage.session,
 * cookie partition keys) runs the same background module as an event page, needs an add-on id, and
 * hosts DevTools panels in its own toolbox, so the Chrome-only `frame-ancestors` source goes.
 */
export function firefoxManifest(): ManifestV3Export {
  const { minimum_chrome_version: _chromeOnly, background, content_security_policy, ...rest } = manifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    content_security_policy: {
      extension_pages: content_security_policy.extension_pages.replace(/;\s*frame-ancestors [^;]*/, ''),
    },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '128.0',
        // Firefox's declaration of what an add-on collects: nothing leaves the device.
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as ManifestV3Export;
}

// `vite build` makes the Chrome extension in dist/; `vite build --mode firefox` the Firefox one in dist-firefox/.
// `--outDir` puts either elsewhere: `npm run package` builds into build/package/ and leaves dist/ alone.
export default defineConfig(({ mode, command }) => {
  const firefox = mode === 'firefox';
  const target = firefox ? 'firefox128' : 'chrome120';
  // The built popup is one file of its own (see the plugin); the dev server serves it as it is.
  const popup = separatePopup(manifest.action.default_popup, target);
  const split = command === 'build' ? popup.manifestWithoutPopup : <T>(m: T) => m;
  return {
    // The manifest names its icons by their place in the source tree, so the plugin already copies them to
    // public/icons/ in the build; vite's own copy of public/ would ship every icon a second time.
    publicDir: false,
    plugins: [
      catalogPlugin(),
      domainOwnersPlugin(),
      localesPlugin(),
      preact(),
      firefox
        ? crx({ manifest: split(firefoxManifest()), browser: 'firefox' })
        : crx({ manifest: split(manifest as ManifestV3Export) }),
      popup.plugin(),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      // The store packages are built from this output: a source map would ship the sources beside the code.
      sourcemap: false,
      target,
      modulePreload: { polyfill: false },
      // The panel page is opened by devtools.panels.create, so the manifest does not name it.
      rolldownOptions: { input: { panel: 'src/devtools/panel.html' } },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5174 } },
  };
});
