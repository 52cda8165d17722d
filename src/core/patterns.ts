/**
 * Cookie name patterns as vendors write them: `*` stands for any run of characters (possibly
 * empty) and `{placeholder}` for a non-empty run, so `_ga_*`, `*-lpuw`, `LPSID-{siteId}` and
 * `{userId}_spring_*` are all patterns. Everything else is literal, matched case-sensitively as
 * browsers compare cookie names. Characters are UTF-16 code units, as in the matcher's tries.
 *
 * Matching does not use regular expressions: a catalog may hold any number of wildcards, and a
 * backtracking engine takes seconds on `_*_*_*x` against a long name of underscores, which a
 * hostile site can set and which would stall the service worker. matchPattern is linear instead.
 */

export type PatternPart = { literal: string } | { wildcard: 'any' | 'some' };

export interface CompiledPattern {
  source: string;
  parts: PatternPart[];
  /** Literal text before the first wildcard ('' when the pattern starts with one). */
  prefix: string;
  /** Literal text after the last wildcard. */
  suffix: string;
  /** Sum of literal characters: the more, the more specific. */
  literalLength: number;
  /** The literals between the first and the last wildcard, in order, ready for searching. */
  middle: Needle[];
  /** Characters the wildcards need at least: one per `{placeholder}`. */
  minWildcards: number[];
  /**
   * The same language as a regular expression, for tools that want one (the benchmark's baseline,
   * the import script's tests). Never use it on cookies: it backtracks. Use matchPattern.
   */
  readonly regex: RegExp;
}

/** A literal with its Knuth-Morris-Pratt failure table, so searching never steps back in the name. */
export interface Needle {
  text: string;
  failure: Int32Array;
}

/** Where the caller wants the work counted: one step per character comparison. */
export interface WorkCounter {
  steps: number;
}

const PLACEHOLDER = /^\{[A-Za-z][A-Za-z0-9_-]*\}/;

export function isPattern(text: string): boolean {
  return text.includes('*') || /\{[A-Za-z][A-Za-z0-9_-]*\}/.test(text);
}

/** Throws an Error whose message says what is wrong with the pattern. */
export function compilePattern(source: string): CompiledPattern {
  if (source.length === 0) throw new Error('pattern is empty');
  const parts: PatternPart[] = [];
  let literal = '';
  let i = 0;
  const pushWildcard = (kind: 'any' | 'some') => {
    if (literal) parts.push({ literal });
    literal = '';
    const last = parts[parts.length - 1];
    if (last && 'wildcard' in last) {
      throw new Error(`two wildcards in a row at position ${i} in "${source}"`);
    }
    parts.push({ wildcard: kind });
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch === '*') {
      pushWildcard('any');
      i += 1;
    } else if (ch === '{') {
      const m = PLACEHOLDER.exec(source.slice(i));
      if (!m) throw new Error(`unclosed or invalid placeholder at position ${i} in "${source}"`);
      pushWildcard('some');
      i += m[0].length;
    } else if (ch === '}') {
      throw new Error(`stray "}" at position ${i} in "${source}"`);
    } else {
      literal += ch;
      i += 1;
    }
  }
  if (literal) parts.push({ literal });
  const literals = parts.filter((p): p is { literal: string } => 'literal' in p);
  if (literals.length === 0) throw new Error(`pattern "${source}" has no literal text`);
  if (literals.length === parts.length) throw new Error(`"${source}" has no wildcard; use "name"`);
  const first = parts[0];
  const last = parts[parts.length - 1];
  const firstWildcard = parts.findIndex((p) => 'wildcard' in p);
  const lastWildcard = parts.findLastIndex((p) => 'wildcard' in p);
  const between = parts.slice(firstWildcard, lastWildcard + 1);
  return {
    source,
    parts,
    prefix: 'literal' in first ? first.literal : '',
    suffix: 'literal' in last ? last.literal : '',
    literalLength: literals.reduce((n, p) => n + p.literal.length, 0),
    middle: between.flatMap((p) => ('literal' in p ? [needle(p.literal)] : [])),
    minWildcards: between.flatMap((p) => ('wildcard' in p ? [p.wildcard === 'some' ? 1 : 0] : [])),
    // Built only when asked for: the service worker compiles every pattern and never needs it.
    get regex() {
      return new RegExp(
        `^${parts
          .map((p) => ('literal' in p ? escapeRegex(p.literal) : p.wildcard === 'any' ? '[^]*' : '[^]+'))
          .join('')}$`,
      );
    },
  };
}

function needle(text: string): Needle {
  const failure = new Int32Array(text.length);
  let k = 0;
  for (let i = 1; i < text.length; i++) {
    while (k > 0 && text.charCodeAt(i) !== text.charCodeAt(k)) k = failure[k - 1];
    if (text.charCodeAt(i) === text.charCodeAt(k)) k += 1;
    failure[i] = k;
  }
  return { text, failure };
}

/**
 * Whether the name fits the pattern, in at most two character comparisons per character of the
 * name, whatever the pattern. The prefix and suffix are compared in place; each literal between
 * them is searched for left to right, at its leftmost place after the one before. Leftmost is
 * always right: the wildcards only ask for a minimum number of characters between literals,
 * never a maximum, so an earlier place leaves every later literal at least as much room. Each
 * search starts where the last one ended, and Knuth-Morris-Pratt never steps back in the name.
 */
export function matchPattern(pattern: CompiledPattern, name: string, work?: WorkCounter): boolean {
  const { prefix, suffix, middle, minWildcards } = pattern;
  if (name.length < prefix.length + suffix.length) return false;
  let steps = 0;
  for (let i = 0; i < prefix.length; i++) {
    steps += 1;
    if (name.charCodeAt(i) !== prefix.charCodeAt(i)) return counted(work, steps, false);
  }
  const end = name.length - suffix.length;
  for (let i = 0; i < suffix.length; i++) {
    steps += 1;
    if (name.charCodeAt(end + i) !== suffix.charCodeAt(i)) return counted(work, steps, false);
  }
  let pos = prefix.length;
  for (let m = 0; m < middle.length; m++) {
    pos += minWildcards[m];
    const { text, failure } = middle[m];
    // Knuth-Morris-Pratt over name[pos, end): each round either moves on in the name or falls
    // back in the literal, which it can do at most as often as it moved on.
    let k = 0;
    while (k < text.length && pos < end) {
      steps += 1;
      if (name.charCodeAt(pos) === text.charCodeAt(k)) {
        pos += 1;
        k += 1;
      } else if (k > 0) {
        k = failure[k - 1];
      } else {
        pos += 1;
      }
    }
    if (k < text.length) return counted(work, steps, false);
  }
  return counted(work, steps, pos + minWildcards[middle.length] <= end);
}

function counted(work: WorkCounter | undefined, steps: number, result: boolean): boolean {
  if (work) work.steps += steps;
  return result;
}

/** `text` as a regular expression that matches exactly it. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
