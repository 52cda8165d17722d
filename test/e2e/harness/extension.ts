import { resolve } from 'node:path';
import { type ExtensionBrowser, type LaunchOptions, launchWithExtension } from '../../../src/node/chromium';

/**
 * The production build the tests load; `npm test` builds it before the end-to-end project runs.
 * EXTENSION_DIST points elsewhere, so that parallel work can test its own build.
 */
export const DIST = process.env.EXTENSION_DIST ?? resolve(import.meta.dirname, '../../../dist');

export function launchTestBrowser(options: Omit<LaunchOptions, 'extensionPath'> = {}): Promise<ExtensionBrowser> {
  return launchWithExtension({ extensionPath: DIST, ...options });
}
