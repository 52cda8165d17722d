import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './t';
import type { Phase, TabState } from './tab-store';

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
    // No aria-busy here: screen readers hold back a busy live region, so "Loading" would never be said.
    <div class="state" role="status" data-testid={testId}>
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

/** What a page shows before the worker's first answer: loading, the worker restarting, or a failure. */
/**
 * How long the first load may take before the page says it is loading. Most answers come sooner:
 * painting a message that is replaced a frame later would only flash and hold up the real one.
 */
export const LOADING_MESSAGE_DELAY_MS = 150;

export function PendingState({ phase, error, onRetry }: { phase: Phase; error: string | null; onRetry(): void }) {
  const [patient, setPatient] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setPatient(true), LOADING_MESSAGE_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  if (phase === 'failed') {
    return (
      <StateMessage title={t('loadFailed', error ?? '')} testId="state-failed">
        <RetryButton onRetry={onRetry} />
      </StateMessage>
    );
  }
  if (phase === 'restarting') {
    return (
      <StateMessage title={t('workerRestarting')} busy testId="state-restarting">
        <RetryButton onRetry={onRetry} />
      </StateMessage>
    );
  }
  // Before then, an empty busy region: nothing to paint, and nothing of a previous tab shown.
  if (!patient) return <div aria-busy="true" data-testid="state-loading" />;
  return <StateMessage title={t('loadingCookies')} busy testId="state-loading" />;
}

/** A tab whose cookies the extension may not read (browser pages, the web store, files). */
export function UnsupportedState() {
  return (
    <StateMessage title={t('unsupportedTitle')} testId="state-unsupported">
      <p class="help">{t('unsupportedHelp')}</p>
    </StateMessage>
  );
}

/**
 * A site the person took the extension's access away from (Firefox: the add-on's permissions;
 * Chrome: site access). Says what is missing and asks the browser for it on a click, which the
 * browser requires; `onGranted` reads the tab again.
 */
export function NoAccessState({ requestAccess, onGranted }: { requestAccess?(): Promise<boolean>; onGranted(): void }) {
  const [refused, setRefused] = useState(false);
  return (
    <StateMessage title={t('noAccessTitle')} testId="state-no-access">
      <p class="help">{t('noAccessHelp')}</p>
      {requestAccess && (
        <button
          type="button"
          class="button primary"
          data-testid="grant-access"
          onClick={() =>
            void requestAccess().then(
              (granted) => (granted ? onGranted() : setRefused(true)),
              () => setRefused(true),
            )
          }
        >
          {t('noAccessGrant')}
        </button>
      )}
      {refused && <p class="help">{t('noAccessRefused')}</p>}
    </StateMessage>
  );
}

/**
 * What a page shows instead of its tab's cookies (`main` is its class): the wait for the first
 * answer, a page the extension cannot read, a site whose access was withdrawn. Null once there
 * are cookies to show.
 */
export function tabStateScreen(
  main: string,
  state: Pick<TabState, 'view' | 'phase' | 'error'>,
  retry: () => void,
  requestAccess?: () => Promise<boolean>,
): VNode | null {
  const { view } = state;
  const screen = !view ? (
    <PendingState phase={state.phase} error={state.error} onRetry={retry} />
  ) : view.status === 'unsupported' ? (
    <UnsupportedState />
  ) : view.status === 'no-access' ? (
    <NoAccessState requestAccess={requestAccess} onGranted={retry} />
  ) : null;
  return screen && <main class={main}>{screen}</main>;
}
