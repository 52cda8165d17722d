import type { Clue, Known } from './clues';
import { escapeRegex } from './patterns';
import type { Party } from './types';

/**
 * What a cookie's name gives away: words that web frameworks, consent tools, analytics and ad tech
 * put in the names of their cookies. Rules come from general knowledge of those tools; no rule names
 * a cookie of the sample used to measure accuracy. Confidences rank how rarely a word means
 * something else.
 */

/**
 * Lower-case words of a cookie name, split at separators, lower-to-upper case changes and between
 * letters and digits: `ASP.NET_SessionId` -> asp net session id, `_hjSessionUser_12` -> hj session user 12.
 */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  let word = '';
  let prev: CharKind = 'other';
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    const kind = charKind(ch);
    const boundary =
      kind === 'other' ||
      (prev === 'lower' && kind === 'upper') ||
      (prev === 'digit') !== (kind === 'digit') ||
      // The last capital of a run starts the next word: `XMLHttp` -> xml http.
      (prev === 'upper' && kind === 'upper' && charKind(name[i + 1] ?? '') === 'lower');
    if (boundary && word !== '') {
      words.push(word);
      word = '';
    }
    if (kind !== 'other') word += ch.toLowerCase();
    prev = kind;
  }
  if (word !== '') words.push(word);
  return words;
}

type CharKind = 'lower' | 'upper' | 'digit' | 'other';

function charKind(ch: string): CharKind {
  if (ch >= 'a' && ch <= 'z') return 'lower';
  if (ch >= 'A' && ch <= 'Z') return 'upper';
  if (ch >= '0' && ch <= '9') return 'digit';
  return 'other';
}

export interface NameRule {
  category: Known;
  confidence: number;
  purpose: string;
  /** Whole words of the name (see nameWords). */
  words?: readonly string[];
  /** Text anywhere in the lower-cased name: for words that are glued to others (`PHPSESSID`). */
  contains?: readonly string[];
  /** Words that start with one of these, apart from the listed exceptions. */
  prefixes?: readonly string[];
  except?: readonly string[];
  /** The rule fits only when the name also has one of these whole words (`cookie` + `notice`). */
  alongside?: readonly string[];
  /** Only for cookies of this party (`third` also covers an unknown party: no page was given). */
  party?: 'first' | 'third';
}

export const PURPOSE = {
  security: 'Probably protects forms and requests against forgery or bots.',
  session: 'Probably keeps your session on the site between pages.',
  signIn: 'Probably keeps you signed in.',
  consent: 'Probably remembers your cookie or tracking choices (consent given, or an opt-out).',
  routing: 'Probably sends your requests to the same server (load balancing).',
  cart: 'Probably keeps the contents of your shopping cart.',
  probe: 'Probably checks that your browser accepts cookies.',
  preference: 'Probably remembers a setting you chose, such as language, currency or layout.',
  pageState: 'Probably remembers how you left the page, such as a dismissed notice or a list filter.',
  analytics: 'Probably counts visits and measures how the site is used.',
  visitorId: 'Probably recognises your browser on later visits, to measure how the site is used.',
  crossSiteId: 'Probably recognises your browser across sites, for advertising.',
  advertising: 'Probably used to show or measure advertising.',
} as const;

