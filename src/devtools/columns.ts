import { expiresIso } from '../core/export/labelled-cookie';
import { CATEGORIES, IF_DELETED } from '../core/types';
import type { BrowserCookie, CookieRecord } from '../shared/protocol';
import { categoryName, cookieSize, ifDeletedName, labelBasis, partyName } from '../ui/format';
import { type PanelKey, t } from '../ui/t';

export type ColumnId =
  | 'name'
  | 'value'
  | 'domain'
  | 'path'
  | 'expires'
  | 'size'
  | 'httpOnly'
  | 'secure'
  | 'sameSite'
  | 'partitionKey'
  | 'priority'
  | 'vendor'
  | 'category'
  | 'ifDeleted'
  | 'purpose'
  | 'party'
  | 'source';

export interface Column {
  id: ColumnId;
  title: PanelKey;
  /** Pixels; the table scrolls sideways rather than squeezing text. */
  width: number;
  numeric?: boolean;
  /** What sorting compares: numbers compare as numbers, text with the UI language's collation. */
  sortValue(record: CookieRecord): string | number;
  text(record: CookieRecord): string;
}

/** Longest value text a cell renders; the detail pane shows the whole value. */
const CELL_TEXT_LIMIT = 300;
const CHECK = '✓';

/** `chrome.cookies` does not report a priority today; a worker that passes one through gets a column. */
export function priorityOf(cookie: BrowserCookie): string | null {
  const priority = (cookie as BrowserCookie & { priority?: unknown }).priority;
  return typeof priority === 'string' ? priority : null;
}

/** The expiry as the exports write it (one owner of the date format), or "Session". */
export function expiresText(cookie: BrowserCookie): string {
  if (cookie.session || cookie.expirationDate === undefined) return t('panelSession');
  // A date beyond what `Date` holds has no ISO form: shown as the number the browser gave.
  return expiresIso(cookie) ?? String(cookie.expirationDate);
}

export function partitionText(cookie: BrowserCookie): string {
  const key = cookie.partitionKey;
  if (!key) return '';
  const site = key.topLevelSite ?? '';
  return key.hasCrossSiteAncestor ? t('panelCrossSite', site) : site;
}

const SAME_SITE_TEXT: Record<BrowserCookie['sameSite'], string> = {
  no_restriction: 'None',
  lax: 'Lax',
  strict: 'Strict',
  unspecified: '',
};

export function sameSiteText(cookie: BrowserCookie): string {
  return SAME_SITE_TEXT[cookie.sameSite] ?? String(cookie.sameSite);
}

const PARTY_ORDER = { first: 0, third: 1, unknown: 2 } as const;

/**
 * What a person looks for first comes first: at 1280 px, beside the detail pane, the name, category,
 * vendor and what deleting does are visible without scrolling sideways; the attributes DevTools'
 * own cookie table shows follow.
 */
export const COLUMNS: readonly Column[] = [
  {
    id: 'name',
    title: 'panelColName',
    width: 180,
    sortValue: (r) => r.cookie.name,
    // A cookie may have an empty name (`=value`); a blank cell would look like a missing row.
    text: (r) => r.cookie.name || t('emptyName'),
  },
  {
    id: 'category',
    title: 'panelColCategory',
    width: 100,
    sortValue: (r) => CATEGORIES.indexOf(r.label.category),
    text: (r) => categoryName(r.label.category),
  },
  {
    id: 'vendor',
    title: 'panelColVendor',
    width: 140,
    sortValue: (r) => r.label.vendor ?? '',
    text: (r) => r.label.vendor ?? '',
  },
  {
    id: 'ifDeleted',
    title: 'panelColIfDeleted',
    width: 150,
    // Costliest first when sorted ascending: what signs you out leads.
    sortValue: (r) => IF_DELETED.indexOf(r.label.ifDeleted),
    text: (r) => ifDeletedName(r.label.ifDeleted),
  },
  {
    id: 'domain',
    title: 'panelColDomain',
    width: 160,
    sortValue: (r) => r.cookie.domain,
    text: (r) => r.cookie.domain,
  },
  {
    id: 'value',
    title: 'panelColValue',
    width: 200,
    sortValue: (r) => r.cookie.value,
    text: (r) => r.cookie.value.slice(0, CELL_TEXT_LIMIT),
  },
  {
    id: 'purpose',
    title: 'panelColPurpose',
    width: 260,
    sortValue: (r) => r.label.purpose ?? '',
    text: (r) => r.label.purpose ?? '',
  },
  {
    id: 'party',
    title: 'panelColParty',
    width: 96,
    sortValue: (r) => PARTY_ORDER[r.label.party] ?? 3,
    text: (r) => partyName(r.label.party),
  },
  { id: 'path', title: 'panelColPath', width: 70, sortValue: (r) => r.cookie.path, text: (r) => r.cookie.path },
  {
    id: 'expires',
    title: 'panelColExpires',
    width: 190,
    // Session cookies last longest in a sort by expiry: they have no date to run out on.
    sortValue: (r) => (r.cookie.session ? Number.MAX_VALUE : (r.cookie.expirationDate ?? Number.MAX_VALUE)),
    text: (r) => expiresText(r.cookie),
  },
  {
    id: 'size',
    title: 'panelColSize',
    width: 68,
    numeric: true,
    sortValue: (r) => cookieSize(r.cookie),
    text: (r) => String(cookieSize(r.cookie)),
  },
  {
    id: 'httpOnly',
    title: 'panelColHttpOnly',
    width: 84,
    sortValue: (r) => (r.cookie.httpOnly ? 1 : 0),
    text: (r) => (r.cookie.httpOnly ? CHECK : ''),
  },
  {
    id: 'secure',
    title: 'panelColSecure',
    width: 68,
    sortValue: (r) => (r.cookie.secure ? 1 : 0),
    text: (r) => (r.cookie.secure ? CHECK : ''),
  },
  { id: 'sameSite', title: 'panelColSameSite', width: 76, sortValue: sameSiteTextOf, text: sameSiteTextOf },
  {
    id: 'partitionKey',
    title: 'panelColPartitionKey',
    width: 170,
    sortValue: (r) => partitionText(r.cookie),
    text: (r) => partitionText(r.cookie),
  },
  {
    id: 'priority',
    title: 'panelColPriority',
    width: 70,
    sortValue: (r) => priorityOf(r.cookie) ?? '',
    text: (r) => priorityOf(r.cookie) ?? '',
  },
  {
    id: 'source',
    title: 'panelColSource',
    width: 170,
    sortValue: (r) => r.label.confidence,
    text: (r) => labelBasis(r.label.source, r.label.confidence),
  },
];

function sameSiteTextOf(record: CookieRecord): string {
  return sameSiteText(record.cookie);
}

/** The priority column only when some cookie has a priority. */
export function visibleColumns(records: readonly CookieRecord[]): readonly Column[] {
  const hasPriority = records.some((r) => priorityOf(r.cookie) !== null);
  return hasPriority ? COLUMNS : COLUMNS.filter((c) => c.id !== 'priority');
}
