import type { LabellingEntry } from './catalog-schema';
import { nameWords } from './name-rules';
import type { Category, CookieLike, IfDeleted, Party } from './types';
import { looksLikeIdentifier } from './value-shape';

/**
 * What deleting a cookie does, for every label: from the catalog where a vendor documents it, else
 * from rules on the category, the purpose and the name, else from the cookie's shape. Each answer
 * comes with the reason, as the category does. When the rules cannot tell, the answer leans to the
 * consequence that keeps the cookie: a sign-in deleted by mistake costs far more than a tracker kept.
 */

export interface Consequence {
  ifDeleted: IfDeleted;
  ifDeletedReason: string;
}

/** From most to least costly to meet by surprise; `combine` keeps the first of several. */
const COST_ORDER: readonly IfDeleted[] = [
  'signs-out',
  'security-check',
  'empties-cart',
  'asks-consent',
  'unknown',
  'resets-widget',
  'forgets-preference',
  'nothing',
];

interface TextRule {
  ifDeleted: IfDeleted;
  /** Tested on the lower-cased purpose. */
  purpose: RegExp;
  /** Whole words of the name (see nameWords) or text anywhere in it for words glued to others. */
  words?: readonly string[];
  contains?: readonly string[];
}

// The rules for essential and functional cookies, first match wins: a consent record that mentions a
// session is still a consent record, and a cart kept in a session is what people miss.
const RULES: readonly TextRule[] = [
  {
    ifDeleted: 'asks-consent',
    purpose: /\bconsent\b|cookie (choice|preference|setting|banner|notice)s?|\bopt(ed)?[- ]?out\b|tracking choices/,
    words: ['consent', 'optanon', 'cookieconsent', 'cookielawinfo', 'euconsent', 'gdpr', 'ccpa', 'cmp'],
  },
  {
    ifDeleted: 'security-check',
    purpose:
      /\bcsrf\b|\bxsrf\b|forger|\bbots?\b|captcha|fraud|firewall|attack|abuse|\bchallenge\b|web application firewall/,
    words: ['csrf', 'xsrf', 'antiforgery', 'captcha', 'bm', 'abck', 'incap', 'px', 'cf'],
    contains: ['csrf', 'xsrf', 'verificationtoken', 'captcha'],
  },
  {
    ifDeleted: 'empties-cart',
    purpose: /\bcart\b|basket|checkout|\border in progress\b|form (you are|in progress)/,
    words: ['cart', 'basket', 'checkout'],
  },
  {
    ifDeleted: 'signs-out',
    purpose:
      /sign(ed|s)?[- ]?in|log(ged|s)?[- ]?in\b|\blogs? (you )?(back )?in\b|\blogin\b|log-?on|authenticat|\bsession\b|\baccount\b|remember(s)?[- ](you|me)\b/,
    words: ['session', 'sess', 'sid', 'auth', 'login', 'logged', 'token', 'jwt', 'remember', 'account', 'sso'],
    contains: ['sessid', 'sessionid', 'session', 'auth'],
  },
  {
    ifDeleted: 'nothing',
    purpose: /load[- ]?balanc|same server|\brouting\b|affinity|sticky|accepts? cookies|cookies are enabled|test cookie/,
    words: ['awsalb', 'awsalbcors', 'awselb', 'route', 'affinity', 'lb', 'test'],
  },
  {
    ifDeleted: 'resets-widget',
    purpose: /\bchat\b|video|player|widget|conversation|messag/,
    words: ['chat', 'video', 'player', 'widget'],
  },
  {
    ifDeleted: 'forgets-preference',
    purpose: /language|locale|currency|region|country|preference|setting|layout|theme|font|dismiss|recently viewed/,
    words: ['lang', 'language', 'locale', 'currency', 'region', 'country', 'pref', 'prefs', 'theme', 'tz'],
  },
];

// A functional cookie serves a feature the site works without: a chat's "session" is the chat's, so
// the widget rule comes before the sign-in rule. A session of anything else is still kept: when in
// doubt, keep it.
const FUNCTIONAL_RULES: readonly TextRule[] = [
  ...RULES.filter((r) => ['asks-consent', 'security-check', 'empties-cart', 'resets-widget'].includes(r.ifDeleted)),
  ...RULES.filter((r) => !['asks-consent', 'security-check', 'empties-cart', 'resets-widget'].includes(r.ifDeleted)),
];

