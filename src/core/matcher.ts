import type { LabellingEntry } from './catalog-schema';
import { isSameOrSubdomain } from './domains';
import { type CompiledPattern, compilePattern, matchPattern, type WorkCounter } from './patterns';

/**
 * The compiled catalog: exact names in hash maps, patterns in a prefix trie (and a suffix trie for
 * patterns that start with a wildcard), so the cost of matching one cookie grows with the length of
 * its name and the few patterns that share its first characters, not with the size of the catalog.
 * Each pattern is tested in time linear in the name (matchPattern), whatever wildcards it holds.
 */

export type MatchKind = 'exact' | 'exact-nocase' | 'pattern';

export interface Match {
  entry: LabellingEntry;
  kind: MatchKind;
  /** Literal characters the match rests on: the whole name for exact matches. */
  literalLength: number;
  /** true: the entry lists domains and the cookie is on one; false: it lists others; null: none listed. */
  domainMatch: boolean | null;
}

interface PatternEntry {
  entry: LabellingEntry;
  pattern: CompiledPattern;
}

class TrieNode {
  children = new Map<string, TrieNode>();
  items: PatternEntry[] = [];
}

export interface Matcher {
  /** Every catalog entry that fits the name, before any precedence is applied. */
  candidates(name: string, cookieDomain: string): Match[];
  readonly size: number;
}

/**
 * The entries named exactly like a cookie, and those whose name differs only in letter case: the
 * latter still compete, since an entry on the cookie's own domain outranks the exact spelling.
 */
interface NameHits {
  exact: LabellingEntry[];
  otherCase: LabellingEntry[];
}

export interface MatcherOptions {
  /** Counts the character comparisons of pattern tests, for tests that bound the work. */
  work?: WorkCounter;
}

export function compileMatcher(entries: readonly LabellingEntry[], options: MatcherOptions = {}): Matcher {
  const { work } = options;
  const exact = new Map<string, NameHits>();
  const nocase = new Map<string, LabellingEntry[]>();
  const prefixRoot = new TrieNode();
  const suffixRoot = new TrieNode();
  // Patterns with no literal at either end (`*_spring_*`): rare, checked one by one.
  const floating: PatternEntry[] = [];

  for (const entry of entries) {
    if (entry.name !== undefined) {
      const hits = exact.get(entry.name);
      if (hits) hits.exact.push(entry);
      else exact.set(entry.name, { exact: [entry], otherCase: [] });
      push(nocase, entry.name.toLowerCase(), entry);
    } else if (entry.pattern !== undefined) {
      const pattern = compilePattern(entry.pattern);
      const item = { entry, pattern };
      if (pattern.prefix) insert(prefixRoot, pattern.prefix, item);
      else if (pattern.suffix) insert(suffixRoot, reverse(pattern.suffix), item);
      else floating.push(item);
    }
  }

  // Worked out once here, so a cookie with an exact hit (most of them) needs no lower-casing.
  for (const [name, hits] of exact) {
    for (const entry of nocase.get(name.toLowerCase()) ?? []) if (entry.name !== name) hits.otherCase.push(entry);
  }

  return {
    size: entries.length,
    candidates(name, cookieDomain) {
      const out: Match[] = [];
      const hits = exact.get(name);
      if (hits) {
        for (const entry of hits.exact) out.push(toMatch(entry, 'exact', name.length, cookieDomain));
        for (const entry of hits.otherCase) out.push(toMatch(entry, 'exact-nocase', name.length, cookieDomain));
      } else {
        const folded = nocase.get(name.toLowerCase());
        if (folded) for (const entry of folded) out.push(toMatch(entry, 'exact-nocase', name.length, cookieDomain));
      }
      walk(prefixRoot, name, false, cookieDomain, out, work);
      walk(suffixRoot, name, true, cookieDomain, out, work);
      if (floating.length > 0) testItems(floating, name, cookieDomain, out, work);
      return out;
    },
  };
}

// The walks and tests below are module functions rather than closures: they run for every cookie.
function testItems(
  items: PatternEntry[],
  name: string,
  cookieDomain: string,
  out: Match[],
  work: WorkCounter | undefined,
): void {
  for (const item of items) {
    if (matchPattern(item.pattern, name, work))
      out.push(toMatch(item.entry, 'pattern', item.pattern.literalLength, cookieDomain));
  }
}

function toMatch(entry: LabellingEntry, kind: MatchKind, literalLength: number, cookieDomain: string): Match {
  const domainMatch = entry.domains.length === 0 ? null : entry.domains.some((d) => isSameOrSubdomain(cookieDomain, d));
  return { entry, kind, literalLength, domainMatch };
}

function push(map: Map<string, LabellingEntry[]>, key: string, entry: LabellingEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

// Tries are keyed by UTF-16 code units, the same units the walks below step through.
function insert(root: TrieNode, key: string, item: PatternEntry): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    let next = node.children.get(ch);
    if (!next) {
      next = new TrieNode();
      node.children.set(ch, next);
    }
    node = next;
  }
  node.items.push(item);
}

/**
 * Walks a trie along the name: a prefix trie from its start, a suffix trie from its end (without
 * building a reversed copy), testing the patterns stored at every node it passes.
 */
function walk(
  root: TrieNode,
  text: string,
  fromEnd: boolean,
  cookieDomain: string,
  out: Match[],
  work: WorkCounter | undefined,
): void {
  let node: TrieNode | undefined = root;
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    node = node.children.get(text[fromEnd ? last - i : i]);
    if (!node) return;
    if (node.items.length > 0) testItems(node.items, text, cookieDomain, out, work);
  }
}

function reverse(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}
