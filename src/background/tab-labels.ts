import { partyOf } from '../core/domains';
import { atParty, catalogMayDecide, type Labeller } from '../core/label';
import { cookieLifetime } from '../core/lifetime';
import type { Label, Lifetime } from '../core/types';
import type { MirrorEntry } from './cookie-mirror';

/**
 * A cookie's label as one tab sees it. The mirror labels each cookie once, without page context;
 * what depends on the tab is derived here, only for the cookies of the tab being shown:
 *  - a label decided by a catalog entry does not depend on the page except for its party, which
 *    is recomputed (cheap), so the stored label is reused;
 *  - a label from a fallback (domain owner, name and attribute clues) may weigh the party, an
 *    ambiguous name is settled by the vendors seen on the tab, and a cookie that several companies
 *    list takes the words of the one on the tab, so those few are labelled again with the tab's
 *    context.
 */

const CATALOG_SOURCES: ReadonlySet<Label['source']> = new Set(['exact', 'exact-nocase', 'pattern']);

export interface TabContext {
  topLevelUrl: string | undefined;
  /** Seconds since the epoch. */
  now: number;
}

/** A cookie of the mirror with its label on one tab: kept together so no index can pair them wrongly. */
export interface LabelledEntry {
  entry: MirrorEntry;
  label: Label;
}

export function labelsForTab(
  entries: readonly MirrorEntry[],
  labeller: Labeller,
  context: TabContext,
): LabelledEntry[] {
  // A cookie no catalog entry fits is labelled by the fallbacks with the tab's context: its label
  // without the page (made lazily by the mirror) would be made only to be thrown away.
  const listed = entries.map((entry) => catalogMayDecide(labeller, entry.cookie));
  const vendorsOnPage = vendorsSeen(entries.filter((_, i) => listed[i]));
  const key = contextKey(context, vendorsOnPage);
  return entries.map((entry, i) => ({
    entry,
    label:
      listed[i] && isPageIndependent(entry.label)
        ? reuse(entry, context)
        : relabel(entry, key, context, () =>
            labeller.label(entry.cookie, { topLevelUrl: context.topLevelUrl, vendorsOnPage, now: context.now }),
          ),
  }));
}

/**
 * Labels that depend on the tab, by mirror entry (a new entry object on every change, so a stale one
 * is never found) and the context they were made in. The badge labels the active tab after every
 * change, so the popup opened next finds its labels ready instead of running the fallbacks for
 * every uncatalogued cookie again.
 */
const contextual = new WeakMap<MirrorEntry, { key: string; label: Label; at: number }>();

function contextKey(context: TabContext, vendorsOnPage: readonly string[]): string {
  // Fallbacks weigh a cookie's remaining lifetime in days: an hour's drift changes nothing they say.
  return `${context.topLevelUrl ?? ''}\n${Math.floor(context.now / 3600)}\n${vendorsOnPage.join('\n')}`;
}

function relabel(entry: MirrorEntry, key: string, context: TabContext, label: () => Label): Label {
  const known = contextual.get(entry);
  if (known?.key === key) {
    // A lifetime read off the cookie counts down; one from the catalog does not (as in `reuse`).
    const observed = sameLifetime(known.label.lifetime, cookieLifetime(entry.cookie, known.at));
    return observed ? { ...known.label, lifetime: cookieLifetime(entry.cookie, context.now) } : known.label;
  }
  const fresh = label();
  contextual.set(entry, { key, label: fresh, at: context.now });
  return fresh;
}

/** The vendors the catalog recognised among a tab's cookies: they settle names several vendors use. */
export function vendorsSeen(entries: readonly MirrorEntry[]): string[] {
  const vendors = new Set<string>();
  for (const { label } of entries) if (isCatalogDecided(label) && label.vendor) vendors.add(label.vendor);
  return [...vendors];
}

/**
 * One cookie's label on a tab, as `labelsForTab` would give it. The tab's vendors only matter for a
 * name several vendors use (the mirror's label says so), so they are asked for (an O(tab) walk)
 * only then.
 */
export function labelForTab(
  entry: MirrorEntry,
  labeller: Labeller,
  context: TabContext,
  vendorsOnPage: () => string[] = () => [],
): Label {
  if (isPageIndependent(entry.label)) return reuse(entry, context);
  return labeller.label(entry.cookie, {
    topLevelUrl: context.topLevelUrl,
    vendorsOnPage: entry.label.ambiguous || entry.label.alsoListedBy ? vendorsOnPage() : undefined,
    now: context.now,
  });
}

function isCatalogDecided(label: Label): boolean {
  return CATALOG_SOURCES.has(label.source) && !label.ambiguous;
}

function isPageIndependent(label: Label): boolean {
  return isCatalogDecided(label) && !label.alsoListedBy;
}

function reuse(entry: MirrorEntry, context: TabContext): Label {
  const { label, cookie } = entry;
  // A lifetime read off the cookie counts down from when it was labelled; one from the catalog does not.
  const observed = sameLifetime(label.lifetime, cookieLifetime(cookie, entry.labelledAt));
  return atParty(
    { ...label, lifetime: observed ? cookieLifetime(cookie, context.now) : label.lifetime },
    partyOf(cookie.domain, context.topLevelUrl),
  );
}

function sameLifetime(a: Lifetime, b: Lifetime): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'duration' && b.kind === 'duration') return a.seconds === b.seconds;
  return a.kind !== 'variable';
}