// Analytics and advertising cookies cost nothing to lose, except the few whose documentation says
// they also hold a sign-in (the Open Cookie Database files Google's SID under advertising).
const SIGN_IN_IN_PURPOSE = /sign(ed|s)?[- ]?in\b|log(ged|s)?[- ]?in\b|\blogin\b|authenticat/;
const NOT_SIGNED_IN =
  /\bnot (signed|logged)[- ]in\b|\bnon-(signed|logged)[- ]in\b|without (signing|logging) in|signed-out|logged-out/;

const NAME_SIGN_IN_WORDS: ReadonlySet<string> = new Set([
  'session',
  'sess',
  'sid',
  'auth',
  'login',
  'logged',
  'token',
  'jwt',
  'remember',
  'account',
  'sso',
]);
const NAME_SIGN_IN_GLUED = ['sessid', 'sessionid', 'session', 'auth', 'login', 'token'];
/** Every word above contains one of these: a name without any cannot have a sign-in word. */
const SIGN_IN_LETTERS = ['sess', 'sid', 'auth', 'log', 'token', 'jwt', 'remember', 'account', 'sso'];

// Labelling runs on every cookie event: an entry's consequence is worked out once, not per label.
const byEntry = new WeakMap<LabellingEntry, Consequence>();

/** The consequence for a cookie a catalog entry decided. */
export function entryConsequence(entry: LabellingEntry): Consequence {
  let known = byEntry.get(entry);
  if (!known) {
    known = consequenceOf(entry);
    byEntry.set(entry, known);
  }
  return known;
}

function consequenceOf(entry: LabellingEntry): Consequence {
  if (entry.ifDeleted) {
    const how = entry.inferred ? 'from what the vendor says the cookie does' : 'documented for this cookie';
    return { ifDeleted: entry.ifDeleted, ifDeletedReason: `${how} (${entry.vendor})` };
  }
  return fromText(entry.category, entry.purpose, entry.name ?? entry.pattern ?? '');
}

/**
 * The consequence for a cookie labelled from a purpose sentence (a catalog entry without an
 * `ifDeleted`, a domain owner, or the name heuristics).
 */
export function fromText(category: Category, purpose: string | null, name: string): Consequence {
  const text = (purpose ?? '').toLowerCase();
  if (category === 'analytics' || category === 'marketing') {
    if (SIGN_IN_IN_PURPOSE.test(text) && !NOT_SIGNED_IN.test(text)) {
      return {
        ifDeleted: 'signs-out',
        ifDeletedReason: `its ${category} use also holds a sign-in, as its description says; kept to be safe`,
      };
    }
    return { ifDeleted: 'nothing', ifDeletedReason: `${category} cookies only serve the site and its partners` };
  }
  if (category === 'unknown') return { ifDeleted: 'unknown', ifDeletedReason: 'nothing tells what it does' };
  const words = nameWords(name);
  const lower = name.toLowerCase();
  const rules = category === 'functional' ? FUNCTIONAL_RULES : RULES;
  for (const rule of rules) {
    if (rule.purpose.test(text)) return { ifDeleted: rule.ifDeleted, ifDeletedReason: ruleReason(rule, 'purpose') };
  }
  for (const rule of rules) {
    if (rule.words?.some((w) => words.includes(w)) || rule.contains?.some((c) => lower.includes(c))) {
      return { ifDeleted: rule.ifDeleted, ifDeletedReason: ruleReason(rule, 'name') };
    }
  }
  if (category === 'functional') {
    return { ifDeleted: 'forgets-preference', ifDeletedReason: 'a functional cookie remembers a choice or a state' };
  }
  return {
    ifDeleted: 'unknown',
    ifDeletedReason: 'the site needs it, but what losing it does is not documented',
  };
}

function ruleReason(rule: TextRule, from: 'purpose' | 'name'): string {
  const what = from === 'purpose' ? 'its purpose' : 'its name';
  switch (rule.ifDeleted) {
    case 'asks-consent':
      return `${what} says it records your cookie choices`;
    case 'security-check':
      return `${what} says it protects against forgery, bots or fraud`;
    case 'empties-cart':
      return `${what} speaks of a cart or a form in progress`;
    case 'signs-out':
      return `${what} speaks of a sign-in or a session`;
    case 'nothing':
      return `${what} says it is server routing or a cookie test`;
    case 'resets-widget':
      return `${what} says it keeps a widget's state`;
    default:
      return `${what} says it remembers a preference`;
  }
}

