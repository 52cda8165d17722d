/**
 * Cookie name patterns as vendors write them: `*` stands for any run of characters (possibly
 * empty) and `{placeholder}` for a non-empty run, so `_ga_*`, `*-lpuw`, `LPSID-{siteId}` and
 * `{userId}_spring_*` are all patterns. Everything else is literal, matched case-sensitively as
 * browsers compare cookie names.
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
  regex: RegExp;
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
  const regex = new RegExp(
    `^${parts
      .map((p) => ('literal' in p ? escapeRegex(p.literal) : p.wildcard === 'any' ? '[^]*' : '[^]+'))
      .join('')}$`,
  );
  return {
    source,
    parts,
    prefix: 'literal' in first ? first.literal : '',
    suffix: 'literal' in last ? last.literal : '',
    literalLength: literals.reduce((n, p) => n + p.literal.length, 0),
    regex,
  };
}

/** `text` as a regular expression that matches exactly it. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
