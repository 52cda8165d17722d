import { createTranslator } from '../ui/i18n';
import english from './messages/en.json';

/** Strings of the devtools panel (src/devtools/messages). */
export const t = createTranslator(english);
export type PanelKey = keyof typeof english;
