import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Category } from '../core/types';
import { groupRecords } from '../shared/cookie-groups';
import { summarize } from '../shared/cookie-summary';
import type { CookieRecord } from '../shared/protocol';
import { CategoryBar } from '../ui/category-bar';
import { useClient } from '../ui/client-context';
import { ConsentNotice } from '../ui/consent-notice';
import { CookieList } from '../ui/cookie-list';
import type { RowActions } from '../ui/cookie-row';
import { KeptNotice } from '../ui/kept-notice';
import { OutcomeBanner } from '../ui/outcome-banner';
import { SiteSettingsPanel, withAllowedCookie, withAllowedVendor } from '../ui/site-settings';
import { StateMessage, tabStateScreen } from '../ui/state-message';
import { t } from '../ui/t';
import { useTabStore } from '../ui/use-tab-store';
import { markReady } from './perf-marks';

export function PopupApp({ tabId }: { tabId: number | null }) {
  if (tabId === null) {
    return (
      <main class="popup">
        <StateMessage title={t('popupNoTab')} testId="state-no-tab" />
      </main>
    );
  }
  return <TabPopup tabId={tabId} />;
}

/** The popup is glanced at: its first screen comes first (the one the worker kept, while it wakes up), the rest of a long list right after. */
const LEAD = { lead: 'groups', kept: true } as const;

function toggled<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set);
  if (!next.delete(item)) next.add(item);
  return next;
}

function TabPopup({ tabId }: { tabId: number }) {
  const client = useClient();
  const [state, store] = useTabStore(client, tabId, LEAD);
  const [query, setQuery] = useState('');
  // Kept by cookie key, outside the rows: live updates and scrolling never close an open row.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [collapsed, setCollapsed] = useState<ReadonlySet<Category>>(new Set());
  const removeOptional = useRef<HTMLButtonElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const includeUnknownBox = useRef<HTMLInputElement>(null);
  const { view, records, phase, busy } = state;
  const includeUnknown = view?.includeUnknown ?? false;
  // Until every cookie has arrived, the worker's summary of all of them (see TabState.leadSummary).
  const { leadSummary } = state;
  const summary = useMemo(
    () => leadSummary ?? summarize(records, includeUnknown),
    [leadSummary, records, includeUnknown],
  );
  const groups = useMemo(() => groupRecords(records, query), [records, query]);
  const actions = useMemo<RowActions>(
    () => ({
      remove: (record: CookieRecord) => void store.removeCookie(record.cookie),
      allowCookie: (record: CookieRecord) =>
        void store.setSiteSettings(withAllowedCookie(store.getState().view?.siteSettings ?? null, record.cookie)),
      allowVendor: (vendor: string) =>
        void store.setSiteSettings(withAllowedVendor(store.getState().view?.siteSettings ?? null, vendor)),
    }),
    [store],
  );
  useLayoutEffect(() => {
    if (view) markReady();
  }, [view]);

  const screen = tabStateScreen('popup', state, () => store.retry(), client.requestSiteAccess);
  if (screen || !view) return screen;
  if (view.status === 'loading') {
    return (
      <main class="popup">
        <StateMessage title={t('tabLoading')} busy testId="state-tab-loading" />
      </main>
    );
  }

  const site = view.site ?? view.url ?? '';
  const unknown = summary.byCategory.unknown;
  return (
    <main class="popup">
      <header class="top">
        <h1 class="site" data-testid="site">
          {site}
        </h1>
        <p class="total" data-testid="total">
          {t.plural('cookieTotal', summary.total)}
        </p>
      </header>
      {phase === 'restarting' && (
        <p class="banner" role="status" data-testid="banner-restarting">
          {t('workerRestartingLive')}
        </p>
      )}
      <CategoryBar summary={summary} />
      <p class="extra-counts" data-testid="extra-counts">
        {t.plural('thirdPartyCount', summary.thirdParty)} · {t.plural('partitionedCount', summary.partitioned)}
      </p>
      <OutcomeBanner
        outcome={state.outcome}
        busy={busy}
        onUndo={(batchId) => void store.undo(batchId)}
        onRemoveWithoutUndo={() => void store.removeWithoutUndo()}
        onDismiss={() => store.dismissOutcome()}
        focusAfterDismiss={() =>
          // The next thing to do: remove what is left, else look through the list.
          [removeOptional.current, search.current, includeUnknownBox.current].find((el) => el && !el.disabled) ?? null
        }
      />
      <div class="actions">
        <button
          ref={removeOptional}
          type="button"
          class="button primary wide"
          data-testid="remove-optional"
          disabled={busy || summary.removable === 0}
          onClick={() => void store.removeOptional()}
        >
          {t.plural('removeOptional', summary.removable)}
        </button>
        <label class="check">
          <input
            ref={includeUnknownBox}
            type="checkbox"
            data-testid="include-unknown"
            checked={includeUnknown}
            // Not `disabled`: Chromium takes the focus off a control as it becomes disabled, and the
            // keyboard user who just toggled it would land at the top of the page.
            aria-disabled={busy}
            onClick={(e) => {
              if (busy) e.preventDefault();
            }}
            onChange={(e) => void store.setIncludeUnknown(e.currentTarget.checked)}
          />
          <span>{t.plural('includeUnknown', unknown)}</span>
        </label>
      </div>
      <ConsentNotice view={view} state={state} store={store} />
      <KeptNotice
        groups={summary.keptForConsequence}
        site={site}
        busy={busy}
        onRemove={(cookies) => void store.removeCookies(cookies)}
      />
      {view.site && (
        <SiteSettingsPanel
          site={view.site}
          settings={view.siteSettings}
          busy={busy}
          onChange={(settings) => void store.setSiteSettings(settings)}
        />
      )}
      {summary.total === 0 ? (
        <StateMessage title={t('noCookies', site)} testId="state-no-cookies">
          <p class="help">{t('noCookiesHelp')}</p>
        </StateMessage>
      ) : (
        <>
          <div class="search">
            <input
              ref={search}
              type="search"
              class="search-input"
              data-testid="search"
              aria-label={t('searchLabel')}
              placeholder={t('searchPlaceholder')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          </div>
          {groups.length === 0 ? (
            <p class="help no-match" role="status">
              {t('noMatch', query.trim())}
            </p>
          ) : (
            <CookieList
              groups={groups}
              expanded={expanded}
              onToggle={(key) => setExpanded((old) => toggled(old, key))}
              collapsed={collapsed}
              counts={query.trim() === '' ? summary.byCategory : undefined}
              onToggleGroup={(category) => setCollapsed((old) => toggled(old, category))}
              actions={view.site ? actions : { remove: actions.remove }}
              busy={busy}
              siteSettings={view.siteSettings}
              now={Date.now() / 1000}
            />
          )}
        </>
      )}
    </main>
  );
}
