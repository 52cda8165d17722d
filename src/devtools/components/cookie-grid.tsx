// biome-ignore-all lint/a11y/useSemanticElements: rows of a virtualised grid are placed absolutely, which table layout cannot do; ARIA roles carry the semantics.
// biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which names the active cell with aria-activedescendant (the ARIA grid pattern).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../ui/t';
import { scrollToReveal, visibleRange } from '../../ui/virtual-window';
import type { LiveRow } from '../change-tracker';
import type { Column } from '../columns';
import type { SortOrder } from '../row-sort';
import { activeIndex, moveTo, type PickMode, pick, type Selection, selectAll } from '../selection';

export const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 26;
const OVERSCAN = 12;
/**
 * Rows are keyed by their slot on screen, not by cookie: after a sort, a filter or a scroll the same
 * elements show other cookies and only their text changes, which costs far less than replacing them.
 */
const SLOTS = 1024;

const CHANGE_TEXT = { new: 'panelRowNew', changed: 'panelRowChanged', removed: 'panelRowRemoved' } as const;

interface Props {
  rows: readonly LiveRow[];
  columns: readonly Column[];
  sort: SortOrder;
  onSort(column: Column['id']): void;
  selection: Selection;
  order: readonly string[];
  onSelection(selection: Selection): void;
  onRemoveSelection(): void;
  /** Enter: go to the active cookie's details. */
  onOpen(): void;
}

function cellId(row: number, column: number): string {
  return `cookie-cell-${row}-${column}`;
}

/**
 * The cookie table: an ARIA grid of rows, only the rows near the viewport in the DOM. The grid
 * itself holds focus and points at the active cell (the active row, in the column Left and Right
 * move through) with aria-activedescendant, so focus survives rows being recycled while scrolling
 * and live updates. The column headers' sort buttons are one Tab stop: Left and Right move between
 * them, as in any toolbar.
 */
