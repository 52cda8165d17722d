import { useEffect, useState } from 'preact/hooks';
import type { Category } from '../core/types';
import { type CookieGroup, FIRST_SCREEN_ROWS } from '../shared/cookie-groups';
import type { CookieRecord, SiteSettings } from '../shared/protocol';
import { CookieRow, type RowActions } from './cookie-row';
import { categoryName } from './format';
import { formatNumber } from './i18n';
import { t } from './t';
import { WindowedList } from './windowed-list';

interface Props {
  groups: CookieGroup[];
  expanded: ReadonlySet<string>;
  onToggle(key: string): void;
  collapsed: ReadonlySet<Category>;
  onToggleGroup(category: Category): void;
  /** Each group's count when the list holds only some of them (the first screen, before the rest). */
  counts?: Record<Category, number>;
  actions: RowActions;
  busy: boolean;
  siteSettings: SiteSettings | null;
  now: number;
}

/** A collapsed row is three lines of text; the list measures real heights as rows appear. */
const ROW_ESTIMATE = 68;

/** The tab's cookies by category: each group a labelled region with its own list of rows. */
export function CookieList({
  groups,
  expanded,
  onToggle,
  collapsed,
  onToggleGroup,
  counts,
  actions,
  busy,
  siteSettings,
  now,
}: Props) {
  // The first frame holds only the first screen's rows (FIRST_SCREEN_ROWS); the rest come after
  // the first paint, so the person sees the tab without waiting for a long list.
  const [firstFrame, setFirstFrame] = useState(true);
  useEffect(() => setFirstFrame(false), []);
  let budget = firstFrame ? FIRST_SCREEN_ROWS : Number.POSITIVE_INFINITY;
  const allowedVendors = new Set(siteSettings?.allowedVendors ?? []);
  const allowedCookies = new Set((siteSettings?.allowedCookies ?? []).map((c) => `${c.domain}\n${c.name}`));
  return (
    <div class="cookie-list">
      {groups.map(({ category, records }) => {
        const open = !collapsed.has(category);
        const headingId = `group-${category}`;
        const limit = open && firstFrame ? Math.min(budget, records.length) : undefined;
        if (limit !== undefined) budget -= limit;
        return (
          // biome-ignore lint/a11y/useSemanticElements: a fieldset groups form controls; this groups list rows.
          <section key={category} class="group" role="group" aria-labelledby={headingId} data-category={category}>
            <h2 class="group-heading">
              <button
                type="button"
                id={headingId}
                class="group-toggle"
                aria-expanded={open}
                aria-controls={`${headingId}-rows`}
                onClick={() => onToggleGroup(category)}
              >
                <span class={`swatch cat-${category}`} aria-hidden="true" />
                <span class="group-name">{categoryName(category)}</span>
                <span class="group-count">{formatNumber(counts?.[category] ?? records.length)}</span>
                <span class="chevron" aria-hidden="true" />
              </button>
            </h2>
            {open && (
              <div id={`${headingId}-rows`}>
                <WindowedList
                  items={records}
                  limit={limit}
                  keyOf={(r: CookieRecord) => r.key}
                  estimate={ROW_ESTIMATE}
                  class="rows"
                  label={t('groupRowsLabel', categoryName(category))}
                  renderItem={(record: CookieRecord, index) => (
                    <CookieRow
                      id={`${category}-${index}`}
                      record={record}
                      expanded={expanded.has(record.key)}
                      onToggle={onToggle}
                      now={now}
                      actions={actions}
                      busy={busy}
                      cookieAllowed={allowedCookies.has(`${record.cookie.domain}\n${record.cookie.name}`)}
                      vendorAllowed={record.label.vendor !== null && allowedVendors.has(record.label.vendor)}
                    />
                  )}
                />
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
