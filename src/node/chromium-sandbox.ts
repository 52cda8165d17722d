/**
 * Chromium's sandbox keeps a hostile page's renderer away from the machine, so `scan` and the
 * tests ask for it. It cannot always run: Chromium refuses it outright when run as root
 * ("Running as root without --no-sandbox is not supported", crbug.com/638180), and as another user
 * it needs unprivileged user namespaces or the setuid helper ("No usable sandbox!"). Only for those
 * causes is Chromium started again without it; any other failure is reported as it is.
 */

/** Why Chromium could not start with its sandbox, or null when it failed for another reason. */
export function sandboxFailureReason(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  if (/Running as root without --no-sandbox|crbug\.com\/638180/.test(message)) {
    return 'Chromium runs as root, where its sandbox is not supported';
  }
  if (/No usable sandbox|crbug\.com\/357670/.test(message)) {
    return 'Chromium found no usable sandbox (unprivileged user namespaces are off and its setuid helper is not installed)';
  }
  // Playwright's summary of the causes above, in case the browser's own line is missing.
  if (/Chromium sandboxing failed/.test(message)) return 'Chromium could not set up its sandbox';
  return null;
}

/**
 * Remembers, for one process, whether the sandbox works: after it has failed once, later launches
 * go without it at once instead of failing first, and the person is told once.
 */
export class SandboxPolicy {
  private sandboxWorks: boolean | undefined;

  async launch<T>(start: (sandbox: boolean) => Promise<T>, onFallback?: (reason: string) => void): Promise<T> {
    if (this.sandboxWorks === false) return start(false);
    let reason: string | null;
    try {
      const started = await start(true);
      this.sandboxWorks = true;
      return started;
    } catch (error) {
      reason = sandboxFailureReason(error);
      if (!reason) throw error;
    }
    this.sandboxWorks = false;
    onFallback?.(reason);
    return start(false);
  }
}
