/**
 * The database files preferences under Functional, which we map to essential. A preference (the
 * chosen language, currency or theme, a dismissed notice, recently viewed products, the state of a
 * chat widget) is not needed for the site to work, so it is functional: optional. These rules find
 * the common ones by name. They err towards essential: an essential cookie deleted as optional can
 * log a person out or empty a cart, so a name that also speaks of a session, a login, a token, a
 * cart or consent is never moved, and neither is any cookie of a consent manager.
 */

export interface PreferenceRule {
  id: string;
  /** Why the cookie is functional, in words a person understands; stored on the entry. */
  reason: string;
  /** What the generic purpose says when nobody has written one. */
  purpose: string;
  matches(name: string, words: readonly string[]): boolean;
}

/** Words in a name that say the cookie keeps someone signed in, secure, or their cart or consent. */
export const ESSENTIAL_WORDS: ReadonlySet<string> = new Set(
  [
    'session sess sessid sessionid sid ssid auth authenticated login logged signin token csrf xsrf secure',
    'security password pass remember cart basket checkout consent gdpr ccpa gpc cookie cookies privacy',
    'optout banner captcha antibot bot firewall waf',
  ]
    .join(' ')
    .split(' '),
);

/** Consent managers: everything they store records a consent decision, which sites must keep. */
export const CONSENT_PLATFORMS: ReadonlySet<string> = new Set(
  [
    'Axeptio|Borlabs|Complianz|Consentmanager.net|Cookie First|Cookie Law Info|Cookie Script|Cookiebot',
    'CookieConsent.io|CookieYes|Didomi|Enzuzo|Hu-manity.co|Iubenda|Moove|OneTrust|Osano|PrivacyPillar',
    'QookieQloud|Termly',
  ]
    .join('|')
    .split('|'),
);

/** Chat widgets: their cookies keep the widget's state and the conversation, an optional feature. */
export const CHAT_PLATFORMS: ReadonlySet<string> = new Set(
  'Belco|Crisp|Drift|Live helper chat|LiveChat|LiveZilla GmbH|SnapEngage|Tawk.to'.split('|'),
);

/** Wishlist apps: their cookies keep a visitor's saved-for-later list, a convenience the shop works without. */
export const WISHLIST_PLATFORMS: ReadonlySet<string> = new Set(['Swym']);

import { nameWords } from '../../src/core/name-rules';

// Names are split into words the way the labeller splits them, so the import and the heuristics agree.
export { nameWords };

const has = (words: readonly string[], ...wanted: string[]) => words.some((w) => wanted.includes(w));

export const PREFERENCE_RULES: readonly PreferenceRule[] = [
  {
    id: 'preference-language',
    reason: 'remembers the chosen language or locale; a preference, the site works without it',
    purpose: 'Remembers the language or locale chosen on the site.',
    matches: (_, words) =>
      words.some((w) => /^(?:lang|language|languages|locale|lcid|culture|i18n|langswitcher)$/.test(w)),
  },
  {
    id: 'preference-currency',
    reason: 'remembers the chosen currency; a preference, the site works without it',
    purpose: 'Remembers the currency chosen for showing prices.',
    matches: (_, words) => has(words, 'currency'),
  },
  {
    id: 'preference-region',
    reason: 'remembers the chosen country or region; a preference, the site works without it',
    purpose: 'Remembers the country or region chosen on the site.',
    matches: (_, words) => has(words, 'country', 'region'),
  },
  {
    id: 'preference-appearance',
    reason: 'remembers a display choice (theme, colours, layout); a preference, the site works without it',
    purpose: 'Remembers display choices such as the theme or layout.',
    matches: (_, words) =>
      has(words, 'theme', 'darkmode', 'layout', 'tpl', 'style') ||
      (has(words, 'color', 'colour') && has(words, 'mode', 'scheme')),
  },
  {
    id: 'preference-recently-viewed',
    reason: 'keeps a list of recently viewed or compared items; a convenience, the site works without it',
    purpose: 'Keeps a list of recently viewed or compared items.',
    matches: (name) => /recent(?:ly)?[_\-.]?(?:viewed|compared|history)/i.test(name),
  },
  {
    id: 'preference-page-state',
    reason: 'remembers dismissed notices or how lists and panels were arranged; a preference',
    purpose: 'Remembers dismissed notices or how lists and panels were arranged.',
    matches: (_, words) =>
      has(words, 'dismiss', 'dismissed', 'snooze', 'hide', 'hidden', 'collapsed', 'expanded', 'pinned') ||
      has(words, 'notice', 'notices', 'welcome', 'sort', 'filter'),
  },
  {
    id: 'preference-settings',
    reason: 'remembers settings the visitor chose; a preference, the site works without it',
    purpose: 'Remembers settings chosen by the visitor.',
    matches: (_, words) => has(words, 'pref', 'prefs', 'preference', 'preferences', 'preferred', 'settings'),
  },
  {
    id: 'preference-wishlist',
    reason: 'keeps a wishlist or favourites list; a convenience, the site works without it',
    purpose: 'Keeps the wishlist or favourites saved by the visitor.',
    matches: (_, words) =>
      has(words, 'wishlist', 'wishlists', 'favorites', 'favourites') || (has(words, 'wish') && has(words, 'list')),
  },
  {
    id: 'preference-chat-widget',
    reason: 'keeps the state of a chat widget (open, closed, conversation); the chat is an optional feature',
    purpose: 'Keeps the state of the chat widget between pages.',
    matches: (_, words) => has(words, 'chat', 'widget', 'launcher'),
  },
];

const ruleById = (id: string) => PREFERENCE_RULES.find((r) => r.id === id) as PreferenceRule;
const CHAT_VENDOR_RULE = ruleById('preference-chat-widget');
const WISHLIST_VENDOR_RULE = ruleById('preference-wishlist');

/**
 * The rule that moves an upstream Functional cookie to our functional, or null when it stays
 * essential. Chat-widget and wishlist vendors are recognised by vendor: the session of an optional
 * feature is optional too. Everything else is recognised by name.
 */
export function preferenceRuleFor(vendor: string, name: string): PreferenceRule | null {
  if (CONSENT_PLATFORMS.has(vendor)) return null;
  if (CHAT_PLATFORMS.has(vendor)) return CHAT_VENDOR_RULE;
  if (WISHLIST_PLATFORMS.has(vendor)) return WISHLIST_VENDOR_RULE;
  const words = nameWords(name);
  if (words.some((w) => ESSENTIAL_WORDS.has(w))) return null;
  return PREFERENCE_RULES.find((rule) => rule.matches(name, words)) ?? null;
}
