import type { BrowserHarness, BrowserName, HarnessOptions } from './browser-harness';
import { launchChromiumFor } from './chromium-harness';
import { launchFirefox } from './firefox-harness';

/**
 * Every browser a shared scenario runs in: `describe.each(HARNESSES)('... in $name', ({ launch }) => ...)`.
 * Both are installed wherever the tests run (`.ci/run`, the README's "Two commands"), so neither is
 * left out quietly: a missing browser fails its launch.
 */
export interface HarnessLauncher {
  name: BrowserName;
  launch(options: HarnessOptions): Promise<BrowserHarness>;
}

export const HARNESSES: readonly HarnessLauncher[] = [
  { name: 'chromium', launch: launchChromiumFor },
  { name: 'firefox', launch: launchFirefox },
];