export function CookieGrid({
  rows,
  columns,
  sort,
  onSort,
  selection,
  order,
  onSelection,
  onRemoveSelection,
  onOpen,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  // Until measured, as tall as the window: enough rows for the first frame, whatever the panel's size.
  const [viewport, setViewport] = useState(() => ({ top: 0, height: window.innerHeight || 600 }));
  const templateColumns = columns.map((c) => `${c.width}px`).join(' ');
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const { start, end } = visibleRange(
    rows.length,
    ROW_HEIGHT,
    viewport.top,
    Math.max(0, viewport.height - HEADER_HEIGHT),
    OVERSCAN,
  );
  const active = activeIndex(selection, order);
  const [activeColumn, setActiveColumn] = useState(0);
  const column = Math.min(activeColumn, columns.length - 1);
  // The header's one Tab stop: the header button used last, else the sorted column's.
  const [headerFocus, setHeaderFocus] = useState<number | null>(null);
  const headerStop = Math.min(
    columns.length - 1,
    headerFocus ??
      Math.max(
        0,
        columns.findIndex((c) => c.id === sort.column),
      ),
  );

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // Not measured here but when the observer first reports, after the browser's own layout: reading
    // the height now would lay out the whole panel once more before its first paint.
    const measure = () => {
      const top = el.scrollTop;
      const height = el.clientHeight;
      setViewport((v) => (v.top === top && v.height === height ? v : { top, height }));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keep the active row in view when the keyboard or a sort moves it. Not when its index changes
  // because a live update added or removed rows above it: the view would jump while being read.
  // The key asked for, not a flag: the effect of a render from before the key press (a live update
  // whose effects have not run yet) must not take the request with the row it had active.
  const revealKey = useRef<string | null>(null);
  const sortShown = useRef(sort);
  useEffect(() => {
    const resorted = sortShown.current !== sort;
    sortShown.current = sort;
    const asked = revealKey.current !== null && revealKey.current === selection.active;
    const el = scroller.current;
    if (!(asked || resorted) || !el) return;
    if (asked) revealKey.current = null;
    if (active < 0) return;
    const top = scrollToReveal(active, ROW_HEIGHT, el.scrollTop, el.clientHeight, HEADER_HEIGHT);
    if (top !== null) el.scrollTop = top;
  });

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const el = scroller.current;
      if (el) setViewport({ top: el.scrollTop, height: el.clientHeight });
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys pressed on a column header's sort button bubble here too: Enter and Space there sort.
    if (event.target !== event.currentTarget) return;
    const pageRows = Math.max(1, Math.floor((viewport.height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const from = active < 0 ? -1 : active;
    const go = (index: number) => {
      const next = moveTo(selection, order, index, event.shiftKey);
      revealKey.current = next.active;
      onSelection(next);
    };
    switch (event.key) {
      case 'ArrowDown':
        go(from + 1);
        break;
      case 'ArrowUp':
        go(from < 0 ? 0 : from - 1);
        break;
      case 'PageDown':
        go(from + pageRows);
        break;
      case 'PageUp':
        go(Math.max(0, from - pageRows));
        break;
      case 'ArrowRight':
        setActiveColumn(Math.min(columns.length - 1, column + 1));
        break;
      case 'ArrowLeft':
        setActiveColumn(Math.max(0, column - 1));
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(order.length - 1);
        break;
      case ' ':
        if (selection.active === null) return;
        onSelection(pick(selection, order, selection.active, 'toggle'));
        break;
      case 'a':
      case 'A':
        if (!(event.ctrlKey || event.metaKey)) return;
        onSelection(selectAll(selection, order));
        break;
      case 'Delete':
      case 'Backspace':
        if (selection.selected.size === 0) return;
        onRemoveSelection();
        break;
      case 'Enter':
        if (selection.active === null) return;
        onOpen();
        break;
      case 'Escape':
        if (selection.selected.size === 0) return;
        onSelection({ ...selection, selected: new Set() });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onHeaderKeyDown = (event: KeyboardEvent, at: number) => {
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: columns.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(columns.length - 1, to));
    setHeaderFocus(next);
    const row = (event.currentTarget as HTMLElement).closest('.head-row');
    row?.querySelectorAll<HTMLButtonElement>('.sort-button')[next]?.focus();
  };

  // One listener for every row: rows come and go as the grid scrolls.
  const onClick = (event: MouseEvent) => {
    const row = (event.target as Element).closest<HTMLElement>('[data-key]');
    const key = row?.dataset.key;
    if (key === undefined) return;
    const mode: PickMode = event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'replace';
    onSelection(pick(selection, order, key, mode));
  };

  return (
    <div class="grid-scroll" ref={scroller} onScroll={onScroll}>
      <div
        id="cookie-grid"
        class="grid"
        role="grid"
        tabIndex={0}
        aria-label={t('panelGridLabel')}
        aria-describedby="grid-help"
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        aria-activedescendant={active >= 0 && active >= start && active < end ? cellId(active, column) : undefined}
        onKeyDown={onKeyDown}
        onClick={onClick}
        style={{ width: `${width}px`, '--grid-columns': templateColumns }}
        data-testid="cookie-grid"
      >
        <div role="rowgroup" class="grid-head">
          <div role="row" class="grid-row head-row" aria-rowindex={1}>
            {columns.map((column, i) => {
              const sorted = sort.column === column.id;
              return (
                <div
                  key={column.id}
                  role="columnheader"
                  aria-colindex={i + 1}
                  aria-sort={sorted ? sort.direction : 'none'}
                  class={column.numeric ? 'cell numeric' : 'cell'}
                >
                  <button
                    type="button"
                    class="sort-button"
                    tabIndex={i === headerStop ? 0 : -1}
                    title={t('panelSortBy', t(column.title))}
                    onClick={() => {
                      setHeaderFocus(i);
                      onSort(column.id);
                    }}
                    onKeyDown={(event) => onHeaderKeyDown(event, i)}
                    data-column={column.id}
                  >
                    <span class="cell-text">{t(column.title)}</span>
                    <span class="sort-mark" aria-hidden="true">
                      {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" class="grid-body" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {rows.slice(start, end).map(({ record, change }, offset) => {
            const index = start + offset;
            const selected = selection.selected.has(record.key);
            const classes = ['grid-row', 'body-row', `cat-row-${record.label.category}`];
            if (selected) classes.push('is-selected');
            if (index === active) classes.push('is-active');
            if (change) classes.push(`is-${change}`);
            return (
              <div
                key={index % SLOTS}
                role="row"
                aria-rowindex={index + 2}
                aria-selected={selected}
                class={classes.join(' ')}
                style={{ top: `${index * ROW_HEIGHT}px` }}
                data-key={record.key}
                data-change={change ?? undefined}
              >
                {columns.map((c, i) => (
                  <div
                    key={c.id}
                    id={cellId(index, i)}
                    role="gridcell"
                    aria-colindex={i + 1}
                    class={`${c.numeric ? 'cell numeric' : 'cell'}${index === active && i === column ? ' is-active-cell' : ''}`}
                    data-column={c.id}
                  >
                    {c.id === 'category' && <span class={`swatch cat-${record.label.category}`} aria-hidden="true" />}
                    <span class="cell-text">{c.text(record)}</span>
                    {i === 0 && change && <span class="visually-hidden"> ({t(CHANGE_TEXT[change])})</span>}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      <p id="grid-help" class="visually-hidden">
        {t('panelGridHelp')}
      </p>
    </div>
  );
}
