import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { isSurprising } from '../../core/deletion-policy';
import { type ExportFormat, exportCookies } from '../../core/export/formats';
import type { Category } from '../../core/types';
import { emptyCounts } from '../../shared/cookie-summary';
import type { CookieRecord } from '../../shared/protocol';
import { useClient } from '../../ui/client-context';
import { ConfirmRemoval } from '../../ui/confirm-removal';
import { ConsentNotice } from '../../ui/consent-notice';
import { consequenceText } from '../../ui/format';
import { formatNumber } from '../../ui/i18n';
import { OutcomeBanner } from '../../ui/outcome-banner';
import { StateMessage, tabStateScreen } from '../../ui/state-message';
import { t } from '../../ui/t';
import type { TabStoreOptions } from '../../ui/tab-store';
import { useTabStore } from '../../ui/use-tab-store';
import { copyText } from '../clipboard';
import { COLUMNS, visibleColumns } from '../columns';
import { declarationStrings } from '../declaration-strings';
import { type DownloadTarget, documentTarget, downloadFile } from '../download';
import { lastUndoable } from '../last-undoable';
import { liveChangesText } from '../live-changes-text';
import { markPanelComplete, markPanelReady } from '../perf-marks';
import { isFiltering, NO_FILTER, type RowFilter, rowMatcher, vendorsOf } from '../row-filter';
import { type SortOrder, sortRows } from '../row-sort';
import { EMPTY_SELECTION, retain, type Selection } from '../selection';
import { useLiveRows } from '../use-live-rows';
import { ActionBar } from './action-bar';
import { CookieGrid } from './cookie-grid';
import { DetailPane } from './detail-pane';
import { FilterBar } from './filter-bar';

export interface PanelAppProps {
  tabId: number | null;
  /** Where exports go; tests and the fixture page can watch it. */
  downloads?: DownloadTarget;
  copy?: (text: string) => Promise<void>;
}

interface ExportNotice {
  fileName: string;
  skipped: number;
}

export function PanelApp({ tabId, downloads = documentTarget, copy = copyText }: PanelAppProps) {
  if (tabId === null) {
    return (
      <main class="panel">
        <StateMessage title={t('panelNoTab')} testId="state-no-tab" />
      </main>
    );
  }
  return <TabPanel tabId={tabId} downloads={downloads} copy={copy} />;
}

/**
 * The panel shows Undo for the last removal on the site, whoever made it: the store keeps the
 * history. Its first screen, by name, comes first; the rest of a long list right after it is painted.
 */
const PANEL_STORE: TabStoreOptions = { history: true, lead: 'names' };

