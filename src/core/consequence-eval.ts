import { removableInOneClick, SURPRISING } from './deletion-policy';
import type { Labeller } from './label';
import type { CookieLike, IfDeleted, Label } from './types';

/**
 * Measures deletion by what it does, not by category: the sign-in and security cookies of the
 * platforms people use most must survive one click (and keeping a site clean, the same rule), on
 * their own site and embedded in another, while those platforms' advertising and analytics cookies
 * go. And the cookies of a labelled sample whose deletion we judged would break something must not
 * be deleted either.
 */

export const SIGN_IN_KINDS = ['sign-in', 'security', 'control'] as const;
export type SignInKind = (typeof SIGN_IN_KINDS)[number];
export const EVIDENCE = ['platform-documentation', 'framework-documentation', 'public-evidence'] as const;

export interface SignInRow {
  platform: string;
  /** A page of the platform, where the cookie is first-party. */
  site: string;
  name: string;
  domain: string;
  kind: SignInKind;
  evidence: (typeof EVIDENCE)[number];
  source: string;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: CookieLike['sameSite'];
  hostOnly?: boolean;
}

/** Where an embedded platform's cookie is seen from: an ordinary site with a Like button or a video. */
export const EMBEDDING_SITE = 'https://news.example/';

export interface SignInCase {
  row: SignInRow;
  where: 'own-site' | 'embedded';
  label: Pick<Label, 'category' | 'ifDeleted' | 'vendor' | 'source' | 'reason'>;
  /** Whether one click (and keeping the site clean) removes it, with unknown cookies included. */
  removed: boolean;
}

export interface SignInReport {
  rows: number;
  platforms: number;
  /** Sign-in and security cookies, each on its own site and embedded. */
  protectedCases: number;
  /** Of those, the ones one click would delete: the target is none. */
  protectedDeleted: SignInCase[];
  controlCases: number;
  /** Advertising and analytics cookies one click would keep: the target is none. */
  controlsKept: SignInCase[];
}

/**
 * Each row twice: on the platform's site and embedded on another site (sent cross-site, so
 * `SameSite=None`). Unknown cookies count as removable, the most a person can ask one click for.
 */
export function evaluateSignIns(rows: readonly SignInRow[], labeller: Labeller): SignInReport {
  const protectedDeleted: SignInCase[] = [];
  const controlsKept: SignInCase[] = [];
  let protectedCases = 0;
  let controlCases = 0;
  for (const row of rows) {
    for (const where of ['own-site', 'embedded'] as const) {
      const cookie: CookieLike = {
        name: row.name,
        domain: row.domain,
        path: '/',
        value: 'x',
        secure: row.secure ?? true,
        httpOnly: row.httpOnly ?? false,
        sameSite: where === 'embedded' ? 'no_restriction' : (row.sameSite ?? 'lax'),
        hostOnly: row.hostOnly ?? !row.domain.startsWith('.'),
        session: false,
        expirationDate: Date.now() / 1000 + 86_400 * 365,
      };
      const label = labeller.label(cookie, { topLevelUrl: where === 'own-site' ? row.site : EMBEDDING_SITE });
      const removed = removableInOneClick(label, true);
      const found: SignInCase = { row, where, label, removed };
      if (row.kind === 'control') {
        controlCases++;
        if (!removed) controlsKept.push(found);
      } else {
        protectedCases++;
        if (removed) protectedDeleted.push(found);
      }
    }
  }
  return {
    rows: rows.length,
    platforms: new Set(rows.map((r) => r.platform)).size,
    protectedCases,
    protectedDeleted,
    controlCases,
    controlsKept,
  };
}

/** Reads a development-set file, naming every bad row: a broken file is an error, not a smaller set. */
export function parseSignInRows(path: string, data: unknown): SignInRow[] {
  const rows = (data as { rows?: unknown })?.rows;
  if (!Array.isArray(rows)) throw new Error(`${path}: expected an object with a "rows" array`);
  const problems: string[] = [];
  rows.forEach((row, i) => {
    const r = row as Partial<SignInRow>;
    for (const field of ['platform', 'site', 'name', 'domain', 'source'] as const) {
      if (typeof r?.[field] !== 'string' || r[field] === '') problems.push(`${path}: row ${i}: "${field}" is missing`);
    }
    if (!SIGN_IN_KINDS.includes(r?.kind as SignInKind)) problems.push(`${path}: row ${i}: bad "kind"`);
    if (!EVIDENCE.includes(r?.evidence as SignInRow['evidence'])) problems.push(`${path}: row ${i}: bad "evidence"`);
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return rows as SignInRow[];
}

export interface JudgedCookie {
  /** The sample's key. */
  key: string;
  cookie: CookieLike;
  site: string;
  /** Our judgement of what deleting it does. */
  ifDeleted: IfDeleted;
}

export interface BreakageReport {
  judged: number;
  /** Judged to break something when deleted (signs out, security check, cart, consent). */
  breaking: number;
  /** Of those, the ones one click deletes by default: the target is none. */
  deletedByDefault: Array<{ key: string; ifDeleted: IfDeleted; label: Pick<Label, 'category' | 'ifDeleted'> }>;
  /** Of those, the ones one click deletes when the person also asked for unknown cookies. */
  deletedWithUnknown: number;
}

/** `labelOf` labels a judged cookie as the extension would on its tab. */
export function evaluateBreakage(judged: readonly JudgedCookie[], labelOf: (j: JudgedCookie) => Label): BreakageReport {
  const deletedByDefault: BreakageReport['deletedByDefault'] = [];
  let breaking = 0;
  let deletedWithUnknown = 0;
  for (const j of judged) {
    if (!SURPRISING.has(j.ifDeleted)) continue;
    breaking++;
    const label = labelOf(j);
    if (removableInOneClick(label, false)) {
      deletedByDefault.push({
        key: j.key,
        ifDeleted: j.ifDeleted,
        label: { category: label.category, ifDeleted: label.ifDeleted },
      });
    }
    if (removableInOneClick(label, true)) deletedWithUnknown++;
  }
  return { judged: judged.length, breaking, deletedByDefault, deletedWithUnknown };
}