export const NAME_RULES: readonly NameRule[] = [
  {
    category: 'essential',
    confidence: 0.8,
    purpose: PURPOSE.security,
    contains: ['csrf', 'xsrf', 'antiforgery', 'requestverification', 'captcha'],
  },
  {
    category: 'essential',
    confidence: 0.8,
    purpose: PURPOSE.consent,
    contains: ['consent', 'gdpr', 'ccpa', 'cookielaw', 'usprivacy', 'optanon', 'cookieyes', 'cookiebot'],
    words: ['cmp', 'tcf'],
  },
  // An opt-out or do-not-track record is a privacy choice too: deleting it turns back on the
  // tracking the person refused. It is often a tracker's own off switch (`optimizelyOptOut`), so it
  // weighs as much as the tracker's namespace, which leaves such a cookie unknown rather than optional.
  {
    category: 'essential',
    confidence: 0.85,
    purpose: PURPOSE.consent,
    contains: ['optout', 'opt_out', 'opt-out', 'donottrack', 'do_not_track'],
  },
  // A cookie banner's own record says so in two words: `cookie_notice_accepted`, `viewed_cookie_policy`,
  // `hidePrivacyBanner`. It stores the visitor's choice, so it outweighs the page-state words below.
  {
    category: 'essential',
    confidence: 0.8,
    purpose: PURPOSE.consent,
    words: ['cookie', 'cookies', 'privacy'],
    alongside: [
      'notice',
      'banner',
      'bar',
      'accept',
      'accepted',
      'agree',
      'agreed',
      'allow',
      'allowed',
      'policy',
      'law',
      'warning',
      'message',
      'dismiss',
      'dismissed',
      'choice',
      'choices',
      'level',
      'hide',
      'hidden',
      'closed',
    ],
  },
  {
    category: 'essential',
    confidence: 0.7,
    purpose: PURPOSE.session,
    contains: ['session', 'sessid'],
    words: ['sess', 'sid', 'sessionid'],
  },
  {
    category: 'essential',
    confidence: 0.7,
    purpose: PURPOSE.signIn,
    words: ['login', 'logged', 'loggedin', 'signin', 'sso', 'saml', 'oauth', 'jwt', 'remember', 'rememberme'],
    prefixes: ['auth'],
    except: ['author', 'authors'],
  },
  { category: 'essential', confidence: 0.65, purpose: PURPOSE.signIn, contains: ['token'] },
  {
    category: 'essential',
    confidence: 0.65,
    purpose: PURPOSE.routing,
    words: ['lb', 'alb', 'elb', 'route', 'routeid', 'serverid', 'server', 'affinity', 'sticky', 'backend', 'nsc'],
    contains: ['awsalb', 'awselb', 'bigip', 'balanc', 'arraffinity'],
  },
  { category: 'essential', confidence: 0.65, purpose: PURPOSE.cart, words: ['cart', 'basket', 'checkout'] },
  // A probe written to see whether the browser keeps cookies at all (WordPress's
  // `wordpress_test_cookie` is the best known); it holds nothing about the person.
  {
    category: 'essential',
    confidence: 0.6,
    purpose: PURPOSE.probe,
    contains: [
      'cookietest',
      'testcookie',
      'cookie_test',
      'test_cookie',
      'cookiecheck',
      'cookiesenabled',
      'cookies_enabled',
    ],
  },
  {
    category: 'functional',
    confidence: 0.7,
    purpose: PURPOSE.preference,
    words: ['lang', 'language', 'locale', 'lng', 'i18n', 'currency', 'timezone', 'tz', 'country'],
  },
  {
    category: 'functional',
    confidence: 0.6,
    purpose: PURPOSE.preference,
    words: [
      'pref',
      'prefs',
      'preference',
      'preferences',
      'settings',
      'theme',
      'dark',
      'darkmode',
      'font',
      'fontsize',
      'contrast',
      'accessibility',
      'a11y',
      'layout',
      'zoom',
      'volume',
      'muted',
      'region',
      'recently',
      'recent',
      'viewed',
      'wishlist',
      'favorites',
      'favourites',
      'chat',
      'livechat',
    ],
  },
  // Page state the visitor set: a dismissed notice, a collapsed panel, the sort order or filter of a
  // list. The same words the catalog import's preference rules use (scripts/ocd/preference-rules.ts).
  {
    category: 'functional',
    confidence: 0.6,
    purpose: PURPOSE.pageState,
    words: ['dismiss', 'dismissed', 'snooze', 'snoozed', 'collapsed', 'expanded', 'pinned', 'notice', 'sort', 'filter'],
  },
  // Vendor namespaces (Google Analytics `_ga`, Hotjar `_hj`, Matomo `_pk`, Segment `ajs`, Microsoft
  // Clarity `_clck`) say who wrote the cookie, which outweighs a generic word such as `session` after them.
  {
    category: 'analytics',
    confidence: 0.85,
    purpose: PURPOSE.analytics,
    contains: ['matomo', 'piwik', 'mixpanel', 'amplitude', 'optimizely'],
    words: ['ga', 'gid', 'hj', 'pk', 'ajs', 'clck', 'clsk', 'vwo'],
    prefixes: ['utm'],
  },
  {
    category: 'analytics',
    confidence: 0.7,
    purpose: PURPOSE.analytics,
    contains: ['analytics', 'statistic', 'heatmap'],
    words: ['stats', 'stat', 'metrics', 'clarity', 'abtest'],
    prefixes: ['pageview'],
  },
  {
    category: 'analytics',
    confidence: 0.6,
    purpose: PURPOSE.analytics,
    words: ['visit', 'visits', 'returning', 'experiment', 'variant', 'ab'],
  },
  {
    category: 'analytics',
    confidence: 0.6,
    purpose: PURPOSE.visitorId,
    party: 'first',
    words: ['visitor', 'uid', 'uuid', 'guid', 'vid', 'clientid', 'deviceid', 'fingerprint'],
    prefixes: ['track'],
  },
  {
    category: 'marketing',
    confidence: 0.65,
    purpose: PURPOSE.crossSiteId,
    party: 'third',
    words: ['visitor', 'uid', 'uuid', 'guid', 'vid', 'clientid', 'deviceid', 'fingerprint', 'sync', 'usersync'],
    prefixes: ['track'],
  },
  // Ad platforms' namespaces: Google Ads `_gcl`, Meta `_fbp`/`_fbc`, Microsoft `_uet`, TikTok `_ttp`.
  {
    category: 'marketing',
    confidence: 0.85,
    purpose: PURPOSE.advertising,
    words: ['gcl', 'gclid', 'fbp', 'fbc', 'fbclid', 'msclkid', 'dclid', 'ttclid', 'ttp'],
    prefixes: ['uet'],
  },
  {
    category: 'marketing',
    confidence: 0.7,
    purpose: PURPOSE.advertising,
    words: [
      'ad',
      'ads',
      'adid',
      'adv',
      'adserver',
      'clickid',
      'dsp',
      'ssp',
      'rtb',
      'pixel',
      'conv',
      'conversion',
      'affiliate',
      'aff',
      'audience',
    ],
    prefixes: ['advert', 'retarget', 'remarketing', 'campaign'],
  },
];