/**
 * A cookie nothing identifies. One that looks like a session (a word of sign-in in its name, a name
 * prefix browsers reserve for sensitive cookies, only the server may read it, a signed token or a
 * long random value on the site itself) is taken for one: deleting it may sign the person out.
 */
export function guessFromCookie(cookie: CookieLike, party: Party): Consequence | null {
  const word = signInWordOf(cookie.name);
  if (word) {
    return {
      ifDeleted: 'signs-out',
      ifDeletedReason: `its name has "${word}", as sign-in and session cookies do; kept`,
    };
  }
  if (/^__(Host|Secure)-/.test(cookie.name)) {
    return {
      ifDeleted: 'signs-out',
      ifDeletedReason: 'its name has a prefix browsers reserve for security-sensitive cookies, such as sign-ins; kept',
    };
  }
  if (party === 'third') return null;
  if (cookie.httpOnly === true) {
    return {
      ifDeleted: 'signs-out',
      ifDeletedReason: 'only the server can read it (HttpOnly), as with sign-in and session cookies; kept',
    };
  }
  const value = cookie.value ?? '';
  if (/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*$/.test(value)) {
    return { ifDeleted: 'signs-out', ifDeletedReason: 'it holds a signed token (JWT), as sign-ins do; kept' };
  }
  if (looksLikeIdentifier(value) && value.length >= 20) {
    return {
      ifDeleted: 'signs-out',
      ifDeletedReason: 'it holds a long random value on the site itself, as session cookies do; kept',
    };
  }
  return null;
}

// Every uncatalogued cookie comes through here, and sites repeat names: the word is found once per name.
const signInWords = new Map<string, string | null>();
const SIGN_IN_WORDS_CACHE = 10_000;

function signInWordOf(fullName: string): string | null {
  let word = signInWords.get(fullName);
  if (word === undefined) {
    const name = fullName.replace(/^__(Host|Secure)-/, '');
    const lower = name.toLowerCase();
    // Most names hold none of these letters at all: only the others are split into words.
    word = SIGN_IN_LETTERS.some((l) => lower.includes(l))
      ? (nameWords(name).find((w) => NAME_SIGN_IN_WORDS.has(w)) ??
        NAME_SIGN_IN_GLUED.find((g) => lower.includes(g)) ??
        null)
      : null;
    if (signInWords.size >= SIGN_IN_WORDS_CACHE) signInWords.clear();
    signInWords.set(fullName, word);
  }
  return word;
}

/** For a label from a fallback: the cookie's own look overrules a harmless-sounding guess. */
export function fallbackConsequence(
  category: Category,
  purpose: string | null,
  cookie: CookieLike,
  party: Party,
): Consequence {
  const byText = fromText(category, purpose, cookie.name);
  if (category === 'analytics' || category === 'marketing') {
    // A guess at analytics or advertising that the name says is a session is kept: the guess is weak.
    const named = guessFromCookie({ ...cookie, httpOnly: false, value: '' }, 'third');
    return byText.ifDeleted === 'nothing' && named ? named : byText;
  }
  if (byText.ifDeleted !== 'unknown' && byText.ifDeleted !== 'forgets-preference') return byText;
  const looks = guessFromCookie(cookie, party);
  return looks && (category === 'unknown' || byText.ifDeleted === 'unknown') ? looks : byText;
}

/** Several candidate entries of an ambiguous name: the costliest consequence among them. */
export function combine(consequences: readonly Consequence[]): Consequence {
  let best = consequences[0];
  for (const c of consequences) {
    if (COST_ORDER.indexOf(c.ifDeleted) < COST_ORDER.indexOf(best.ifDeleted)) best = c;
  }
  const agree = consequences.every((c) => c.ifDeleted === best.ifDeleted);
  return agree
    ? best
    : {
        ifDeleted: best.ifDeleted,
        ifDeletedReason: `${best.ifDeletedReason}, for one of the vendors that use the name`,
      };
}
