/**
 * Which rows are selected, kept by cookie key so that sorting, filtering and live updates never
 * change what the user picked. `order` is always the rows as currently shown.
 */
export interface Selection {
  /** The row the keyboard is on and the detail pane shows. */
  active: string | null;
  /** Where a Shift range starts. */
  anchor: string | null;
  selected: ReadonlySet<string>;
}

export const EMPTY_SELECTION: Selection = { active: null, anchor: null, selected: new Set() };

export type PickMode = 'replace' | 'toggle' | 'range';

function range(order: readonly string[], from: string | null, to: string): Set<string> {
  const a = from === null ? -1 : order.indexOf(from);
  const b = order.indexOf(to);
  if (a < 0 || b < 0) return new Set([to]);
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return new Set(order.slice(lo, hi + 1));
}

/** A click: plain replaces, Ctrl/Cmd toggles, Shift selects from the anchor. */
export function pick(state: Selection, order: readonly string[], key: string, mode: PickMode): Selection {
  if (mode === 'toggle') {
    const selected = new Set(state.selected);
    if (!selected.delete(key)) selected.add(key);
    return { active: key, anchor: key, selected };
  }
  if (mode === 'range') {
    // An anchor the filters now hide cannot start a range: the clicked row starts the next one.
    const anchor = state.anchor !== null && order.includes(state.anchor) ? state.anchor : key;
    return { active: key, anchor, selected: range(order, anchor, key) };
  }
  return { active: key, anchor: key, selected: new Set([key]) };
}

/** Arrow keys, Page keys, Home and End: move to `index`, extending the selection with Shift. */
export function moveTo(state: Selection, order: readonly string[], index: number, extend: boolean): Selection {
  if (order.length === 0) return state;
  const key = order[Math.max(0, Math.min(order.length - 1, index))];
  return pick(state, order, key, extend ? 'range' : 'replace');
}

/** Index of the active row in `order`, or -1. */
export function activeIndex(state: Selection, order: readonly string[]): number {
  return state.active === null ? -1 : order.indexOf(state.active);
}

export function selectAll(state: Selection, order: readonly string[]): Selection {
  return { active: state.active ?? order[0] ?? null, anchor: state.anchor, selected: new Set(order) };
}

/** Forget rows that no longer exist; keep everything else exactly as it was. */
export function retain(state: Selection, exists: (key: string) => boolean): Selection {
  const selected = [...state.selected].filter(exists);
  const active = state.active !== null && exists(state.active) ? state.active : null;
  const anchor = state.anchor !== null && exists(state.anchor) ? state.anchor : null;
  if (selected.length === state.selected.size && active === state.active && anchor === state.anchor) return state;
  return { active, anchor, selected: new Set(selected) };
}
