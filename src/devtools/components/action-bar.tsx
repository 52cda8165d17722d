import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/formats';
import type { Category } from '../../core/types';
import { GROUP_ORDER } from '../../shared/cookie-groups';
import type { HistoryBatch } from '../../shared/protocol';
import { categoryName } from '../../ui/format';
import { formatNumber } from '../../ui/i18n';
import { type PanelKey, t } from '../../ui/t';

const FORMAT_TEXT: Record<ExportFormat, PanelKey> = {
  json: 'panelExportJson',
  csv: 'panelExportCsv',
  netscape: 'panelExportNetscape',
  markdown: 'panelExportMarkdown',
};

interface Props {
  busy: boolean;
  selectedCount: number;
  shownCount: number;
  categoryCounts: Record<Category, number>;
  undoable: HistoryBatch | null;
  /** False while the rest of a long list is still coming (see PushMessage): an export would miss it. */
  complete: boolean;
  onRemoveSelection(): void;
  onRemoveCategory(category: Category): void;
  onUndo(batchId: string): void;
  onExport(format: ExportFormat): void;
}

export function ActionBar(props: Props) {
  const { busy, selectedCount, shownCount, categoryCounts, undoable, complete } = props;
  // Optional categories first: essential cookies are the ones nobody removes by accident.
  const present = GROUP_ORDER.filter((c) => categoryCounts[c] > 0);
  const [chosen, setChosen] = useState<Category | ''>('');
  const category: Category | '' =
    chosen !== '' && categoryCounts[chosen] > 0 ? chosen : present.length > 0 ? present[0] : '';
  return (
    <div class="action-bar">
      <fieldset class="action-group">
        <legend class="visually-hidden">{t('panelActionsLabel')}</legend>
        <button
          type="button"
          class="button danger"
          disabled={busy || selectedCount === 0}
          onClick={props.onRemoveSelection}
          data-testid="remove-selected"
        >
          {t('panelRemoveSelected', formatNumber(selectedCount))}
        </button>
        <select
          aria-label={t('panelRemoveCategoryChoose')}
          value={category}
          disabled={present.length === 0}
          onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value as Category)}
          data-testid="remove-category-choice"
        >
          {present.map((c) => (
            <option key={c} value={c}>
              {t('panelRemoveCategoryOption', categoryName(c), formatNumber(categoryCounts[c]))}
            </option>
          ))}
        </select>
        <button
          type="button"
          class="button danger"
          disabled={busy || category === ''}
          onClick={() => category !== '' && props.onRemoveCategory(category)}
          data-testid="remove-category"
        >
          {t('panelRemoveCategory')}
        </button>
        <button
          type="button"
          class="button"
          disabled={busy || !undoable}
          onClick={() => undoable && props.onUndo(undoable.id)}
          data-testid="undo-last"
        >
          {undoable ? t('panelUndoLast', formatNumber(undoable.count)) : t('panelUndoNothing')}
        </button>
      </fieldset>
      <fieldset class="action-group">
        <legend class="visually-hidden">{t.plural('panelExportLabel', shownCount)}</legend>
        <span class="group-label" aria-hidden="true">
          {t.plural('panelExportLabel', shownCount)}:
        </span>
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            class="button"
            disabled={!complete}
            onClick={() => props.onExport(format)}
            data-testid={`export-${format}`}
          >
            {t(FORMAT_TEXT[format])}
          </button>
        ))}
      </fieldset>
    </div>
  );
}