/** A name rule prepared for the many cookies that go through every rule. */
interface CompiledRule {
  rule: NameRule;
  contains: RegExp | null;
  words: ReadonlySet<string>;
  prefixes: RegExp | null;
  alongside: ReadonlySet<string> | null;
}

const alternation = (texts: readonly string[] | undefined, anchor: string) =>
  texts?.length ? new RegExp(`${anchor}(?:${texts.map(escapeRegex).join('|')})`) : null;

const COMPILED_RULES: readonly CompiledRule[] = NAME_RULES.map((rule) => ({
  rule,
  contains: alternation(rule.contains, ''),
  words: new Set(rule.words),
  prefixes: alternation(rule.prefixes, '^'),
  alongside: rule.alongside ? new Set(rule.alongside) : null,
}));

/** A clue from a name rule, or null when the rule does not fit. */
function applyNameRule(compiled: CompiledRule, lower: string, words: readonly string[], party: Party): Clue | null {
  const { rule } = compiled;
  if (rule.party === 'first' && party !== 'first') return null;
  if (rule.party === 'third' && party === 'first') return null;
  let hit = compiled.contains?.exec(lower)?.[0];
  if (hit === undefined) {
    for (const w of words) {
      if (compiled.words.has(w) || (compiled.prefixes?.test(w) && !rule.except?.includes(w))) {
        hit = w;
        break;
      }
    }
  }
  if (hit === undefined) return null;
  let also = '';
  if (compiled.alongside) {
    const second = words.find((w) => compiled.alongside?.has(w));
    if (second === undefined) return null;
    also = ` and \`${second}\``;
  }
  // A session or sign-in cookie of an embedded service still matters, but less surely than the site's own.
  const confidence = rule.category === 'essential' && party === 'third' ? rule.confidence - 0.1 : rule.confidence;
  return { category: rule.category, confidence, purpose: rule.purpose, reason: `name contains \`${hit}\`${also}` };
}

/** A clue from every rule the name fits. */
export function nameClues(name: string, party: Party): Clue[] {
  const words = nameWords(name);
  const lower = name.toLowerCase();
  const clues: Clue[] = [];
  for (const rule of COMPILED_RULES) {
    const clue = applyNameRule(rule, lower, words, party);
    if (clue) clues.push(clue);
  }
  return clues;
}
