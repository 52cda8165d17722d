import { createDefaultLabeller } from '../shared/labeller';
import { createBackground } from './background';
import { registerListeners } from './listeners';
import { webExtensionApi } from './webextension-api';

// The worker's first turn: build everything, register every listener before anything is awaited
// (MV3 delivers the event that woke the worker only to listeners that exist by then), then load.
// All state a restarted worker needs comes back from storage and the browser in `start`.
const api = webExtensionApi();
const background = createBackground(api, { labeller: createDefaultLabeller() });
registerListeners(api, background);
void background.start().catch(() => undefined);
