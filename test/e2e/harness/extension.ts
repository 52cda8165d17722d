import { resolve } from 'node:path';
import { type ExtensionBrowser, type LaunchOptions, launchWithExtension } from '../../../src/node/chromium';
import { watchNetwork } from '../../demo-world/network-guard';

/**
 * The production build the tests load; `npm test` builds it before the end-to-end project runs.
 * EXTENSION_DIST points elsewhere, so that parallel work can test its own build.
 */
export const DIST = process.env.EXTENSION_DIST ?? resolve(import.meta.dirname, '../../../dist');

/**
 * Chromium with the built extension. Every request the browser makes is watched for the whole
 * session, and closing fails the test file if the extension made one of its own: the extension
 * must not touch the network, in any test.
 */
export async function launchTestBrowser(options: Omit<LaunchOptions, 'extensionPath'> = {}): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({ extensionPath: DIST, ...options });
  const guard = watchNetwork(browser);
  const close = browser.close.bind(browser);
  return Object.assign(browser, {
    async close() {
      await close();
      if (guard.extensionRequests.length > 0) {
        throw new Error(`the extension made network requests of its own:\n${guard.extensionRequests.join('\n')}`);
      }
    },
  });
}
