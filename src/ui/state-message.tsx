import type { ComponentChildren } from 'preact';
import { t } from './t';

/** A whole-page state (loading, unsupported page, worker restarting...) in plain words. */
export function StateMessage({
  title,
  children,
  busy = false,
  testId,
}: {
  title: string;
  children?: ComponentChildren;
  busy?: boolean;
  testId: string;
}) {
  return (
    <div class="state" role="status" aria-busy={busy} data-testid={testId}>
      {busy && <span class="spinner" aria-hidden="true" />}
      <p class="state-title">{title}</p>
      {children}
    </div>
  );
}

export function RetryButton({ onRetry }: { onRetry(): void }) {
  return (
    <button type="button" class="button" onClick={onRetry}>
      {t('retry')}
    </button>
  );
}
