import { type Background, type BackgroundOptions, createBackground } from '../../src/background/background';
import { registerListeners } from '../../src/background/listeners';
import type { FakeBrowser } from './fake-browser';
import { testLabeller } from './test-labeller';

/** Starts a worker on a fake browser the way index.ts does: listeners first, then start-up. */
export function startWorker(browser: FakeBrowser, options: Partial<BackgroundOptions> = {}): Background {
  const api = browser.api();
  const background = createBackground(api, {
    labeller: testLabeller(),
    badge: { delayMs: 1, maxDelayMs: 5 },
    pushDelayMs: 1,
    ...options,
  });
  registerListeners(api, background);
  void background.start().catch(() => undefined);
  return background;
}

/** Lets the fake browser deliver its pending events (it delivers them on later macrotasks). */
export async function flushEvents(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}

/** Waits until the worker has absorbed every event and finished every queued job. */
export async function settle(background: Background): Promise<void> {
  await flushEvents();
  await background.settled();
  await flushEvents();
  await background.settled();
}
