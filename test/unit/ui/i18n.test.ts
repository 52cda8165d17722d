import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator, substitute } from '../../../src/ui/i18n';

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
