import { createDefaultLabeller } from '../shared/labeller';
import { createBackground } from './background';
import { registerListeners } from './listeners';
import type { StartupPhase } from './startup';
import { webExtensionApi } from './webextension-api';

// The worker's first turn: build everything, register every listener before anything is awaited
// (MV3 delivers the event that woke the worker only to listeners that exist by then), then load.
// All state a restarted worker needs comes back from storage and the browser in `start`.
const marked = new Set<string>();
const api = webExtensionApi();
const background = createBackground(api, { labeller: createDefaultLabeller(), mark: markOnce });
registerListeners(api, background);
markOnce('listeners');
void background.start().catch(() => undefined);

/**
 * Start-up's phases as performance marks (`worker:listeners`, then StartupPhase's), from the
 * worker's start: `npm run bench -- popup` reads them to say where a cold worker's time goes. Each
 * is marked once per worker, so the timeline cannot grow while the worker lives.
 */
function markOnce(phase: StartupPhase | 'listeners'): void {
  if (marked.has(phase)) return;
  marked.add(phase);
  performance.mark(`worker:${phase}`);
}
