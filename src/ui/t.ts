import { createTranslator } from './i18n';
import english from './messages/en.json';

/** Strings of the shared components (src/ui/messages). */
export const t = createTranslator(english);
export type UiKey = keyof typeof english;
