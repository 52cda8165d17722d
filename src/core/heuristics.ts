import type { Clue, Known } from './clues';
import type { Fallback, FallbackLabel } from './fallback';
import { cookieLifetime } from './lifetime';
import { nameClues, PURPOSE } from './name-rules';
import type { CookieLike, Party } from './types';
import { looksLikeIdentifier, safeDecode } from './value-shape';

/**
 * Guesses the category of a cookie the catalog does not list, from its name, value and attributes.
 * Each rule yields a clue (a category, a confidence and a reason); the clues are then weighed in
 * `decide`. The costliest mistake is calling an essential cookie optional, because optional cookies
 * get deleted and a deleted session cookie signs the person out, so a clue for `essential` that
 * conflicts with one for an optional category gives `unknown` unless one clearly outweighs the other.
 */

/** Below this, a guess is not worth showing: the cookie stays unknown. */
export const MIN_CONFIDENCE = 0.5;
/** A heuristic never claims as much certainty as a catalog entry. */
const MAX_CONFIDENCE = 0.85;
/** How far an optional clue must outweigh an essential one before the cookie is called optional. */
const ESSENTIAL_GUARD = 0.15;
/** How far an essential clue must outweigh an optional one (a smaller risk: the cookie is kept). */
const OPTIONAL_GUARD = 0.1;

const DAY = 86_400;

const LANGUAGE_CODES = new Set(
  'en de fr es it nl pt sv da fi nb nn pl cs sk hu ro bg el ru uk tr ja zh ko ar he hi th vi et lv lt sl hr sr'.split(
    ' ',
  ),
);
const CURRENCY_CODES = new Set('USD EUR GBP CHF JPY CNY SEK NOK DKK PLN CZK HUF CAD AUD NZD INR BRL MXN'.split(' '));

/** Clues from the value's shape: formats that give away the tool that wrote them. */
function valueClues(value: string | undefined, party: Party): Clue[] {
  if (!value) return [];
  const v = safeDecode(value).trim();
  const clues: Clue[] = [];
  if (/^GA\d\.\d+\.[\w.-]+$/.test(v) || /^GS\d\.\d+\.[\w.$-]+$/.test(v)) {
    clues.push({
      category: 'analytics',
      confidence: 0.75,
      purpose: PURPOSE.visitorId,
      reason: 'the value has the format of a Google Analytics id (`GA1.…`)',
    });
  }
  if (/^fb\.\d+\.\d{10,}\.\d+/.test(v)) {
    clues.push({
      category: 'marketing',
      confidence: 0.75,
      purpose: PURPOSE.advertising,
      reason: 'the value has the format of a Meta pixel browser id (`fb.1.…`)',
    });
  }
  if (/^GCL\.\d+\./.test(v)) {
    clues.push({
      category: 'marketing',
      confidence: 0.75,
      purpose: PURPOSE.advertising,
      reason: 'the value has the format of a Google Ads click record (`GCL.…`)',
    });
  }
  if (party !== 'third' && /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*$/.test(v)) {
    clues.push({
      category: 'essential',
      confidence: 0.55,
      purpose: PURPOSE.signIn,
      reason: 'the value is a signed token (JWT), as sign-in cookies hold',
    });
  }
  if (/^[a-z]{2}[-_][A-Za-z]{2}$/.test(v)) {
    clues.push({
      category: 'functional',
      confidence: 0.55,
      purpose: PURPOSE.preference,
      reason: `the value looks like a locale (\`${v}\`)`,
    });
  } else if (LANGUAGE_CODES.has(v)) {
    // Two letters alone may as well be a country detected from the address, a region or a flag:
    // they back a name that speaks of language, but do not make a preference on their own.
    clues.push({
      category: 'functional',
      confidence: 0.45,
      purpose: PURPOSE.preference,
      reason: `the value looks like a language code (\`${v}\`)`,
    });
  }
  if (CURRENCY_CODES.has(v)) {
    clues.push({
      category: 'functional',
      confidence: 0.55,
      purpose: PURPOSE.preference,
      reason: `the value looks like a currency code (\`${v}\`)`,
    });
  }
  return clues;
}

