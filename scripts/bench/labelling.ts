import type { CatalogEntry, LabellingEntry } from '../../src/core/catalog-schema';
import { partyOf } from '../../src/core/domains';
import { createLabeller } from '../../src/core/label';
import { cookieLifetime } from '../../src/core/lifetime';
import { compilePattern } from '../../src/core/patterns';
import type { CookieLike, Label, LabelContext } from '../../src/core/types';

/**
 * Labelling throughput of the compiled matcher against the way several existing tools do it: a
 * regular expression per catalog entry, tried in turn until one matches.
 */

const COOKIES = 100_000;

/** Deterministic pseudo-random numbers, so every run labels the same cookies. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function word(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let out = '';
  for (let i = 0; i < n; i++) out += ALNUM[Math.floor(rand() * ALNUM.length)];
  return out;
}

/** Fills a pattern's wildcards with random text: `_ga_*` -> `_ga_X7K2P`. */
function instance(pattern: string, rand: () => number): string {
  return pattern.replace(/\*|\{[A-Za-z][A-Za-z0-9_-]*\}/g, () => word(rand, 1, 10));
}

const UNKNOWN_SHAPES = ['session_', 'pref-', 'ab_test_', 'x', '__', 'wp-', 'sp_', 'tracking.', ''];

/** A realistic mix: 45% exact catalog names, 25% pattern instances, 30% names we do not know. */
export function generateCookies(entries: readonly LabellingEntry[], count: number, seed = 42): CookieLike[] {
  const rand = rng(seed);
  const names = entries.filter((e) => e.name !== undefined).map((e) => e.name as string);
  const patterns = entries.filter((e) => e.pattern !== undefined).map((e) => e.pattern as string);
  const cookies: CookieLike[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    let name: string;
    if (r < 0.45 && names.length > 0) name = names[Math.floor(rand() * names.length)];
    else if (r < 0.7 && patterns.length > 0) name = instance(patterns[Math.floor(rand() * patterns.length)], rand);
    else name = UNKNOWN_SHAPES[Math.floor(rand() * UNKNOWN_SHAPES.length)] + word(rand, 3, 14);
    cookies.push({ name, domain: `.site${Math.floor(rand() * 500)}.example`, path: '/' });
  }
  return cookies;
}

/** Synthetic pattern entries, to show how each approach scales with the number of patterns. */
export function syntheticPatterns(count: number, seed = 7): CatalogEntry[] {
  const rand = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const pattern = `${word(rand, 3, 8)}_${i}_*`;
    return {
      id: `synthetic/${pattern}`,
      pattern,
      vendor: `Synthetic ${i % 200}`,
      category: 'analytics',
      purpose: 'Synthetic entry for the benchmark.',
      lifetime: { kind: 'unknown' },
      party: 'either',
      domains: [],
      source: 'benchmark',
      origin: 'open-cookie-database',
    } satisfies CatalogEntry;
  });
}

/** One pattern entry, as a catalog file could hold it. */
function patternEntry(pattern: string): CatalogEntry {
  return { ...syntheticPatterns(1)[0], id: `hostile/${pattern}`, pattern };
}

/**
 * A long name of underscores against `_*_*_*x`: a backtracking regular expression tries every way
 * to split the name (seconds at 2,000 characters), the compiled matcher reads it about twice.
 */
export function benchHostilePattern(entries: readonly CatalogEntry[]): string[] {
  const pattern = '_*_*_*x';
  const labeller = createLabeller([...entries, patternEntry(pattern)]);
  const context = { topLevelUrl: 'https://www.example.com/' };
  const lines = [`hostile pattern ${pattern} in the shipped catalog, a name of n underscores:`];
  for (const n of [2_000, 20_000]) {
    const cookie = { name: '_'.repeat(n), domain: '.example.com', path: '/' };
    const start = performance.now();
    const runs = 100;
    for (let i = 0; i < runs; i++) labeller.label(cookie, context);
    lines.push(
      `  n = ${n.toLocaleString('en')}: compiled matcher ${((performance.now() - start) / runs).toFixed(3)} ms`,
    );
  }
  const regex = compilePattern(pattern).regex;
  const start = performance.now();
  regex.test('_'.repeat(2_000));
  lines.push(`  n = 2,000: one regular expression ${Math.round(performance.now() - start).toLocaleString('en')} ms`);
  return lines;
}

/**
 * The baseline: one regex per entry, first match wins. It builds the same label fields (party,
 * lifetime) as the compiled labeller, so the ratio compares matching and nothing else.
 */
export function naiveLabeller(
  entries: readonly CatalogEntry[],
  context: LabelContext,
): (cookie: CookieLike) => Partial<Label> {
  const compiled = entries.map((e) => ({
    entry: e,
    regex:
      e.name !== undefined
        ? new RegExp(`^${e.name.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}$`)
        : compilePattern(e.pattern as string).regex,
  }));
  const now = Date.now() / 1000;
  return (cookie) => {
    const party = partyOf(cookie.domain, context.topLevelUrl);
    const lifetime = cookieLifetime(cookie, now);
    for (const { entry, regex } of compiled) {
      if (regex.test(cookie.name)) {
        return { category: entry.category, vendor: entry.vendor, entryId: entry.id, party, lifetime };
      }
    }
    return { category: 'unknown', vendor: null, entryId: null, party, lifetime };
  };
}

/** Cookies per second, best of `runs`. */
function throughput(cookies: readonly CookieLike[], labelOne: (c: CookieLike) => unknown, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (const c of cookies) if (labelOne(c)) sink++;
    best = Math.min(best, performance.now() - start);
  }
  if (sink < 0) console.log(sink);
  return cookies.length / (best / 1000);
}

export interface LabellingFigures {
  lines: string[];
  ratio: number;
}

export function benchLabelling(entries: readonly CatalogEntry[]): LabellingFigures {
  const lines: string[] = [];
  const context = { topLevelUrl: 'https://www.example.com/' };
  const sizes: Array<[string, readonly CatalogEntry[]]> = [
    ['shipped catalog', entries],
    ['shipped + 5,000 synthetic patterns', [...entries, ...syntheticPatterns(5_000)]],
  ];
  let ratio = 0;
  for (const [label, catalog] of sizes) {
    const cookies = generateCookies(entries, COOKIES);
    const compiled = createLabeller(catalog);
    const naive = naiveLabeller(catalog, context);
    const fast = throughput(cookies, (c) => compiled.label(c, context));
    const slow = throughput(cookies, naive, 1);
    const patterns = catalog.filter((e) => e.pattern !== undefined).length;
    lines.push(
      `labelling, ${label} (${catalog.length} entries, ${patterns} patterns), ${COOKIES.toLocaleString('en')} cookies:`,
      `  compiled matcher: ${Math.round(fast).toLocaleString('en')} cookies/s`,
      `  naive regex list: ${Math.round(slow).toLocaleString('en')} cookies/s`,
      `  ratio: ${(fast / slow).toFixed(1)}`,
    );
    if (ratio === 0) ratio = fast / slow;
  }
  lines.push(...benchHostilePattern(entries));
  return { lines, ratio };
}