function TabPanel({ tabId, downloads, copy }: Required<PanelAppProps> & { tabId: number }) {
  const client = useClient();
  const [state, store] = useTabStore(client, tabId, PANEL_STORE);
  const { view, records, phase, busy, outcome, history, leadSummary } = state;
  // Until the rest of a long list is in, counts are the worker's (see TabState.leadSummary).
  const complete = leadSummary === null;
  const total = leadSummary?.total ?? records.length;
  const { rows, changes } = useLiveRows(records, view, complete);
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [sort, setSort] = useState<SortOrder>({ column: 'name', direction: 'ascending' });
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [exported, setExported] = useState<ExportNotice | null>(null);

  const columns = useMemo(() => visibleColumns(records), [records]);
  const sortColumn = COLUMNS.find((c) => c.id === sort.column) ?? COLUMNS[0];
  // Sorted once per change of cookies or order; filtering keeps that order, so typing in the
  // search field never sorts again.
  const sorted = useMemo(
    () => sortRows(rows, (r) => r.record, sortColumn, sort.direction),
    [rows, sortColumn, sort.direction],
  );
  const matcher = useMemo(() => rowMatcher(filter), [filter]);
  const shown = useMemo(() => sorted.filter((r) => matcher(r.record)), [sorted, matcher]);
  const order = useMemo(() => shown.map((r) => r.record.key), [shown]);
  const byKey = useMemo(() => new Map(rows.map((r) => [r.record.key, r] as const)), [rows]);
  const vendors = useMemo(() => vendorsOf(records), [records]);
  const categoryCounts = useMemo(() => {
    if (leadSummary) return leadSummary.byCategory;
    const counts = emptyCounts();
    for (const r of records) counts[r.label.category]++;
    return counts;
  }, [records, leadSummary]);

  // A cookie that is gone (and no longer shown as removed) leaves the selection; nothing else does.
  useEffect(() => setSelection((s) => retain(s, (key) => byKey.has(key))), [byKey]);

  // The rows follow the cookies by one (layout-effect) render: mark once they are both in.
  useLayoutEffect(() => {
    if (!view || rows.length < records.length) return;
    markPanelReady();
    if (complete) markPanelComplete();
  }, [view, rows, records, complete]);

  const undoable = useMemo(() => lastUndoable(history, view?.site ?? null), [history, view?.site]);

  const removeRecords = (targets: CookieRecord[]) => store.removeCookies(targets.map((r) => r.cookie));

  // Cookies picked by hand go as asked, but one whose loss signs the person out (or asks for a
  // security check, consent or an empty cart) is named with its consequence first.
  const [pending, setPending] = useState<CookieRecord[] | null>(null);
  const requestRemoval = (targets: CookieRecord[]) => {
    if (targets.some((r) => isSurprising(r.label))) setPending(targets);
    else void removeRecords(targets);
  };

  // Only what is selected and on screen: a filter never hides a cookie that is about to go. Every
  // count of the selection is this one; selected cookies the filters hide are counted apart.
  const selectedShown = useMemo(
    () => shown.filter((r) => selection.selected.has(r.record.key) && r.change !== 'removed'),
    [shown, selection.selected],
  );
  const selectedHidden = useMemo(() => {
    const onScreen = new Set(shown.map((r) => r.record.key));
    return [...selection.selected].filter((key) => !onScreen.has(key) && byKey.get(key)?.change !== 'removed').length;
  }, [shown, byKey, selection.selected]);
  const shownCount = useMemo(() => {
    // With no filter every cookie is shown, also those still on their way.
    if (!complete && !isFiltering(filter)) return total;
    return shown.filter((r) => r.change !== 'removed').length;
  }, [shown, complete, filter, total]);

  const removeSelection = () => {
    if (selectedShown.length > 0) requestRemoval(selectedShown.map((r) => r.record));
  };

  const exportAs = (format: ExportFormat) => {
    const cookies = shown.filter((r) => r.change !== 'removed').map((r) => r.record);
    const file = exportCookies(
      format,
      cookies,
      { url: view?.url ?? null, site: view?.site ?? null, now: Date.now() / 1000 },
      { declaration: declarationStrings() },
    );
    downloadFile(file, downloads);
    setExported({ fileName: file.fileName, skipped: file.skipped.length });
  };

  const onSort = (column: SortOrder['column']) =>
    setSort((s) =>
      s.column === column
        ? { column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: 'ascending' },
    );

  const screen = tabStateScreen('panel', state, () => store.retry(), client.requestSiteAccess);
  if (screen || !view) return screen;

  const active = selection.active !== null ? (byKey.get(selection.active) ?? null) : null;
  return (
    <main class="panel" data-testid="panel">
      <header class="panel-top">
        <FilterBar filter={filter} onChange={setFilter} vendors={vendors} categoryCounts={categoryCounts} />
        <ActionBar
          busy={busy}
          selectedCount={selectedShown.length}
          shownCount={shownCount}
          categoryCounts={categoryCounts}
          undoable={undoable}
          complete={complete}
          onRemoveSelection={removeSelection}
          onRemoveCategory={(c: Category) => void store.removeCategory(c)}
          onUndo={(id) => void store.undo(id)}
          onExport={exportAs}
        />
      </header>
      <ConsentNotice view={view} state={state} store={store} />
      {pending && (
        <ConfirmRemoval
          bar
          count={pending.length}
          consequences={consequencesOf(pending, view.site ?? t('unidentifiedSite'))}
          busy={busy}
          onConfirm={() => {
            setPending(null);
            void removeRecords(pending);
          }}
          onCancel={() => setPending(null)}
        />
      )}
      <div class="panel-body">
        <div class="table-area">
          {shown.length === 0 && (
            <p class="empty" data-testid={records.length === 0 ? 'state-empty' : 'state-no-match'}>
              {records.length === 0
                ? view.status === 'loading'
                  ? t('tabLoading')
                  : t('panelEmpty')
                : t('panelNoMatch')}
            </p>
          )}
          <CookieGrid
            rows={shown}
            columns={columns}
            sort={sort}
            onSort={onSort}
            selection={selection}
            order={order}
            onSelection={setSelection}
            onRemoveSelection={removeSelection}
            onOpen={() => document.getElementById('detail-value')?.focus()}
          />
        </div>
        <DetailPane
          record={active?.record ?? null}
          change={active?.change ?? null}
          selectedCount={selectedShown.length}
          busy={busy}
          onRemove={(r) => requestRemoval([r])}
          copy={copy}
        />
      </div>
      <footer class="status-bar">
        <span data-testid="count">
          {t.plural('panelCount', total, formatNumber(shownCount))}
          {(selectedShown.length > 0 || selectedHidden > 0) &&
            ` · ${t.plural('panelSelectedCount', selectedShown.length)}`}
          {selectedHidden > 0 && ` (${t.plural('panelSelectedHidden', selectedHidden)})`}
        </span>
        {phase === 'restarting' && (
          <span class="help" data-testid="restarting">
            {t('workerRestartingLive')}
          </span>
        )}
        <span role="status" class="visually-hidden" data-testid="live-changes">
          {/* A new element per update: the same words twice in a row are announced twice. */}
          {changes.seq > 0 && <span key={changes.seq}>{liveChangesText(changes.counts)}</span>}
        </span>
        <span role="status" class="export-notice" data-testid="export-notice">
          {exported && t('panelExported', exported.fileName)}
          {exported && exported.skipped > 0 && ` ${t.plural('panelExportSkipped', exported.skipped)}`}
        </span>
      </footer>
      <div class="outcome-slot">
        <OutcomeBanner
          outcome={outcome}
          busy={busy}
          onUndo={(id) => void store.undo(id)}
          onRemoveWithoutUndo={() => void store.removeWithoutUndo()}
          onDismiss={() => store.dismissOutcome()}
          focusAfterDismiss={() => document.getElementById('cookie-grid')}
        />
      </div>
    </main>
  );
}

/** "would sign you out of Facebook; would make shop.example ask for your cookie choices again". */
function consequencesOf(records: readonly CookieRecord[], site: string): string {
  const texts = new Set<string>();
  for (const { label } of records) {
    const text = consequenceText(label.ifDeleted, label.vendor ?? site);
    if (text) texts.add(text);
  }
  return [...texts].join('; ');
}
