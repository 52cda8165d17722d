import { CATEGORIES, type Category, type Party } from '../../core/types';
import { categoryName, partyName } from '../../ui/format';
import { formatNumber } from '../../ui/i18n';
import { type PanelKey, t } from '../../ui/t';
import { FLAG_FILTERS, type FlagFilter, isFiltering, NO_FILTER, NO_VENDOR, type RowFilter } from '../row-filter';

const FLAG_TEXT: Record<FlagFilter, PanelKey> = {
  httpOnly: 'panelFlagHttpOnly',
  secure: 'panelFlagSecure',
  partitioned: 'panelFlagPartitioned',
  session: 'panelFlagSession',
  sameSiteNone: 'panelFlagSameSiteNone',
};

const PARTIES: readonly Party[] = ['first', 'third', 'unknown'];

interface Props {
  filter: RowFilter;
  onChange(filter: RowFilter): void;
  vendors: readonly string[];
  categoryCounts: Record<Category, number>;
}

function toggled<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set);
  if (!next.delete(item)) next.add(item);
  return next;
}

/** Search and filters; every control is a native input or a toggle button, so the keyboard just works. */
export function FilterBar({ filter, onChange, vendors, categoryCounts }: Props) {
  const set = (patch: Partial<RowFilter>) => onChange({ ...filter, ...patch });
  return (
    <fieldset class="filter-bar">
      <legend class="visually-hidden">{t('panelFiltersLabel')}</legend>
      <input
        type="search"
        class="search"
        value={filter.query}
        onInput={(e) => set({ query: (e.currentTarget as HTMLInputElement).value })}
        aria-label={t('panelSearchLabel')}
        placeholder={t('panelSearchPlaceholder')}
        data-testid="search"
      />
      <fieldset class="chips">
        <legend class="visually-hidden">{t('panelFilterCategory')}</legend>
        {CATEGORIES.map((category) => (
          <button
            key={category}
            type="button"
            class="chip"
            aria-pressed={filter.categories.has(category)}
            title={t('panelCategoryHint', categoryName(category).toLowerCase())}
            onClick={() => set({ categories: toggled(filter.categories, category) })}
            data-testid={`filter-category-${category}`}
          >
            <span class={`swatch cat-${category}`} aria-hidden="true" />
            {categoryName(category)} <span class="chip-count">{formatNumber(categoryCounts[category])}</span>
          </button>
        ))}
      </fieldset>
      <label class="select-label">
        <span>{t('panelFilterParty')}</span>
        <select
          value={filter.parties.size === 1 ? [...filter.parties][0] : ''}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value as Party | '';
            set({ parties: value === '' ? new Set() : new Set([value]) });
          }}
          data-testid="filter-party"
        >
          <option value="">{t('panelFilterAnyParty')}</option>
          {PARTIES.map((party) => (
            <option key={party} value={party}>
              {partyName(party)}
            </option>
          ))}
        </select>
      </label>
      <label class="select-label">
        <span>{t('panelFilterVendor')}</span>
        <select
          value={filter.vendor ?? ''}
          onChange={(e) => {
            const value = (e.currentTarget as HTMLSelectElement).value;
            set({ vendor: value === '' ? null : value });
          }}
          data-testid="filter-vendor"
        >
          <option value="">{t('panelFilterAnyVendor')}</option>
          <option value={NO_VENDOR}>{t('panelFilterNoVendor')}</option>
          {vendors.map((vendor) => (
            <option key={vendor} value={vendor}>
              {vendor}
            </option>
          ))}
        </select>
      </label>
      <fieldset class="chips">
        <legend class="visually-hidden">{t('panelFilterFlags')}</legend>
        {FLAG_FILTERS.map((flag) => (
          <button
            key={flag}
            type="button"
            class="chip"
            aria-pressed={filter.flags.has(flag)}
            title={t('panelFlagHint', t(FLAG_TEXT[flag]))}
            onClick={() => set({ flags: toggled(filter.flags, flag) })}
            data-testid={`filter-flag-${flag}`}
          >
            {t(FLAG_TEXT[flag])}
          </button>
        ))}
      </fieldset>
      <button
        type="button"
        class="link-button"
        disabled={!isFiltering(filter)}
        onClick={() => onChange(NO_FILTER)}
        data-testid="clear-filters"
      >
        {t('panelClearFilters')}
      </button>
    </fieldset>
  );
}
