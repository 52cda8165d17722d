import { pollTabView } from '../../../src/node/worker-client';
import type { BrowserCookie, RequestKind, RequestOf, ResponseOf, TabView } from '../../../src/shared/protocol';
import type { BrowserHarness, HarnessPage, InBrowser, PageContent } from './browser-harness';

/**
 * What both harnesses build on their driver's `evaluate` alone, written once so that the two browsers
 * read pages, cookies and the worker in exactly the same way.
 */

/** How long a harness waits for an element or a page state before it fails. */
export const WAIT_MS = 15_000;

/** `evaluate` of a page, a frame or the worker, whatever the driver. */
export type Evaluate = <R, A>(fn: InBrowser<R, A>, arg: A) => Promise<R>;

/**
 * `evaluate` of a page, frame or worker of either driver (Puppeteer runs it through BiDi's
 * `script.callFunction`, which an extension page's CSP allows). Their types also admit handles,
 * which the harness never passes.
 */
export function evaluatorOf(target: { evaluate(fn: never, arg: never): Promise<unknown> }): Evaluate {
  return <R, A>(fn: InBrowser<R, A>, arg: A) => target.evaluate(fn as never, arg as never) as Promise<R>;
}

/**
 * Polls `predicate` through `evaluate` from Node. Not the drivers' own wait-for-function: Puppeteer
 * builds its predicate with `Function()` inside the page, which an extension page's CSP forbids.
 */
export async function pollUntil<A>(
  evaluate: Evaluate,
  predicate: InBrowser<boolean, A>,
  arg: A,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      if (await evaluate(predicate, arg)) return;
      last = null;
    } catch (error) {
      // A navigation in flight destroys the context the call ran in: try again.
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: not so after ${timeoutMs} ms${last instanceof Error ? ` (${last.message})` : ''}`);
}

/** Reads a page or frame through its `evaluate`; a context that is navigating away reads as empty. */
export function contentVia(evaluate: Evaluate): PageContent {
  return {
    text: (selector) =>
      evaluate((s) => document.querySelector(s)?.textContent?.trim() ?? null, selector).catch(() => null),
    texts: (selector) =>
      evaluate((s) => [...document.querySelectorAll(s)].map((el) => el.textContent?.trim() ?? ''), selector).catch(
        () => [],
      ),
    attribute: (selector, name) =>
      evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [selector, name] as const).catch(
        () => null,
      ),
  };
}

/** Waits until `selector` matches exactly one element, as a click needs. */
export async function waitForOne(evaluate: Evaluate, selector: string): Promise<void> {
  await pollUntil(evaluate, (s) => document.querySelector(s) !== null, selector, `no element matches ${selector}`);
  const count = await evaluate((s) => document.querySelectorAll(s).length, selector);
  if (count !== 1) throw new Error(`${selector} matches ${count} elements, not one`);
}

/** Every cookie of every store, partitioned ones included, read where the extension's APIs are. */
export function allCookies(inExtension: Evaluate): Promise<BrowserCookie[]> {
  return inExtension(async () => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    const stores = await api.cookies.getAllCookieStores();
    const perStore = await Promise.all(stores.map((s) => api.cookies.getAll({ storeId: s.id, partitionKey: {} })));
    return perStore.flat() as BrowserCookie[];
  }, null);
}

export async function tabIdOf(inExtension: Evaluate, url: string): Promise<number> {
  const ids = await inExtension(async (target) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return (await api.tabs.query({}))
      .filter((tab) => tab.url === target || tab.pendingUrl === target)
      .map((tab) => tab.id ?? -1);
  }, url);
  // Two tabs on the same address: the newer has the higher id.
  const id = Math.max(-1, ...ids);
  if (id < 0) throw new Error(`No tab shows ${url}`);
  return id;
}

/** One request of the typed protocol, sent from a page of the extension (the worker answers no one else). */
export async function sendRequest<K extends RequestKind>(
  evaluateInExtensionPage: Evaluate,
  kind: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const reply = await evaluateInExtensionPage(
    (message) => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      return api.runtime.sendMessage(message).then(
        (answer: unknown) => ({ answer, failure: null }),
        (error: unknown) => ({ answer: null, failure: String(error) }),
      );
    },
    { kind, payload },
  );
  if (reply.failure !== null) throw new Error(`The extension did not answer ${kind}: ${reply.failure}`);
  const answer = reply.answer as { ok?: unknown; value?: unknown; error?: unknown } | undefined;
  if (answer?.ok === true) return answer.value as ResponseOf<K>;
  if (answer?.ok === false) throw new Error(`${kind}: ${String(answer.error)}`);
  throw new Error(`The extension gave no answer to ${kind} (is its worker finished?)`);
}

/** Asks for the tab's view until `done` accepts it, as the CLI's worker client does. */
export function waitForView(
  harness: BrowserHarness,
  tabId: number,
  done: (view: TabView) => boolean,
  timeoutMs?: number,
): Promise<TabView> {
  return pollTabView((id) => harness.request('getTabView', { tabId: id }), tabId, done, timeoutMs);
}

/**
 * What a page of either driver does the same way, by evaluating in it: reading, polling, running a
 * function. Each driver's page adds what it does its own way (clicks, frames, screenshots).
 */
export abstract class EvaluatingPage
  implements Pick<HarnessPage, 'url' | 'text' | 'texts' | 'attribute' | 'reload' | 'waitUntil' | 'evaluate' | 'close'>
{
  private readonly content: PageContent;

  constructor(
    readonly page: { url(): string; reload(): Promise<unknown>; close(): Promise<void> },
    protected readonly evaluateHere: Evaluate,
  ) {
    this.content = contentVia(evaluateHere);
  }

  url(): string {
    return this.page.url();
  }

  text(selector: string): Promise<string | null> {
    return this.content.text(selector);
  }

  texts(selector: string): Promise<string[]> {
    return this.content.texts(selector);
  }

  attribute(selector: string, name: string): Promise<string | null> {
    return this.content.attribute(selector, name);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  waitUntil<A>(predicate: InBrowser<boolean, A>, arg: A): Promise<void> {
    return pollUntil(this.evaluateHere, predicate, arg, `waiting in ${this.page.url()}`);
  }

  evaluate<R, A>(fn: InBrowser<R, A>, arg: A): Promise<R> {
    return this.evaluateHere(fn, arg);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
