/**
 * From the database's name and "Wildcard match" flag to a catalog `name` or `pattern`. Upstream
 * writes a wildcard as a bare prefix flagged 1 (`_ga_` means `_ga_*`), but some rows flagged 0
 * still carry a marker for their variable part (`SSPR_*`, `pm_sess_NNN`, `pagead/conv/%INTEGER%`,
 * `pvc_visits[0]`), and some flagged prefixes are so short they would claim unrelated cookies.
 */

export type NameFix =
  | 'marker-asterisk'
  | 'marker-nnn'
  | 'marker-percent'
  | 'marker-index'
  | 'wildcard-too-broad'
  | 'wildcard-conflict'
  | 'wildcard-flag-invalid';

export type NameKey =
  | { kind: 'name'; key: string; fixes: NameFix[] }
  | { kind: 'pattern'; key: string; fixes: NameFix[] };

/**
 * True when a browser could store a cookie under this name: printable ASCII without a space or a
 * separator the catalog rejects (`Site History` is a storage key, not a cookie).
 */
export function isCookieName(name: string): boolean {
  return /^[\x21-\x7e]+$/.test(name) && !/[;,="\\]/.test(name);
}

/**
 * Replaces the marker styles that upstream uses for a variable part by our own pattern syntax.
 * `[word]` stays literal: PHP writes array cookies as `barometric[cuid]`, with a fixed key.
 */
export function replaceMarkers(name: string): { text: string; fixes: NameFix[] } {
  const fixes: NameFix[] = [];
  let text = name;
  if (text.includes('*')) fixes.push('marker-asterisk');
  if (/(?<=[a-z_\-.])N{3,}$/.test(text)) {
    text = text.replace(/N{3,}$/, '{number}');
    fixes.push('marker-nnn');
  }
  if (/%[A-Z][A-Z_]*%/.test(text)) {
    text = text.replace(/%([A-Z][A-Z_]*)%/g, (_, word: string) => `{${word.toLowerCase()}}`);
    fixes.push('marker-percent');
  }
  if (/\[\d+\]/.test(text)) {
    text = text.replace(/\[\d+\]/g, '[{index}]');
    fixes.push('marker-index');
  }
  return { text, fixes };
}

/**
 * A prefix of one or two characters, or of three without a separator at its end, matches far more
 * than its vendor's cookies (`_s*` would claim `_session_id`). Such rows keep only the exact name.
 */
export function isTooBroadPrefix(prefix: string): boolean {
  return prefix.length < 3 || (prefix.length === 3 && !/[_\-.:/]$/.test(prefix));
}

/**
 * Decides name or pattern for one cleaned name. `conflicting` is true when other rows flag the
 * same name the other way: then the exact reading wins, since a pattern built from a name that is
 * also a complete cookie name would swallow its neighbours (`euconsent*` eats `euconsent-v2`).
 */
export function nameKey(name: string, flag: string, conflicting = false): NameKey {
  const fixes: NameFix[] = [];
  let wildcard = flag.trim() === '1';
  if (flag.trim() !== '0' && flag.trim() !== '1') fixes.push('wildcard-flag-invalid');
  if (wildcard && conflicting) {
    wildcard = false;
    fixes.push('wildcard-conflict');
  }
  if (wildcard && isTooBroadPrefix(name)) {
    wildcard = false;
    fixes.push('wildcard-too-broad');
  }
  const marked = replaceMarkers(name);
  fixes.push(...marked.fixes);
  const hasMarker = marked.fixes.length > 0;
  if (wildcard) {
    const key = /[*}]$/.test(marked.text) ? marked.text : `${marked.text}*`;
    return { kind: 'pattern', key, fixes };
  }
  return hasMarker ? { kind: 'pattern', key: marked.text, fixes } : { kind: 'name', key: name, fixes };
}

/** Names that some rows flag as exact and others as a prefix. */
export function namesWithConflictingFlags(rows: ReadonlyArray<{ name: string; wildcard: string }>): Set<string> {
  const flags = new Map<string, Set<string>>();
  for (const { name, wildcard } of rows) {
    const set = flags.get(name) ?? new Set<string>();
    set.add(wildcard.trim() === '1' ? '1' : '0');
    flags.set(name, set);
  }
  return new Set([...flags].filter(([, set]) => set.size > 1).map(([name]) => name));
}
