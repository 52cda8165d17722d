import { entries } from 'virtual:catalog';
import { createLabeller } from '../core/label';

// Placeholder worker: the background issue replaces this with the cookie mirror.
const labeller = createLabeller(entries);
chrome.cookies.onChanged.addListener(() => undefined);
chrome.runtime.onInstalled.addListener(() => {
  console.info(`Cookie Inspector catalog: ${labeller.matcher.size} entries`);
});
