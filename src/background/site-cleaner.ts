import { cookieHost } from '../core/domains';
import type { Labeller } from '../core/label';
import type { Category, Label } from '../core/types';
import { type BrowserCookie, type SiteSettings, siteSettingsOf } from '../shared/protocol';
import type { MirrorEntry } from './cookie-mirror';
import type { SettingsStore } from './settings';
import { belongsToTab, type TabScope } from './tab-cookies';
import { labelForTab } from './tab-labels';
import type { TabState, TabTracker } from './tab-tracker';

/**
 * "Keep this site clean": when a cookie is set that belongs to a tab of a site kept clean, and the
 * site's policy says it must go, it is removed at once (the removal itself, and its record in the
 * undo history, are the caller's). Runs on every cookie set, so it returns early when no site is
 * kept clean and labels only cookies that belong to such a tab.
 */

/** The policy itself: never essential, unknown only if the user said so, exceptions respected. */
export function shouldClean(cookie: BrowserCookie, label: Label, site: SiteSettings, includeUnknown: boolean): boolean {
  if (!site.keepClean || label.category === 'essential') return false;
  if (label.category === 'unknown' && !includeUnknown) return false;
  if (label.vendor && site.allowedVendors.includes(label.vendor)) return false;
  const host = cookieHost(cookie.domain);
  return !site.allowedCookies.some((c) => c.name === cookie.name && cookieHost(c.domain) === host);
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

  private isBeingRestored(entry: MirrorEntry): boolean {
    const expected = this.restoring.get(entry.key);
    if (!expected) return false;
    this.restoring.delete(entry.key);
    return expected.value === entry.cookie.value && this.clock() <= expected.until;
  }

  /** Whether a cookie that was just set must go, and on behalf of which site. */
  verdict(entry: MirrorEntry): CleaningVerdict | null {
    if (this.isBeingRestored(entry)) return null;
    const { includeUnknown, sites } = this.settings.get();
    if (!anyKeptClean(sites)) return null;
    const now = this.now();
    for (const tab of this.tracker.all()) {
      const verdict = this.verdictInTab(entry, tab, sites, includeUnknown, now);
      if (verdict) return verdict;
    }
    return null;
  }

  /** The cookies of this site's open tabs that its policy removes (when the user turns it on). */
  sweep(site: string, entries: (tab: TabState) => MirrorEntry[]): Array<{ entry: MirrorEntry } & CleaningVerdict> {
    const { includeUnknown, sites } = this.settings.get();
    const out: Array<{ entry: MirrorEntry } & CleaningVerdict> = [];
    const seen = new Set<string>();
    const now = this.now();
    for (const tab of this.tracker.all()) {
      if (tab.site !== site) continue;
      for (const entry of entries(tab)) {
        if (seen.has(entry.key)) continue;
        seen.add(entry.key);
        const verdict = this.verdictInTab(entry, tab, sites, includeUnknown, now);
        if (verdict) out.push({ entry, ...verdict });
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
    const scopes: TabScope[] = [tab];
    // A page's own response sets its cookies before it commits: they belong to where the tab is going.
    if (tab.pendingSite)
      scopes.push({ url: tab.pendingUrl, site: tab.pendingSite, hosts: tab.pending, storeId: tab.storeId });
    for (const scope of scopes) {
      // Cheapest test first: most tabs are not of a site kept clean.
      const site = scope.site;
      const policy = siteSettingsOf({ sites }, site ?? null);
      if (!site || !policy?.keepClean || !belongsToTab(entry.cookie, scope, now)) continue;
      const label = labelForTab(entry, this.labeller, { topLevelUrl: scope.url ?? undefined, now });
      if (shouldClean(entry.cookie, label, policy, includeUnknown)) return { site, category: label.category };
    }
    return null;
  }
}

function anyKeptClean(sites: Record<string, SiteSettings>): boolean {
  for (const policy of Object.values(sites)) if (policy.keepClean) return true;
  return false;
}
