import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * DuckDuckGo's autoconsent (MPL-2.0, used unmodified as a separate file, so our own code keeps
 * its licence): its content-script bundle for pages driven by Playwright and its declarative rules
 * for some 800 consent platforms and sites. Read from the installed package at run time, so that
 * neither the extension nor the CLI bundle carries a copy.
 */

export interface AutoconsentRule {
  name: string;
  runContext?: { main?: boolean; frame?: boolean; urlPattern?: string };
  [key: string]: unknown;
}

export interface AutoconsentAssets {
  /** Evaluated in every frame; it asks `window.autoconsentSendMessage` for its configuration. */
  contentScript: string;
  /** Rules that may run anywhere, and those tied to sites by a URL pattern, compiled once. */
  genericRules: AutoconsentRule[];
  siteRules: Array<{ pattern: RegExp; rule: AutoconsentRule }>;
}

let cached: AutoconsentAssets | null = null;

export function loadAutoconsent(): AutoconsentAssets {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  let rulesPath: string;
  try {
    rulesPath = require.resolve('@duckduckgo/autoconsent/rules/rules.json');
  } catch {
    throw new Error(
      'The consent audit needs the package @duckduckgo/autoconsent, which is not installed: run `npm install`.',
    );
  }
  const contentScript = readFileSync(join(dirname(rulesPath), '..', 'dist', 'autoconsent.playwright.js'), 'utf8');
  const rules = (JSON.parse(readFileSync(rulesPath, 'utf8')) as { autoconsent: AutoconsentRule[] }).autoconsent;
  const genericRules: AutoconsentRule[] = [];
  const siteRules: AutoconsentAssets['siteRules'] = [];
  for (const rule of rules) {
    const urlPattern = rule.runContext?.urlPattern;
    if (!urlPattern) {
      genericRules.push(rule);
      continue;
    }
    try {
      siteRules.push({ pattern: new RegExp(urlPattern), rule });
    } catch {
      // A pattern this engine cannot compile cannot match here either.
    }
  }
  cached = { contentScript, genericRules, siteRules };
  return cached;
}

/** The rules that can apply in a frame at `url`: sending all 800 to every frame would cost 700 KB each. */
export function rulesFor(assets: AutoconsentAssets, url: string): AutoconsentRule[] {
  return [...assets.genericRules, ...assets.siteRules.filter((s) => s.pattern.test(url)).map((s) => s.rule)];
}
