import type { JudgedCookie } from '../core/consequence-eval';
import { IF_DELETED, type IfDeleted } from '../core/types';
import type { LabelledCookie } from './cookieblock';
import { UsageError } from './io';

/**
 * Our judgement of what deleting each essential and functional cookie of the CookieBlock sample
 * does (test/cookieblock-judgement.json, keyed by the sample's "<name>;<domain>;<path>;<site>"
 * keys). The sample itself stays outside the repository; the keys are enough to join the two.
 */

export function parseJudgement(path: string, text: string): Map<string, IfDeleted> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  const judgements = (data as { judgements?: unknown })?.judgements;
  if (typeof judgements !== 'object' || judgements === null || Array.isArray(judgements)) {
    throw new UsageError(`${path}: expected an object with "judgements" keyed by the sample's cookie keys`);
  }
  const out = new Map<string, IfDeleted>();
  const problems: string[] = [];
  for (const [key, value] of Object.entries(judgements)) {
    const ifDeleted = (value as { ifDeleted?: unknown })?.ifDeleted;
    if (!IF_DELETED.includes(ifDeleted as IfDeleted)) problems.push(`${JSON.stringify(key)}: bad "ifDeleted"`);
    else out.set(key, ifDeleted as IfDeleted);
  }
  if (problems.length > 0) throw new UsageError(`${path}:\n  ${problems.slice(0, 5).join('\n  ')}`);
  return out;
}

/** The judged cookies as far as their keys tell (name, domain, path, site), for tests without the sample. */
export function judgedFromKeys(judgement: ReadonlyMap<string, IfDeleted>): JudgedCookie[] {
  return [...judgement].map(([key, ifDeleted]) => {
    // The site is a URL and the path starts with "/": split from the right, a name may hold ";".
    const parts = key.split(';');
    const site = parts.pop() ?? '';
    const path = parts.pop() ?? '/';
    const domain = parts.pop() ?? '';
    return { key, cookie: { name: parts.join(';'), domain, path }, site, ifDeleted };
  });
}

/** The judged cookies with all the sample knows of them; keys the sample does not hold are reported. */
export function joinJudgement(
  judgement: ReadonlyMap<string, IfDeleted>,
  sample: ReadonlyMap<string, LabelledCookie>,
): { judged: JudgedCookie[]; missing: string[] } {
  const judged: JudgedCookie[] = [];
  const missing: string[] = [];
  for (const [key, ifDeleted] of judgement) {
    const item = sample.get(key);
    if (item) judged.push({ key, cookie: item.cookie, site: item.site, ifDeleted });
    else missing.push(key);
  }
  return { judged, missing };
}
