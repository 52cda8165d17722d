import type { Category } from '../core/types';
import { CATEGORIES } from '../core/types';
import type { CookieSummary } from '../shared/protocol';
import { categoryName } from './format';
import { formatNumber } from './i18n';
import { t } from './t';

/**
 * Essential against optional, the optional part split by category. The bar is one image with a
 * spoken description; the legend under it repeats every count in words, so colour is never the only
 * carrier of meaning.
 */
export function CategoryBar({ summary }: { summary: CookieSummary }) {
  const parts = CATEGORIES.map((category) => [category, summary.byCategory[category]] as [Category, number]);
  const spoken = t(
    'barDescription',
    formatNumber(summary.byCategory.essential),
    formatNumber(summary.optional),
    parts
      .filter(([category, n]) => category !== 'essential' && n > 0)
      .map(([category, n]) => `${formatNumber(n)} ${categoryName(category)}`)
      .join(', ') || t('barNothingOptional'),
  );
  return (
    <div class="summary-bar">
      <div class="bar" role="img" aria-label={spoken} data-testid="category-bar">
        {summary.total === 0 ? (
          <span class="bar-empty" />
        ) : (
          parts
            .filter(([, n]) => n > 0)
            .map(([category, n]) => (
              <span
                key={category}
                class={`bar-part cat-${category}`}
                data-category={category}
                style={{ flexGrow: n }}
                title={`${categoryName(category)}: ${formatNumber(n)}`}
              />
            ))
        )}
      </div>
      <div class="bar-scale" aria-hidden="true">
        <span>{t('barEssential', formatNumber(summary.byCategory.essential))}</span>
        <span>{t('barOptional', formatNumber(summary.optional))}</span>
      </div>
      <ul class="legend" aria-label={t('legendLabel')}>
        {parts.map(([category, n]) => (
          <li key={category} class={n === 0 ? 'legend-item is-zero' : 'legend-item'} data-category={category}>
            <span class={`swatch cat-${category}`} aria-hidden="true" />
            <span class="legend-name">{categoryName(category)}</span>
            <span class="legend-count" data-testid={`count-${category}`}>
              {formatNumber(n)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
