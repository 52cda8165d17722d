import { tabConsent } from '../core/consent/tab-consent';
import { removableInOneClick } from '../core/deletion-policy';
import { cookieHost } from '../core/domains';
import type { Labeller } from '../core/label';
import type { CookieRecord, TabStatus } from '../shared/protocol';
import type { BrowserApi, CookieStore, TabInfo } from './browser-api';
import type { CookieMirror, MirrorEntry } from './cookie-mirror';
import type { TabSnapshot } from './live-ports';
import type { SettingsStore } from './settings';
import { cookiesOfTab, topSite } from './tab-cookies';
import { type LabelledEntry, labelsForTab } from './tab-labels';
import { type TabState, type TabTracker, webHost } from './tab-tracker';

/**
 * A tab as the pages see it: its page, whether the extension can read it, and its cookies with
 * their labels in the tab's context. Used by the requests, the live ports and the badge.
 */

export interface TabCookies {
  tab: TabInfo;
  url: string | null;
  site: string | null;
  status: TabStatus;
  /** The tab's cookies, ordered by place, each with its label in the tab's context. */
  cookies: LabelledEntry[];
}

export class TabViews {
  constructor(
    private readonly api: Pick<BrowserApi, 'tabs' | 'webNavigation' | 'cookies' | 'permissions'>,
    private readonly tracker: TabTracker,
    private readonly mirror: CookieMirror,
    private readonly labeller: Labeller,
    private readonly settings: SettingsStore,
    /** Seconds since the epoch. */
    private readonly now: () => number,
  ) {}

  async read(tabId: number): Promise<TabCookies> {
    const tab = await this.api.tabs.get(tabId);
    if (!tab) throw new Error(`There is no tab with id ${tabId}.`);
    const state = this.tracker.get(tabId) ?? (await this.seed(tab));
    const url = tab.url || null;
    let status = statusOf(tab);
    if (status === 'ok' && url && !(await this.canRead(url))) status = 'no-access';
    if (status !== 'ok') return { tab, url, site: null, status, cookies: [] };
    const now = this.now();
    const scope = { url, hosts: state.hosts, storeId: state.storeId };
    const entries = cookiesOfTab(this.mirror, scope, now, this.api.cookies.defaultStoreId).sort(byPlace);
    const cookies = labelsForTab(entries, this.labeller, { topLevelUrl: url ?? undefined, now });
    return { tab, url, site: topSite({ url }), status, cookies };
  }

  async snapshot(tabId: number): Promise<TabSnapshot> {
    const t = await this.read(tabId);
    const cookies: CookieRecord[] = t.cookies.map(({ entry, label }) => ({
      key: entry.key,
      cookie: entry.cookie,
      label,
    }));
    const consent = tabConsent(
      t.site,
      t.cookies.map(({ entry, label }) => ({
        key: entry.key,
        name: entry.cookie.name,
        value: entry.cookie.value,
        domain: entry.cookie.domain,
        category: label.category,
        firstSeenAt: entry.firstSeenAt,
      })),
    );
    return {
      view: {
        tabId,
        url: t.url,
        site: t.site,
        status: t.status,
        cookies,
        siteSettings: this.settings.siteSettings(t.site),
        includeUnknown: this.settings.get().includeUnknown,
        ...(consent ? { consent } : {}),
      },
      versions: new Map(t.cookies.map(({ entry }) => [entry.key, entry.version])),
    };
  }

  /** For the badge: synchronous, from what the worker knows; null when there is nothing to count. */
  optionalCount(tabId: number): number | null {
    const state = this.tracker.get(tabId);
    // The same pages the popup shows no list for (the web store among them) get no count either.
    if (!state?.url || statusOf({ url: state.url }) !== 'ok') return null;
    const now = this.now();
    const entries = cookiesOfTab(this.mirror, state, now, this.api.cookies.defaultStoreId);
    const { includeUnknown } = this.settings.get();
    const labelled = labelsForTab(entries, this.labeller, { topLevelUrl: state.url, now });
    return labelled.filter(({ label }) => removableInOneClick(label, includeUnknown)).length;
  }

  /** Whether the person lets the extension read this page's site (they can withdraw it). */
  private async canRead(url: string): Promise<boolean> {
    if (!this.api.permissions) return true;
    try {
      return await this.api.permissions.contains({ origins: [`${new URL(url).origin}/*`] });
    } catch {
      // An origin the permissions API does not take (a port it rejects, say): the cookie API decides.
      return true;
    }
  }

  /** A tab the worker never saw load: what is on screen now (its page and frames) is all there is. */
  private async seed(tab: TabInfo): Promise<TabState> {
    const [frames, stores] = await Promise.all([
      this.api.webNavigation.getAllFrames(tab.id),
      this.api.cookies.getAllCookieStores(),
    ]);
    return (
      this.tracker.get(tab.id) ??
      this.tracker.seed(
        tab.id,
        tab.url || null,
        frames.map((f) => f.url),
        storeOfTab(stores, tab.id, this.api.cookies.defaultStoreId),
      )
    );
  }
}

const WEB_STORE = /^https:\/\/(chromewebstore\.google\.com|chrome\.google\.com\/webstore)(\/|$)/;

/** Whether the extension can show this tab's cookies. */
export function statusOf(tab: Pick<TabInfo, 'url' | 'pendingUrl'>): TabStatus {
  const url = tab.url ?? '';
  if (url === '' || (url === 'about:blank' && tab.pendingUrl)) return 'loading';
  // Extensions cannot see the web store's requests, so its list would be wrong: better none.
  if (!webHost(url) || WEB_STORE.test(url)) return 'unsupported';
  return 'ok';
}

/** The store that lists the tab; a tab no store lists yet is in the browser's ordinary one. */
export function storeOfTab(stores: readonly CookieStore[], tabId: number, defaultStore: string): string {
  return stores.find((s) => s.tabIds.includes(tabId))?.id ?? defaultStore;
}

function byPlace(a: MirrorEntry, b: MirrorEntry): number {
  const ha = cookieHost(a.cookie.domain);
  const hb = cookieHost(b.cookie.domain);
  if (ha !== hb) return ha < hb ? -1 : 1;
  if (a.cookie.name !== b.cookie.name) return a.cookie.name < b.cookie.name ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
