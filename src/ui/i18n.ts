/**
 * Every string on screen goes through `chrome.i18n`, which has every key: the build merges
 * src/ui/messages into `_locales` and fails when a language lacks one. So the pages ship no copy of
 * the English strings. Outside the extension (unit tests, fixture pages with a fake client) there is
 * no `chrome.i18n`; whoever mounts the pages there hands the English messages to
 * `setFallbackMessages`, and the translator substitutes `$1`..`$9` the way Chrome does.
 */

export type Messages = Record<string, { message: string; description?: string }>;
type Sub = string | number;

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

function i18nApi(): I18nApi | null {
  const api = (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;
  return api && typeof api.getMessage === 'function' ? api : null;
}

export function substitute(message: string, subs: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

/** Keys `<base>_one` and `<base>_other` make a plural pair; this names the bases. */
type PluralBase<K extends string, All extends string = K> = K extends `${infer B}_other`
  ? `${B}_one` extends All
    ? B
    : never
  : never;

export interface Translator<K extends string> {
  (key: K, ...subs: Sub[]): string;
  /** The plural form of `base` for `n`, with `n` (formatted) as `$1`. */
  plural(base: PluralBase<K>, n: number, ...more: Sub[]): string;
}

let fallback: Messages = {};

/** The messages used where there is no `chrome.i18n` (see above); the extension never calls this. */
export function setFallbackMessages(messages: Messages): void {
  fallback = messages;
}

/** A translator for the keys `K`; with `own` messages it falls back to those instead of the registered ones. */
export function createTranslator<K extends string>(own?: Readonly<Record<K, Messages[string]>>): Translator<K> {
  const t = ((key: K, ...subs: Sub[]) => {
    const strings = subs.map(String);
    const found = i18nApi()?.getMessage(key, strings);
    if (found) return found;
    const entry = (own ?? fallback)[key];
    return entry ? substitute(entry.message, strings) : key;
  }) as Translator<K>;
  t.plural = (base, n, ...more) => t(`${base}_${pluralForm(n, uiLanguage())}` as K, formatNumber(n), ...more);
  return t;
}

let language: string | null = null;

/** The language of the messages actually shown (not the browser's), so numbers match the words. */
export function uiLanguage(): string {
  if (language) return language;
  const fromMessages = i18nApi()?.getMessage('uiLocale');
  language = fromMessages || 'en';
  return language;
}

/**
 * The languages the pages ship in (English, Norwegian Bokmål) say "one" for exactly 1 (or -1) and "other"
 * for every other whole number, as Intl.PluralRules does (a unit test holds the two together). The
 * first Intl.PluralRules of a page costs about 10 ms while ICU loads its plural data, on the first
 * screen of every page, which counts things.
 */
const ONE_IS_ONE = new Set(['en', 'nb']);

const rules = new Map<string, Intl.PluralRules>();
/** The message form for `n`: `one` or `other`, the two forms the messages have. */
export function pluralForm(n: number, language: string): 'one' | 'other' {
  if (ONE_IS_ONE.has(language) && Number.isInteger(n)) return Math.abs(n) === 1 ? 'one' : 'other';
  const known = rules.get(language) ?? new Intl.PluralRules(language);
  rules.set(language, known);
  return known.select(n) === 'one' ? 'one' : 'other';
}

/**
 * How the languages the pages ship in group the digits of a whole number, as Intl.NumberFormat
 * does (a unit test holds the two together). The first Intl.NumberFormat of a browser process costs
 * 20 to 40 ms while ICU loads its number data, and a popup opened after the extension's process
 * ended would wait for it on its first screen, which shows counts.
 */
const GROUP_SEPARATORS: Readonly<Record<string, string>> = { en: ',', nb: '\u00a0' };

/** A whole number as Intl.NumberFormat writes it in `language`, without Intl; null where that is not known. */
export function formatWholeNumber(n: number, language: string): string | null {
  const separator = GROUP_SEPARATORS[language];
  if (separator === undefined || !Number.isSafeInteger(n) || n < 0) return null;
  return String(n).replace(/\B(?=(\d{3})+$)/g, separator);
}

let numbers: Intl.NumberFormat | null = null;
export function formatNumber(n: number): string {
  const whole = formatWholeNumber(n, uiLanguage());
  if (whole !== null) return whole;
  numbers ??= new Intl.NumberFormat(uiLanguage());
  return numbers.format(n);
}
