import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mergeLocales, placeholdersOf } from '../../../scripts/lib/vite-locales-plugin';

/** The build-time merge of src/<part>/messages/<lang>.json into _locales (scripts/lib/vite-locales-plugin.ts). */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function source(parts: Record<string, Record<string, Record<string, string>>>): string {
  const root = mkdtempSync(join(tmpdir(), 'locales-'));
  dirs.push(root);
  for (const [part, languages] of Object.entries(parts)) {
    mkdirSync(join(root, part, 'messages'), { recursive: true });
    for (const [lang, strings] of Object.entries(languages)) {
      const messages = Object.fromEntries(Object.entries(strings).map(([k, message]) => [k, { message }]));
      writeFileSync(join(root, part, 'messages', `${lang}.json`), JSON.stringify(messages));
    }
  }
  return root;
}

describe('merging the locale messages', () => {
  it('merges every part into one set per language', () => {
    const merged = mergeLocales(
      source({
        ui: { en: { a: 'A $1' }, nb: { a: 'A-nb $1' } },
        popup: { en: { b: 'B' }, nb: { b: 'B-nb' } },
      }),
    );
    expect(Object.keys(merged.get('en') ?? {}).sort()).toEqual(['a', 'b']);
    expect(merged.get('nb')?.a.message).toBe('A-nb $1');
  });

  it('fails when a translation drops, adds or renumbers a placeholder', () => {
    const root = source({
      ui: {
        en: { count: '$2 of $1 shown', one: 'Also remove the $1 cookie', same: '$1 and $2' },
        nb: { count: '$2 av vises', one: 'Fjern også den $1 $3', same: '$2 og $1' },
      },
    });
    expect(() => mergeLocales(root)).toThrow(
      /nb:count uses placeholders \[\$2\], English \[\$1 \$2\][\s\S]*nb:one uses placeholders \[\$1 \$3\], English \[\$1\]/,
    );
    expect(() => mergeLocales(root)).not.toThrow(/nb:same/);
  });

  it('still fails on a missing or doubled key', () => {
    expect(() => mergeLocales(source({ ui: { en: { a: 'A', b: 'B' }, nb: { a: 'A' } } }))).toThrow(/nb lacks "b"/);
    expect(() => mergeLocales(source({ ui: { en: { a: 'A' } }, popup: { en: { a: 'A' } } }))).toThrow(
      /"a" is also defined/,
    );
  });

  it('accepts the extension’s own messages', () => {
    expect(() => mergeLocales(resolve(import.meta.dirname, '../../../src'))).not.toThrow();
  });
});

describe('placeholdersOf', () => {
  it('finds $1 to $9 once each, and takes $$ for a dollar sign', () => {
    expect(placeholdersOf('$2 of $1, again $1')).toEqual(['$1', '$2']);
    expect(placeholdersOf('costs $$1, owes $$$2')).toEqual(['$2']);
    expect(placeholdersOf('no placeholders')).toEqual([]);
  });
});
