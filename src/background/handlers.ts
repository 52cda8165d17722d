import { type CookieIdentity, cookieKey } from '../core/cookie-key';
import { removableInOneClick, removableWithCategory } from '../core/deletion-policy';
import { registrableDomain } from '../core/domains';
import type { Label } from '../core/types';
import type { SiteSettings } from '../shared/protocol';
import { parseSiteSettings } from '../shared/settings-schema';
import type { CookieMirror } from './cookie-mirror';
import type { TabSnapshot } from './live-ports';
import type { Handlers } from './message-router';
import type { DeletionTarget, RemovalQueue } from './removal-queue';
import type { SettingsStore } from './settings';
import type { TabCookies, TabViews } from './tab-view';
import type { UndoHistory } from './undo-history';

/** What the worker answers to each request of the protocol (payloads are validated before). */
export interface HandlerDeps {
  views: TabViews;
  deletions: RemovalQueue;
  settings: SettingsStore;
  history: UndoHistory;
  mirror: CookieMirror;
  /** Cleans what is already there when a site is set to be kept clean. */
  sweep(site: string): void;
  /** The tab's view as the pages get it (with what only the worker knows, such as paused cleaning). */
  snapshot(tabId: number): Promise<TabSnapshot>;
  /** The cookie store of a tab. */
  storeOf(tabId: number): Promise<string>;
  /** The browser's ordinary cookie store: the history listed when no tab is named. */
  defaultStoreId: string;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { views, deletions, settings, history, mirror, sweep, snapshot, storeOf } = deps;
  return {
    getTabView: async ({ tabId }) => (await snapshot(tabId)).view,
    deleteOptional: async ({ tabId, allowWithoutUndo }) => {
      const t = await views.read(tabId);
      const { includeUnknown } = settings.get();
      return deletions.deleteBatch(
        targetsOf(t, (l) => removableInOneClick(l, includeUnknown)),
        t.site,
        { allowWithoutUndo },
      );
    },
    deleteCookies: async ({ tabId, cookies, allowWithoutUndo }) => {
      const t = tabId === null ? null : await views.read(tabId);
      const inTab = new Map(t?.cookies.map(({ entry, label }) => [entry.key, label.category]));
      const unique = new Map(cookies.map((c) => [cookieKey(c), c]));
      const targets = [...unique].map(([key, identity]) => ({
        identity,
        category: inTab.get(key) ?? mirror.get(key)?.label.category ?? 'unknown',
        known: mirror.get(key)?.cookie,
      }));
      return deletions.deleteBatch(targets, t?.site ?? siteOfIdentities(cookies), { allowWithoutUndo });
    },
    deleteCategory: async ({ tabId, category, allowWithoutUndo }) => {
      const t = await views.read(tabId);
      return deletions.deleteBatch(
        targetsOf(t, (l) => removableWithCategory(l, category)),
        t.site,
        { allowWithoutUndo },
      );
    },
    undo: ({ batchId }) => deletions.undo(batchId),
    // One store's removals never reach a page of another (a private window's, above all).
    getHistory: async ({ tabId }) => history.list(tabId === undefined ? deps.defaultStoreId : await storeOf(tabId)),
    getSettings: async () => settings.get(),
    setIncludeUnknown: ({ includeUnknown }) => settings.update((s) => ({ ...s, includeUnknown })),
    setSiteSettings: async ({ site, settings: value }) => {
      const next = parseSiteSettings(value) as SiteSettings;
      const wasClean = settings.siteSettings(site)?.keepClean === true;
      const result = await settings.update((s) => {
        const sites = { ...s.sites };
        if (isDefault(next)) delete sites[site];
        else sites[site] = next;
        return { ...s, sites };
      });
      // Turning cleaning on cleans what is already there, not only what comes next.
      if (next.keepClean && !wasClean) sweep(site);
      return result;
    },
  };
}

function targetsOf(t: TabCookies, keep: (label: Label) => boolean): DeletionTarget[] {
  return t.cookies.flatMap(({ entry, label }) =>
    keep(label) ? [{ identity: entry.cookie, category: label.category, known: entry.cookie }] : [],
  );
}

// A site with no setting left is dropped, so the stored settings do not fill with empty entries.
function isDefault(s: SiteSettings): boolean {
  return !s.keepClean && s.allowedVendors.length === 0 && s.allowedCookies.length === 0;
}

function siteOfIdentities(cookies: readonly CookieIdentity[]): string | null {
  const sites = new Set(cookies.map((c) => registrableDomain(c.domain)));
  return sites.size === 1 ? [...sites][0] : null;
}
