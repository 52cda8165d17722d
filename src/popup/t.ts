import { createTranslator } from '../ui/i18n';
import english from './messages/en.json';

/** Strings of the popup itself (src/popup/messages). */
export const t = createTranslator(english);
