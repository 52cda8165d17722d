import { cleaningKeeps } from '../core/cleaning-policy';
import type { Labeller } from '../core/label';
import type { Category, Label } from '../core/types';
import { type BrowserCookie, type SiteSettings, siteSettingsOf } from '../shared/protocol';
import type { CookieMirror, MirrorEntry } from './cookie-mirror';
import type { SettingsStore } from './settings';
import { belongsToTab, cookiesOfTab, type TabScope } from './tab-cookies';
import { labelForTab, vendorsSeen } from './tab-labels';
import type { TabState, TabTracker } from './tab-tracker';

/**
 * "Keep this site clean": when a cookie is set that belongs to a tab of a site kept clean, and the
 * site's policy says it must go, it is removed at once (the removal itself, and its record in the
 * undo history, are the caller's). Runs on every cookie set, so it returns early when no site is
 * kept clean and labels only cookies that belong to such a tab.
 */

/** The site's policy (src/core/deletion-policy.ts), for a site that is kept clean. */
export function shouldClean(cookie: BrowserCookie, label: Label, site: SiteSettings, includeUnknown: boolean): boolean {
  return site.keepClean && cleaningKeeps(cookie, label, site, includeUnknown) === null;
}

export interface CleaningVerdict {
  site: string;
  category: Category;
}

export class SiteCleaner {
  /**
   * Cookies that undo is putting back, by key, with the value and until when: their own "set"
   * event must not remove them again. The event can arrive before or after `cookies.set` resolves.
   */
  private readonly restoring = new Map<string, { value: string; until: number }>();

  constructor(
    private readonly tracker: TabTracker,
    private readonly mirror: CookieMirror,
    private readonly settings: SettingsStore,
    private readonly labeller: Labeller,
    /** Seconds since the epoch. */
    private readonly now: () => number,
    /** Milliseconds since the epoch. */
    private readonly clock: () => number = Date.now,
    private readonly graceMs = 10_000,
  ) {}

  expectRestore(key: string, value: string): void {
    this.restoring.set(key, { value, until: this.clock() + this.graceMs });
  }

  restoreDone(key: string): void {
    this.restoring.delete(key);
  }

  /**
   * Whether this "set" event is undo putting the cookie back. Only the restored value counts: the
   * site setting the cookie again meanwhile is a set like any other, and must not use up the
   * record, or undo's own event would then be cleaned away.
   */
  private isBeingRestored(entry: MirrorEntry): boolean {
    const expected = this.restoring.get(entry.key);
    if (!expected) return false;
    if (this.clock() > expected.until) {
      this.restoring.delete(entry.key);
      return false;
    }
    if (expected.value !== entry.cookie.value) return false;
    this.restoring.delete(entry.key);
    return true;
  }

  /** Whether a cookie that was just set must go, and on behalf of which site. */
  verdict(entry: MirrorEntry): CleaningVerdict | null {
    if (this.isBeingRestored(entry)) return null;
    return this.policyVerdict(entry);
  }

  /**
   * The verdict on the cookie as the mirror has it now, for a removal that waited in the queue:
   * the user may have turned cleaning off or allowed the cookie meanwhile, or undo put it back.
   */
  recheck(key: string): (CleaningVerdict & { entry: MirrorEntry }) | null {
    const entry = this.mirror.get(key);
    const verdict = entry ? this.policyVerdict(entry) : null;
    return entry && verdict ? { ...verdict, entry } : null;
  }

  private policyVerdict(entry: MirrorEntry): CleaningVerdict | null {
    const { includeUnknown, sites } = this.settings.get();
    if (!anyKeptClean(sites)) return null;
    const now = this.now();
    for (const tab of this.tracker.all()) {
      const verdict = this.verdictInTab(entry, tab, sites, includeUnknown, now);
      if (verdict) return this.usedElsewhere(entry, sites, now) ? null : verdict;
    }
    return null;
  }

  /**
   * Whether a tab of a site that is not kept clean uses the cookie too (a chat or ad service both
   * sites embed). Keeping one site clean is not a request to clear another's cookies, so the cookie
   * stays while such a tab is open.
   */
  private usedElsewhere(entry: MirrorEntry, sites: Record<string, SiteSettings>, now: number): boolean {
    for (const tab of this.tracker.all()) {
      for (const scope of scopesOf(tab)) {
        if (siteSettingsOf({ sites }, scope.site ?? null)?.keepClean) continue;
        if (belongsToTab(entry.cookie, scope, now)) return true;
      }
    }
    return false;
  }

  /** The cookies of this site's open tabs that its policy removes (when the user turns it on). */
  sweep(site: string): MirrorEntry[] {
    const { includeUnknown, sites } = this.settings.get();
    const out: MirrorEntry[] = [];
    const seen = new Set<string>();
    const now = this.now();
    for (const tab of this.tracker.all()) {
      for (const scope of scopesOf(tab)) {
        if (scope.site !== site || scope.storeId === null) continue;
        for (const entry of cookiesOfTab(this.mirror, scope, now, scope.storeId)) {
          if (seen.has(entry.key)) continue;
          seen.add(entry.key);
          if (this.verdictInTab(entry, tab, sites, includeUnknown, now) && !this.usedElsewhere(entry, sites, now)) {
            out.push(entry);
          }
        }
      }
    }
    return out;
  }

  private verdictInTab(
    entry: MirrorEntry,
    tab: TabState,
    sites: Record<string, SiteSettings>,
    includeUnknown: boolean,
    now: number,
  ): CleaningVerdict | null {
    for (const scope of scopesOf(tab)) {
      // Cheapest test first: most tabs are not of a site kept clean.
      const site = scope.site;
      const policy = siteSettingsOf({ sites }, site ?? null);
      // Until the tab's cookie store is known, a cookie of the same name in another profile's store
      // (incognito, or the normal one) could be taken for this tab's: wait; a sweep follows the lookup.
      const storeId = scope.storeId;
      if (!site || !policy?.keepClean || storeId === null || !belongsToTab(entry.cookie, scope, now)) continue;
      const context = { topLevelUrl: scope.url ?? undefined, now };
      // A name several vendors use is settled by the vendors on the tab, as the popup settles it:
      // the cleaner must not remove what the popup shows as an allowed vendor's cookie.
      const label = labelForTab(entry, this.labeller, context, () =>
        vendorsSeen(cookiesOfTab(this.mirror, scope, now, storeId)),
      );
      if (shouldClean(entry.cookie, label, policy, includeUnknown)) return { site, category: label.category };
    }
    return null;
  }
}

/** Where a tab is, and where it is going: a page's own response sets its cookies before it commits. */
function scopesOf(tab: TabState): TabScope[] {
  const scopes: TabScope[] = [tab];
  if (tab.pendingSite)
    scopes.push({ url: tab.pendingUrl, site: tab.pendingSite, hosts: tab.pending, storeId: tab.storeId });
  return scopes;
}

function anyKeptClean(sites: Record<string, SiteSettings>): boolean {
  // Runs on every cookie event: no array of the values is made for it.
  for (const site in sites) if (sites[site].keepClean) return true;
  return false;
}
