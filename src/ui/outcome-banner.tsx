import { useRef } from 'preact/hooks';
import type { Category } from '../core/types';
import { CATEGORIES } from '../core/types';
import { useFocusRescue } from './focus-rescue';
import { categoryName } from './format';
import { formatNumber } from './i18n';
import { t } from './t';
import type { Outcome } from './tab-store';

interface Props {
  outcome: Outcome | null;
  busy: boolean;
  onUndo(batchId: string): void;
  /** The person agrees to a removal that cannot be undone (see the `no-undo` outcome). */
  onRemoveWithoutUndo?(): void;
  onDismiss(): void;
  /** Where the keyboard focus goes when Dismiss takes the banner (and the focused button) away. */
  focusAfterDismiss?(): HTMLElement | null;
}

export function removedByCategory(removed: Record<Category, number>): string {
  return CATEGORIES.filter((c) => removed[c] > 0)
    .map((c) => `${formatNumber(removed[c])} ${categoryName(c).toLowerCase()}`)
    .join(', ');
}

/**
 * What the last action did, in plain words. The live region stays mounted so that screen readers
 * announce each new result; failures also go to an alert.
 */
export function OutcomeBanner({ outcome, busy, onUndo, onRemoveWithoutUndo, onDismiss, focusAfterDismiss }: Props) {
  const undo = useRef<HTMLButtonElement>(null);
  const dismiss = useRef<HTMLButtonElement>(null);
  // Removing cookies removes their rows, a busy button is disabled, the one-click button stays
  // disabled when nothing optional is left, and Undo gives way to the restored outcome: when that
  // takes the keyboard focus, it comes here rather than falling back to the top of the page.
  useFocusRescue(outcome, () => (undo.current && !undo.current.disabled ? undo.current : dismiss.current));
  const result = outcome?.kind === 'removed' || outcome?.kind === 'restored' ? outcome : null;
  const onDismissClick = (event: MouseEvent) => {
    const hadFocus = document.activeElement === event.currentTarget;
    onDismiss();
    if (hadFocus) focusAfterDismiss?.()?.focus();
  };
  return (
    <div class="outcome-region">
      <div role="status" aria-live="polite" aria-atomic="true">
        {result && (
          <div class="outcome" data-testid="outcome">
            <OutcomeText outcome={result} />
            <div class="outcome-actions">
              {result.kind === 'removed' && result.report.batchId && (
                <button
                  ref={undo}
                  type="button"
                  class="button primary"
                  disabled={busy}
                  onClick={() => result.report.batchId && onUndo(result.report.batchId)}
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
        {outcome?.kind === 'no-undo' && (
          <div class="outcome is-error" data-testid="outcome-no-undo">
            <p>{t.plural('noUndoConfirm', outcome.cookies)}</p>
            <div class="outcome-actions">
              <button
                type="button"
                class="button danger"
                data-testid="remove-without-undo"
                disabled={busy}
                onClick={() => onRemoveWithoutUndo?.()}
              >
                {t('removeAnyway')}
              </button>
              <button ref={dismiss} type="button" class="link-button" onClick={onDismissClick}>
                {t('cancel')}
              </button>
            </div>
          </div>
        )}
        {result && result.report.failed.length > 0 && (
          <p class="failure" data-testid="outcome-failed">
            {t.plural(
              result.kind === 'removed' ? 'notRemoved' : 'notRestored',
              result.report.failed.length,
              result.report.failed[0].error,
            )}
          </p>
        )}
        {result?.kind === 'removed' && result.report.undoUnsaved && (
          <p class="failure" data-testid="outcome-undo-unsaved">
            {t('undoUnsaved')}
          </p>
        )}
      </div>
    </div>
  );
}

function OutcomeText({ outcome }: { outcome: Extract<Outcome, { kind: 'removed' | 'restored' }> }) {
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