/** Clues from party, lifetime and flags (all weak). */
function attributeClues(cookie: CookieLike, party: Party, now: number): Clue[] {
  const clues: Clue[] = [];
  const lifetime = cookieLifetime(cookie, now);
  const seconds = lifetime.kind === 'duration' ? lifetime.seconds : 0;
  const days = Math.round(seconds / DAY);
  const opaque = looksLikeIdentifier(cookie.value);
  if (party === 'first' && cookie.httpOnly === true) {
    clues.push({
      category: 'essential',
      confidence: 0.55,
      purpose: PURPOSE.session,
      reason: 'only the server can read it (HttpOnly), as with session and sign-in cookies',
    });
  }
  if (/^__(Host|Secure)-/.test(cookie.name)) {
    clues.push({
      category: 'essential',
      confidence: 0.5,
      purpose: PURPOSE.signIn,
      reason: `the name starts with \`${cookie.name.slice(0, cookie.name.indexOf('-') + 1)}\`, a prefix browsers reserve for security-sensitive cookies`,
    });
  }
  if (party === 'third' && seconds >= 30 * DAY && opaque) {
    clues.push({
      category: 'marketing',
      confidence: 0.6,
      purpose: PURPOSE.crossSiteId,
      reason: `a third-party cookie keeps a random identifier for ${days} days, the usual way to recognise a browser across sites`,
    });
  } else if (party === 'third' && seconds >= DAY) {
    clues.push({
      category: 'marketing',
      confidence: 0.5,
      purpose: PURPOSE.crossSiteId,
      reason: `a third-party cookie that lasts ${days} days`,
    });
  }
  // No rule turns a long-lived first-party identifier into analytics: sites also keep device and
  // remember-me identifiers that way, and deleting those signs people out.
  if (party === 'first' && lifetime.kind === 'session' && opaque) {
    clues.push({
      category: 'essential',
      confidence: 0.5,
      purpose: PURPOSE.session,
      reason: 'a session-only cookie holding a random identifier, as server sessions do',
    });
  }
  return clues.map((clue) => ({ ...clue, weak: true }));
}

/** Every clue about a cookie, strongest first. */
export function collectClues(cookie: CookieLike, party: Party, now: number): Clue[] {
  const clues = nameClues(cookie.name.replace(/^__(Host|Secure)-/, ''), party);
  clues.push(...valueClues(cookie.value, party), ...attributeClues(cookie, party, now));
  return clues.sort((a, b) => b.confidence - a.confidence);
}

/** Weighs the clues: the strongest category wins, unless essential and optional clues are too close. */
export function decide(all: readonly Clue[]): FallbackLabel | null {
  const strong = all.some((c) => !c.weak);
  const clues = strong ? all.filter((c) => !c.weak || c.category === 'essential') : all;
  const best = new Map<Known, Clue>();
  for (const clue of clues) {
    const held = best.get(clue.category);
    if (!held || clue.confidence > held.confidence) best.set(clue.category, clue);
  }
  if (best.size === 0) return null;
  const ranked = [...best.values()].sort((a, b) => b.confidence - a.confidence);
  const winner = ranked[0];
  if (winner.confidence < MIN_CONFIDENCE) return null;
  const essential = best.get('essential');
  const optional = ranked.find((c) => c.category !== 'essential');
  if (essential && optional) {
    const margin = winner === essential ? OPTIONAL_GUARD : ESSENTIAL_GUARD;
    if (Math.abs(essential.confidence - optional.confidence) < margin - 1e-9) {
      return {
        category: 'unknown',
        vendor: null,
        purpose: null,
        source: 'heuristic',
        confidence: 0,
        reason: `clues disagree: ${essential.reason} (essential), but ${optional.reason} (${optional.category})`,
      };
    }
  }
  const agreeing = clues.filter((c) => c.category === winner.category && c !== winner);
  const confidence = Math.min(MAX_CONFIDENCE, winner.confidence + 0.05 * agreeing.length);
  const reasons = [winner, ...agreeing.slice(0, 1)].map((c) => c.reason);
  return {
    category: winner.category,
    vendor: null,
    purpose: winner.purpose,
    source: 'heuristic',
    confidence: Math.round(confidence * 100) / 100,
    reason: reasons.join('; '),
  };
}

/** The labeller fallback for cookies that neither the catalog nor the domain owner explain. */
export const heuristicFallback: Fallback = (cookie, context, party) =>
  decide(collectClues(cookie, party, context.now ?? Date.now() / 1000));
