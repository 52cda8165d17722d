import type { Request } from 'playwright-core';
import type { ExtensionBrowser } from '../../src/node/chromium';
import type { DemoWorld } from './world';

/**
 * Watches every request the browser makes and sorts it by who made it: the extension (its service
 * worker or one of its pages) or a web page. The extension must make none; the web pages' count
 * shows that the watch itself works.
 */
export interface NetworkGuard {
  /** `METHOD url (from initiator)` for every request the extension made to something outside itself. */
  extensionRequests: string[];
  /** How many requests web pages made. */
  pageRequests(): number;
  /**
   * Requests the demo server received that no web page made: from an extension origin, or not
   * initiated by any site (`Sec-Fetch-Site: none`) without being a navigation, as an extension's
   * own fetch is.
   */
  serverSawNonPage(world: DemoWorld): string[];
}

const INTERNAL = /^(chrome-extension|data|blob|about|chrome):/;

export function watchNetwork(browser: ExtensionBrowser): NetworkGuard {
  const ownOrigin = `chrome-extension://${browser.extensionId}/`;
  const extensionRequests: string[] = [];
  let pageRequests = 0;
  browser.context.on('request', (request) => {
    if (INTERNAL.test(request.url())) return;
    const initiator = initiatorOf(request);
    if (initiator.startsWith(ownOrigin) || initiator.startsWith('chrome-extension:')) {
      extensionRequests.push(`${request.method()} ${request.url()} (from ${initiator})`);
    } else {
      pageRequests += 1;
    }
  });
  return {
    extensionRequests,
    pageRequests: () => pageRequests,
    serverSawNonPage: (world) =>
      world.requests
        .filter(
          (r) =>
            r.origin?.startsWith('chrome-extension:') ||
            r.referer?.startsWith('chrome-extension:') ||
            (r.fetchSite === 'none' && r.fetchDest !== 'document'),
        )
        .map((r) => `${r.method} https://${r.host}${r.path} (site ${r.fetchSite}, dest ${r.fetchDest})`),
  };
}

/** The URL of whatever made the request: a service worker, or the frame of a page. */
function initiatorOf(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return worker.url();
  try {
    return request.frame().url();
  } catch {
    // Requests of workers other than service workers have no frame.
    return 'unknown';
  }
}
