import { useEffect, useRef } from 'preact/hooks';
import type { Category } from '../core/types';
import { CATEGORY_ORDER, categoryName } from './format';
import { formatNumber } from './i18n';
import { t } from './t';
import type { Outcome } from './tab-store';

interface Props {
  outcome: Outcome | null;
  busy: boolean;
  onUndo(batchId: string): void;
  onDismiss(): void;
}

export function removedByCategory(removed: Record<Category, number>): string {
  return CATEGORY_ORDER.filter((c) => removed[c] > 0)
    .map((c) => `${formatNumber(removed[c])} ${categoryName(c).toLowerCase()}`)
    .join(', ');
}

/**
 * What the last action did, in plain words. The live region stays mounted so that screen readers
 * announce each new result; failures also go to an alert.
 */
export function OutcomeBanner({ outcome, busy, onUndo, onDismiss }: Props) {
  const undo = useRef<HTMLButtonElement>(null);
  // Removing cookies removes their rows, and the one-click button goes when nothing optional is
  // left: when that takes the keyboard focus with it, it goes to Undo rather than back to the top.
  useEffect(() => {
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || !focused.isConnected;
    if (outcome?.kind === 'removed' && lost) undo.current?.focus();
  }, [outcome]);
  return (
    <div class="outcome-region">
      <div role="status" aria-live="polite" aria-atomic="true">
        {outcome && outcome.kind !== 'error' && (
          <div class="outcome" data-testid="outcome">
            <OutcomeText outcome={outcome} />
            <div class="outcome-actions">
              {outcome.kind === 'removed' && outcome.report.batchId && (
                <button
                  ref={undo}
                  type="button"
                  class="button primary"
                  disabled={busy}
                  onClick={() => outcome.report.batchId && onUndo(outcome.report.batchId)}
                >
                  {t('undo')}
                </button>
              )}
              <button type="button" class="link-button" onClick={onDismiss}>
                {t('dismiss')}
              </button>
            </div>
          </div>
        )}
      </div>
      <div role="alert">
        {outcome?.kind === 'error' && (
          <div class="outcome is-error" data-testid="outcome-error">
            <p>{outcome.workerDown ? t('actionWorkerDown') : t('actionFailed', outcome.message)}</p>
            <div class="outcome-actions">
              <button type="button" class="link-button" onClick={onDismiss}>
                {t('dismiss')}
              </button>
            </div>
          </div>
        )}
        {outcome && outcome.kind !== 'error' && outcome.report.failed.length > 0 && (
          <p class="failure" data-testid="outcome-failed">
            {t.plural(
              outcome.kind === 'removed' ? 'notRemoved' : 'notRestored',
              outcome.report.failed.length,
              outcome.report.failed[0].error,
            )}
          </p>
        )}
      </div>
    </div>
  );
}

function OutcomeText({ outcome }: { outcome: Exclude<Outcome, { kind: 'error' }> }) {
  if (outcome.kind === 'removed') {
    const { report } = outcome;
    return (
      <p>
        {report.removedTotal === 0
          ? t('removedNothing')
          : t.plural('removedSome', report.removedTotal, removedByCategory(report.removed))}
        {report.vanished.length > 0 && ` ${t.plural('alreadyGone', report.vanished.length)}`}
      </p>
    );
  }
  const { report } = outcome;
  return (
    <p>
      {t.plural('restored', report.restored)}
      {report.expired.length > 0 && ` ${t.plural('expiredNotRestored', report.expired.length)}`}
    </p>
  );
}
