import type { CDPSession } from 'playwright-core';
import type { ExtensionBrowser } from '../../../src/node/chromium';

/**
 * The real toolbar popup, opened by `chrome.action.openPopup()` in the worker. It is not a
 * Playwright page, so it is reached through a browser CDP session attached to its target.
 */
export interface RealPopup {
  evaluate<T>(expression: string): Promise<T>;
  /** A PNG of the popup as the user sees it. */
  screenshot(): Promise<Buffer>;
  send(method: string, params?: object): Promise<unknown>;
  close(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** `path`: the page the action's popup is set to (the benchmark opens a blank floor page this way too). */
export async function openRealPopup(
  browser: ExtensionBrowser,
  timeoutMs = 10_000,
  path = 'src/popup/index.html',
): Promise<RealPopup> {
  const chromium = browser.context.browser();
  if (!chromium) throw new Error('No browser object to open a CDP session on.');
  const cdp = await chromium.newBrowserCDPSession();
  const popupUrl = browser.extensionUrl(path);
  const opened = await browser.worker.evaluate(() =>
    chrome.action.openPopup().then(
      () => null,
      (error: unknown) => String(error),
    ),
  );
  if (opened !== null) throw new Error(`chrome.action.openPopup() failed: ${opened}`);
  const deadline = Date.now() + timeoutMs;
  let target: TargetInfo | undefined;
  while (!target && Date.now() < deadline) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    target = targetInfos.find((t) => t.type === 'page' && t.url === popupUrl);
    if (!target) await new Promise((r) => setTimeout(r, 50));
  }
  if (!target) throw new Error('The popup did not open.');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
    sessionId: string;
  };
  return new SessionPopup(cdp, sessionId, target.targetId);
}

/** Speaks CDP to the popup through the browser session (Target.sendMessageToTarget). */
class SessionPopup implements RealPopup {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
    private readonly targetId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter || message.id === undefined) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  send(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    const reply = new Promise<unknown>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    void this.cdp
      .send('Target.sendMessageToTarget', {
        sessionId: this.sessionId,
        message: JSON.stringify({ id, method, params }),
      })
      .catch((error: Error) => this.pending.get(id)?.reject(error));
    return reply;
  }

  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = (await this.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(`In the popup: ${exceptionDetails.text}`);
    return result.value;
  }

  async screenshot(): Promise<Buffer> {
    const { data } = (await this.send('Page.captureScreenshot', { format: 'png' })) as { data: string };
    return Buffer.from(data, 'base64');
  }

  async close(): Promise<void> {
    await this.cdp.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
    await this.cdp.detach().catch(() => undefined);
  }
}
