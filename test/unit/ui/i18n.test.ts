import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator, formatWholeNumber, pluralForm, substitute } from '../../../src/ui/i18n';

const SRC = resolve(import.meta.dirname, '../../../src');
type Messages = Record<string, { message: string }>;

function load(part: string, lang: string): Messages {
  return JSON.parse(readFileSync(join(SRC, part, 'messages', `${lang}.json`), 'utf8')) as Messages;
}

function placeholders(message: string): string[] {
  return [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();
}

describe('the strings of the pages (src/ui/messages)', () => {
  const part = 'ui';
  const languages = readdirSync(join(SRC, part, 'messages')).map((f) => f.replace(/\.json$/, ''));
  const english = load(part, 'en');

  it('come in English and Norwegian Bokmål', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'nb']));
  });

  it.each(languages.filter((l) => l !== 'en'))('are complete in %s, with the same placeholders', (lang) => {
    const other = load(part, lang);
    expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
    for (const [key, { message }] of Object.entries(english)) {
      expect(placeholders(other[key].message), `${lang}:${key}`).toEqual(placeholders(message));
      expect(other[key].message.trim(), `${lang}:${key}`).not.toBe('');
    }
  });

  it('pair every plural form', () => {
    for (const key of Object.keys(english)) {
      if (key.endsWith('_one')) expect(english, key).toHaveProperty(key.replace(/_one$/, '_other'));
      if (key.endsWith('_other')) expect(english, key).toHaveProperty(key.replace(/_other$/, '_one'));
    }
  });

  it('use only key characters Chrome accepts', () => {
    for (const key of Object.keys(english)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  // One translator serves every page, so a key's prefix says where it shows: a panel string used
  // in the popup (or the reverse) is a mistake the compiler cannot see.
  it.each([
    ['panel', 'devtools'],
    ['popup', 'popup'],
  ])('keep %s… keys to src/%s', (prefix, home) => {
    const misplaced: string[] = [];
    const visit = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (/\.tsx?$/.test(entry.name) && !full.startsWith(join(SRC, home))) {
          for (const [, key] of readFileSync(full, 'utf8').matchAll(/\bt(?:\.plural)?\('([A-Za-z0-9_]+)'/g))
            if (key.startsWith(prefix)) misplaced.push(`${full.slice(SRC.length + 1)}: ${key}`);
        }
      }
    };
    visit(SRC);
    expect(misplaced).toEqual([]);
  });
});

describe('the translator', () => {
  const messages = {
    greet: { message: 'Hello $1, you owe $$$2' },
    apples_one: { message: '$1 apple' },
    apples_other: { message: '$1 apples' },
  };
  afterEach(() => {
    delete (globalThis as { chrome?: unknown }).chrome;
  });

  it('falls back to English with substitutions outside the extension', () => {
    const t = createTranslator(messages);
    expect(t('greet', 'Ada', 5)).toBe('Hello Ada, you owe $5');
  });

  it('picks the plural form and formats the number', () => {
    const t = createTranslator(messages);
    expect(t.plural('apples', 1)).toBe('1 apple');
    expect(t.plural('apples', 0)).toBe('0 apples');
    expect(t.plural('apples', 1200)).toBe('1,200 apples');
  });

  it('asks chrome.i18n first when there is one', () => {
    (globalThis as { chrome?: unknown }).chrome = {
      i18n: { getMessage: (key: string, subs: string[]) => (key === 'greet' ? `Hei ${subs[0]}` : '') },
    };
    const t = createTranslator(messages);
    expect(t('greet', 'Ada', 5)).toBe('Hei Ada');
    // An empty answer means Chrome has no such message: the English text is used.
    expect(t('apples_one', 1)).toBe('1 apple');
  });

  it('substitutes like Chrome: missing ones become empty, $$ is a dollar', () => {
    expect(substitute('$1 and $2 cost $$3', ['a'])).toBe('a and  cost $3');
  });
});

describe('whole numbers', () => {
  const shipped = readdirSync(join(SRC, 'ui', 'messages')).map(
    (f) => load('ui', f.replace(/\.json$/, '')).uiLocale.message,
  );

  it.each(shipped)('are written in %s as Intl.NumberFormat writes them, without asking it', (language) => {
    const intl = new Intl.NumberFormat(language);
    const samples = [
      0,
      1,
      7,
      42,
      999,
      1000,
      1001,
      9999,
      12_345,
      100_000,
      999_999,
      1_000_000,
      1_234_567,
      2 ** 31,
      2 ** 53 - 1,
    ];
    for (const n of samples) expect(formatWholeNumber(n, language), `${n}`).toBe(intl.format(n));
  });

  // The pages write durations and sizes with messages, not Intl's unit style (src/ui/format.ts):
  // each shipped language must say exactly what Intl would.
  it.each(shipped)('and durations and sizes in %s read as Intl.NumberFormat writes them', (language) => {
    const lang = readdirSync(join(SRC, 'ui', 'messages'))
      .map((f) => f.replace(/\.json$/, ''))
      .find((l) => load('ui', l).uiLocale.message === language) as string;
    const messages = load('ui', lang);
    const plural = new Intl.PluralRules(language);
    const units = {
      durationYear: 'year',
      durationMonth: 'month',
      durationDay: 'day',
      durationHour: 'hour',
      durationMinute: 'minute',
      durationSecond: 'second',
      bytes: 'byte',
    };
    for (const [base, unit] of Object.entries(units)) {
      const intl = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' });
      for (const n of [1, 2, 5, 21, 1000, 12_345]) {
        const form = plural.select(n) === 'one' ? 'one' : 'other';
        const ours = substitute(messages[`${base}_${form}`].message, [formatWholeNumber(n, language) ?? '']);
        expect(ours, `${lang} ${base} ${n}`).toBe(intl.format(n));
      }
    }
  });

  it.each(shipped)('choose the plural form in %s as Intl.PluralRules does', (language) => {
    const rules = new Intl.PluralRules(language);
    for (let n = 0; n <= 1100; n++) {
      expect(pluralForm(n, language), `${n}`).toBe(rules.select(n) === 'one' ? 'one' : 'other');
    }
    for (const n of [-1, 1.5, 0.5, 2 ** 53 - 1]) {
      expect(pluralForm(n, language), `${n}`).toBe(rules.select(n) === 'one' ? 'one' : 'other');
    }
  });

  it('leave fractions, negative numbers and other languages to Intl', () => {
    expect(formatWholeNumber(1.5, 'en')).toBeNull();
    expect(formatWholeNumber(-3, 'en')).toBeNull();
    expect(formatWholeNumber(1000, 'de')).toBeNull();
  });
});
