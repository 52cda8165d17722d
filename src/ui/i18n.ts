/**
 * Every string on screen goes through `chrome.i18n`. Outside the extension (unit tests, a page
 * mounted with a fake client) there is no `chrome.i18n`, so each part falls back to its English
 * JSON, substituting `$1`..`$9` the way Chrome does.
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

export function createTranslator<M extends Messages>(english: M): Translator<Extract<keyof M, string>> {
  type K = Extract<keyof M, string>;
  const t = ((key: K, ...subs: Sub[]) => {
    const strings = subs.map(String);
    const found = i18nApi()?.getMessage(key, strings);
    if (found) return found;
    const entry = english[key];
    return entry ? substitute(entry.message, strings) : key;
  }) as Translator<K>;
  t.plural = (base, n, ...more) => {
    const form = pluralRules().select(n) === 'one' ? 'one' : 'other';
    return t(`${base}_${form}` as K, formatNumber(n), ...more);
  };
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

let rules: Intl.PluralRules | null = null;
function pluralRules(): Intl.PluralRules {
  rules ??= new Intl.PluralRules(uiLanguage());
  return rules;
}

let numbers: Intl.NumberFormat | null = null;
export function formatNumber(n: number): string {
  numbers ??= new Intl.NumberFormat(uiLanguage());
  return numbers.format(n);
}
