import { useRef } from 'preact/hooks';
import type { Category } from '../core/types';
import { useFocusRescue } from './focus-rescue';
import { CATEGORY_ORDER, categoryName } from './format';
import { formatNumber } from './i18n';
import { t } from './t';
import type { Outcome } from './tab-store';

interface Props {
  outcome: Outcome | null;
  busy: boolean;
  onUndo(batchId: string): void;
  onDismiss(): void;
  /** Where the keyboard focus goes when Dismiss takes the banner (and the focused button) away. */
  focusAfterDismiss?(): HTMLElement | null;
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
export function OutcomeBanner({ outcome, busy, onUndo, onDismiss, focusAfterDismiss }: Props) {
  const undo = useRef<HTMLButtonElement>(null);
  const dismiss = useRef<HTMLButtonElement>(null);
  // Removing cookies removes their rows, a busy button is disabled, the one-click button stays
  // disabled when nothing optional is left, and Undo gives way to the restored outcome: when that
  // takes the keyboard focus, it comes here rather than falling back to the top of the page.
  useFocusRescue(outcome, () => (undo.current && !undo.current.disabled ? undo.current : dismiss.current));
  const onDismissClick = (event: MouseEvent) => {
    const hadFocus = document.activeElement === event.currentTarget;
    onDismiss();
    if (hadFocus) focusAfterDismiss?.()?.focus();
  };
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
              <button ref={dismiss} type="button" class="link-button" onClick={onDismissClick}>
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
              <button ref={dismiss} type="button" class="link-button" onClick={onDismissClick}>
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
