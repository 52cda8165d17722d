import type { Page } from 'playwright-core';
import type { RequestKind, RequestOf, ResponseOf, TabView } from '../shared/protocol';
import type { ExtensionBrowser } from './chromium';

/**
 * Asks the extension's service worker what it knows, the way the popup does: from one of the
 * extension's own pages, through `runtime.sendMessage` and the typed protocol. The worker answers
 * only its own pages, so a web page or Node cannot ask it directly. Used by `npm start`,
 * `cookie-inspector scan` and the end-to-end tests, so all three read exactly what the popup shows.
 */
export interface WorkerClient {
  request<K extends RequestKind>(kind: K, payload: RequestOf<K>): Promise<ResponseOf<K>>;
  /** The extension's id for the tab that shows `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** Polls the tab's view until `done` accepts it; throws with the last view after `timeoutMs`. */
  waitForView(tabId: number, done: (view: TabView) => boolean, timeoutMs?: number): Promise<TabView>;
  close(): Promise<void>;
}

/** A page of the extension that renders nothing but gives access to the extension APIs. */
const HOST_PAGE = 'src/popup/index.html?tabId=none';

export async function openWorkerClient(browser: ExtensionBrowser): Promise<WorkerClient> {
  const host = await browser.context.newPage();
  await host.goto(browser.extensionUrl(HOST_PAGE));

  async function request<K extends RequestKind>(kind: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
    const reply = await host.evaluate(
      (message) =>
        chrome.runtime.sendMessage(message).then(
          (answer: unknown) => ({ answer }),
          (error: unknown) => ({ failure: String(error) }),
        ),
      { kind, payload },
    );
    if ('failure' in reply) throw new Error(`The extension did not answer ${kind}: ${reply.failure}`);
    const answer = reply.answer as { ok?: unknown; value?: unknown; error?: unknown } | undefined;
    if (answer?.ok === true) return answer.value as ResponseOf<K>;
    if (answer?.ok === false) throw new Error(`The extension refused ${kind}: ${String(answer.error)}`);
    throw new Error(`The extension gave no answer to ${kind} (is its service worker finished?)`);
  }

  async function tabIdOf(page: Page): Promise<number> {
    const url = page.url();
    const ids = await host.evaluate(
      async (target) =>
        (await chrome.tabs.query({}))
          .filter((tab) => tab.url === target || tab.pendingUrl === target)
          .map((tab) => tab.id ?? -1),
      url,
    );
    // Two tabs on the same address: the page was opened last, so it has the highest id.
    const id = Math.max(-1, ...ids);
    if (id < 0) throw new Error(`No tab shows ${url}`);
    return id;
  }

  const waitForView = (tabId: number, done: (view: TabView) => boolean, timeoutMs?: number) =>
    pollTabView((id) => request('getTabView', { tabId: id }), tabId, done, timeoutMs);

  return { request, tabIdOf, waitForView, close: () => host.close() };
}

/** Asks for a tab's view until `done` accepts it; fails with the last view seen. */
export async function pollTabView(
  ask: (tabId: number) => Promise<TabView>,
  tabId: number,
  done: (view: TabView) => boolean,
  timeoutMs = 10_000,
): Promise<TabView> {
  const deadline = Date.now() + timeoutMs;
  let last: TabView | null = null;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      last = await ask(tabId);
      if (done(last)) return last;
    } catch (error) {
      // The worker may be starting; keep asking until the deadline.
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const seen = last ? last.cookies.map((c) => c.cookie.name).join(', ') || 'no cookies' : String(lastError);
  throw new Error(`Tab ${tabId} did not reach the expected state in ${timeoutMs} ms; last seen: ${seen}`);
}
