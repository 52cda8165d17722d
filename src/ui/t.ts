import { createTranslator } from './i18n';
import type english from './messages/en.json';

/**
 * The one translator of the pages. Its keys are those of src/ui/messages/en.json, namespaced by
 * where they show: `popup…` only in the popup, `panel…` only in the DevTools panel, no prefix in
 * the components both share. Only the key names are imported (as a type): the strings come from
 * `chrome.i18n`, so no page bundles them.
 */
export type MessageKey = Extract<keyof typeof english, string>;
export type PanelKey = Extract<MessageKey, `panel${string}`>;
export const t = createTranslator<MessageKey>();
