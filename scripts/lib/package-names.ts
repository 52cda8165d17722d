import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from './privacy-permissions';

/** Where `npm run package` writes the store uploads, relative to the project. */
export const PACKAGES_DIR = join('build', 'packages');

export function packageName(browser: Browser, version: string): string {
  return `cookie-inspector-${browser}-${version}.zip`;
}

/** package.json's version, which names the packages; it must be one both stores accept. */
export function readVersion(root: string): string {
  const pkg: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const version = (pkg as { version?: unknown }).version;
  if (typeof version !== 'string' || !/^\d+(\.\d+){0,3}$/.test(version)) {
    // Chrome and Firefox both want one to four dot-separated numbers in the manifest.
    throw new Error(`package.json's version ${JSON.stringify(version)} is not one a store accepts (e.g. 1.2.3)`);
  }
  return version;
}
