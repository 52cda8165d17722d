import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

type Messages = Record<string, { message: string; description?: string; placeholders?: unknown }>;

/** The `$1`..`$9` a message substitutes; `$$` is a literal dollar, so `$$1` substitutes nothing. */
export function placeholdersOf(message: string): string[] {
  const found = new Set<string>();
  for (const [, d] of message.matchAll(/\$(\$|[1-9])/g)) if (d !== '$') found.add(`$${d}`);
  return [...found].sort();
}

/**
 * The extension's strings are in `src/ui/messages/<lang>.json` (any other `messages/<lang>.json` under src/ would be merged too).
 * This merges them into `_locales/<lang>/messages.json` and fails the build when a key is defined
 * twice, a language lacks a key that English has, or a translation substitutes other placeholders
 * than English (a dropped `$2` silently loses a number), so no language ships half translated.
 */
export function mergeLocales(srcDir: string): Map<string, Messages> {
  const byLang = new Map<string, Messages>();
  const origin = new Map<string, string>();
  const problems: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else if (dir.endsWith(`${'/'}messages`) && name.endsWith('.json')) {
        const lang = name.replace(/\.json$/, '');
        const messages = JSON.parse(readFileSync(full, 'utf8')) as Messages;
        const merged = byLang.get(lang) ?? {};
        for (const [key, value] of Object.entries(messages)) {
          const where = `${lang}:${key}`;
          if (origin.has(where))
            problems.push(`${relative(srcDir, full)}: "${key}" is also defined in ${origin.get(where)}`);
          if (typeof value?.message !== 'string') problems.push(`${relative(srcDir, full)}: "${key}" has no message`);
          origin.set(where, relative(srcDir, full));
          merged[key] = value;
        }
        byLang.set(lang, merged);
      }
    }
  };
  visit(srcDir);
  const english = byLang.get('en');
  if (!english) problems.push('no English messages (src/**/messages/en.json)');
  for (const [lang, messages] of byLang) {
    if (!english || lang === 'en') continue;
    for (const [key, { message }] of Object.entries(english)) {
      if (!(key in messages)) problems.push(`${lang} lacks "${key}"`);
      else if (typeof messages[key]?.message === 'string') {
        const want = placeholdersOf(message).join(' ');
        const got = placeholdersOf(messages[key].message).join(' ');
        if (got !== want) problems.push(`${lang}:${key} uses placeholders [${got}], English [${want}]`);
      }
    }
    for (const key of Object.keys(messages))
      if (!(key in english)) problems.push(`${lang} has "${key}", which English lacks`);
  }
  if (problems.length > 0) throw new Error(`Locale messages are inconsistent:\n  ${problems.join('\n  ')}`);
  return byLang;
}

export function localesPlugin(srcDir = resolve(import.meta.dirname, '../../src')): Plugin {
  return {
    name: 'cookie-inspector-locales',
    apply: 'build',
    generateBundle() {
      for (const [lang, messages] of mergeLocales(srcDir)) {
        this.emitFile({
          type: 'asset',
          fileName: `_locales/${lang}/messages.json`,
          source: `${JSON.stringify(messages, null, 2)}\n`,
        });
      }
    },
  };
}
