import type { ScanResult } from './scan-result';

/**
 * What stops `cookie-inspector scan` as a whole, apart from the pages that fail one by one. A
 * module of its own, so that the command can tell them apart without loading the browser driver.
 */

/** Nothing could be scanned: Chromium or the built extension is missing, or Chromium cannot start here. */
export class ScanSetupError extends Error {
  override name = 'ScanSetupError';
}

/** Stopped by a signal (Ctrl-C); the browser is closed and its profile removed. */
export class ScanInterruptedError extends Error {
  override name = 'ScanInterruptedError';

  /** The pages finished before the signal, in order. */
  constructor(readonly results: ScanResult[]) {
    super('the scan was interrupted');
  }
}
