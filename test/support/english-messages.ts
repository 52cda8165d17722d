import { setFallbackMessages } from '../../src/ui/i18n';
import english from '../../src/ui/messages/en.json';

// Unit tests run without chrome.i18n, and the pages bundle no strings of their own (src/ui/i18n.ts):
// the English messages stand in, as the extension's default locale does.
setFallbackMessages(english);
