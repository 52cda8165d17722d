import type * as v from 'valibot';
import type { TabConsent } from '../core/consent/tab-consent';
import type { CookieIdentity } from '../core/cookie-key';
import type { Category, IfDeleted, Label, OptionalCategory } from '../core/types';
import type { allowedCookieSchema, siteSettingsSchema } from './settings-schema';

/**
 * The one protocol between the service worker and the extension's pages (popup, devtools panel).
 * Requests go through `runtime.sendMessage` as `{ kind, payload }`; live updates come through a port
 * per open page. Every payload is typed here and nowhere else.
 */

/** A cookie exactly as the browser reports it (`chrome.cookies.Cookie`). */
export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: 'no_restriction' | 'lax' | 'strict' | 'unspecified';
  hostOnly: boolean;
  session: boolean;
  expirationDate?: number;
  storeId: string;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
}

export interface CookieRecord {
  /** `cookieKey(cookie)`: stable identity across updates. */
  key: string;
  cookie: BrowserCookie;
  label: Label;
}

export type TabStatus =
  /** The page's cookies are listed. */
  | 'ok'
  /** chrome://, the web store, file:// without permission, and other pages extensions cannot read. */
  | 'unsupported'
  /** No top-level document has committed yet. */
  | 'loading'
  /** The person withdrew the extension's access to this site (Firefox add-on settings, Chrome site access). */
  | 'no-access';

export interface TabView {
  tabId: number;
  url: string | null;
  /** Registrable domain of the top-level page, or null when there is none. */
  site: string | null;
  status: TabStatus;
  cookies: CookieRecord[];
  siteSettings: SiteSettings | null;
  includeUnknown: boolean;
  /** What the site's consent record says, when one is among its cookies (src/core/consent/tab-consent.ts). */
  consent?: TabConsent;
}

export type AllowedCookie = v.InferOutput<typeof allowedCookieSchema>;

/** A site's settings (src/shared/settings-schema.ts says what they hold and checks them). */
export type SiteSettings = v.InferOutput<typeof siteSettingsSchema> & {
  /**
   * Only in tab views, never stored: the site keeps setting cookies again as soon as they are
   * removed, so keeping it clean removes them once a minute for now instead of at once.
   */
  cleaningThrottled?: boolean;
};

export interface Settings {
  /** Whether one-click removal also takes cookies we could not label. Off by default. */
  includeUnknown: boolean;
  sites: Record<string, SiteSettings>;
  /**
   * Only in responses, never stored: present while the stored settings were corrupt or foreign and
   * defaults are used in their place (each entry says what was wrong). Cleared by the next change.
   */
  problems?: string[];
}

/**
 * A site's own settings, or null. Site names are keys of a plain object, so a host named like one of
 * Object's own properties (`constructor`, say) must not read what the prototype holds.
 */
export function siteSettingsOf(settings: Pick<Settings, 'sites'>, site: string | null): SiteSettings | null {
  return site !== null && Object.hasOwn(settings.sites, site) ? settings.sites[site] : null;
}

export interface FailedDeletion {
  identity: CookieIdentity;
  error: string;
}

export interface DeletionReport {
  /** Id of the undo batch, or null when nothing was removed. */
  batchId: string | null;
  removed: Record<Category, number>;
  removedTotal: number;
  /** Cookies that were already gone when we came to remove them: reported, not an error. */
  vanished: CookieIdentity[];
  failed: FailedDeletion[];
  /**
   * Present when nothing was removed because the person must agree first: the removal's undo
   * record would not fit in what the history may hold. Asking again with `allowWithoutUndo`
   * removes the cookies without a record.
   */
  needsConfirmation?: NoUndoConfirmation;
  /** The undo record could not be written to storage: undo works only until the worker restarts. */
  undoUnsaved?: true;
}

export interface NoUndoConfirmation {
  reason: 'no-undo';
  /** How many cookies the removal would take. */
  cookies: number;
}

export interface UndoReport {
  batchId: string;
  restored: number;
  /** Cookies whose expiry passed since they were removed: not restored. */
  expired: CookieIdentity[];
  failed: FailedDeletion[];
}

export interface HistoryBatch {
  id: string;
  /** Milliseconds since the epoch. */
  at: number;
  trigger: 'manual' | 'automatic';
  site: string | null;
  /** The cookie store the removed cookies were in; a page only lists its own tab's store's batches. */
  storeId?: string;
  count: number;
  byCategory: Record<Category, number>;
  undone: boolean;
  /** Storage refused the record: undo works until the worker restarts, not after. */
  unsaved?: true;
  /** The record's cookies could not be kept (storage was full): listed, but nothing to put back. */
  undoable?: false;
}

/** A removal the person agreed to even though it could not be undone. */
export interface RemovalOptions {
  allowWithoutUndo?: boolean;
}

/** Request kind -> request payload and response. */
export interface RequestMap {
  getTabView: { request: { tabId: number }; response: TabView };
  deleteOptional: { request: { tabId: number } & RemovalOptions; response: DeletionReport };
  deleteCookies: {
    request: { tabId: number | null; cookies: CookieIdentity[] } & RemovalOptions;
    response: DeletionReport;
  };
  deleteCategory: {
    request: { tabId: number; category: OptionalCategory | 'essential' } & RemovalOptions;
    response: DeletionReport;
  };
  undo: { request: { batchId: string }; response: UndoReport };
  /** The history of the tab's cookie store; without a tab, of the browser's ordinary store. */
  getHistory: { request: { tabId?: number }; response: HistoryBatch[] };
  getSettings: { request: Record<string, never>; response: Settings };
  setIncludeUnknown: { request: { includeUnknown: boolean }; response: Settings };
  setSiteSettings: { request: { site: string; settings: SiteSettings }; response: Settings };
}

export type RequestKind = keyof RequestMap;
export type RequestOf<K extends RequestKind> = RequestMap[K]['request'];
export type ResponseOf<K extends RequestKind> = RequestMap[K]['response'];

export type RequestMessage = { [K in RequestKind]: { kind: K; payload: RequestOf<K> } }[RequestKind];

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the popup's summary shows of a tab's cookies (src/shared/cookie-summary.ts computes it). */
export interface CookieSummary {
  total: number;
  byCategory: Record<Category, number>;
  /** Everything but essential. */
  optional: number;
  /** What one click removes (src/core/deletion-policy.ts), so the count on the button is honest. */
  removable: number;
  /**
   * Optional cookies one click keeps because deleting them has a consequence (signs you out, ...),
   * grouped by vendor and consequence so the person can choose them knowingly.
   */
  keptForConsequence: KeptGroup[];
  thirdParty: number;
  partitioned: number;
}

export interface KeptGroup {
  /** The vendor, or null for cookies nothing identifies (each kept for what it looks like). */
  vendor: string | null;
  ifDeleted: IfDeleted;
  records: CookieRecord[];
}

/**
 * Pushed through a page's port, named `${LIVE_PORT_PREFIX}${tabId}`, or with a LEAD_PORT_SUFFIXES
 * suffix for a page that wants its first screen first: then the first snapshot's `view.cookies`
 * holds only the first rows in that page's order (src/shared/first-screen.ts), `lead` the summary
 * of all of them, and a `changes` message with the rest follows once the page asks for it with
 * REST_REQUEST, after it has painted the first screen (handling every cookie before that paint
 * would hold it up).
 */
export type PushMessage =
  | { type: 'snapshot'; view: TabView; lead?: CookieSummary }
  | { type: 'changes'; tabId: number; upserts: CookieRecord[]; removals: string[] }
  | { type: 'history'; history: HistoryBatch[] };

export const LIVE_PORT_PREFIX = 'live-tab:';

/** A tab's first screen as a popup's port would send it, kept for a popup opened while the worker sleeps. */
export type KeptScreen = Extract<PushMessage, { type: 'snapshot' }> & {
  /** Milliseconds since the epoch when the worker kept it. */
  keptAt: number;
};

/** The storage.session key prefix of each tab's KeptScreen (src/background/kept-screens.ts). */
export const KEPT_SCREEN_PREFIX = 'kept-screen:';

/** The order a page shows first: the popup's category groups, or the panel's rows by name. */
export type LeadOrder = 'groups' | 'names';
export const LEAD_ORDERS: readonly LeadOrder[] = ['groups', 'names'];
export const LEAD_PORT_SUFFIXES: Readonly<Record<LeadOrder, string>> = { groups: ':lead', names: ':lead-names' };

/** The one message a page sends on its live port: the first screen is painted, send the rest. */
export const REST_REQUEST = 'rest';

/** What every page uses to reach the worker; a fake implements it in tests. */
/**
 * What happened to a page's live port: `lost` when it dropped (the worker stopped), `restored` when
 * a new one talks again. Until then the page's list may be out of date, and it says so.
 */
export type LinkState = 'lost' | 'restored';

export interface Client {
  request<K extends RequestKind>(kind: K, payload: RequestOf<K>): Promise<ResponseOf<K>>;
  /**
   * Asks the browser to give back access to every site (the person clicks a button, which the
   * browser requires); resolves with whether it was granted. Absent where nothing can be asked.
   */
  requestSiteAccess?(): Promise<boolean>;
  /**
   * Live updates for one tab until the returned function is called; `onLink` hears of reconnects.
   * With `lead`, each connection's first snapshot comes in two parts (see PushMessage).
   */
  subscribe(
    tabId: number,
    onPush: (message: PushMessage) => void,
    onLink?: (state: LinkState) => void,
    options?: { lead?: LeadOrder },
  ): () => void;
  /**
   * The tab's first screen as the worker last kept it, for the page to show while the worker wakes
   * up; null when there is none, or the tab has moved on to another address since. Read from
   * storage, so it needs no worker. Absent where nothing is kept.
   */
  keptScreen?(tabId: number): Promise<KeptScreen | null>;
}

export const REQUEST_KINDS: readonly RequestKind[] = [
  'getTabView',
  'deleteOptional',
  'deleteCookies',
  'deleteCategory',
  'undo',
  'getHistory',
  'getSettings',
  'setIncludeUnknown',
  'setSiteSettings',
];

export function isRequestMessage(value: unknown): value is RequestMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, payload } = value as { kind?: unknown; payload?: unknown };
  return (
    typeof kind === 'string' &&
    (REQUEST_KINDS as readonly string[]).includes(kind) &&
    typeof payload === 'object' &&
    payload !== null
  );
}
