import type { CookieSetDetails } from '../../../src/background/browser-api';
import type { BrowserCookie, RequestKind, RequestOf, ResponseOf, TabView } from '../../../src/shared/protocol';
import type { FakeBrowser } from '../../fakes/fake-browser';

/** A request from the popup; throws the worker's error text when it answers with one. */
export async function ask<K extends RequestKind>(
  browser: FakeBrowser,
  kind: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const reply = await browser.sendMessage<ResponseOf<K>>({ kind, payload });
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export async function viewNames(browser: FakeBrowser, tabId: number): Promise<string[]> {
  const view: TabView = await ask(browser, 'getTabView', { tabId });
  return view.cookies.map((r) => `${r.cookie.name}@${r.cookie.domain}${r.cookie.path}`).sort();
}

/** A cookie as a server on `host` would set it: Secure, host-only unless `domain` is given. */
export function cookieOn(host: string, name: string, extra: Partial<CookieSetDetails> = {}): CookieSetDetails {
  return {
    url: `https://${host}/`,
    name,
    value: `${name}-value`,
    path: '/',
    secure: true,
    httpOnly: false,
    sameSite: 'no_restriction',
    storeId: '0',
    ...extra,
  };
}

/** A cookie as the browser reports it: a Secure, Lax session cookie of the default store. */
export function storedCookie(name: string, domain: string, extra: Partial<BrowserCookie> = {}): BrowserCookie {
  return {
    name,
    value: '1',
    domain,
    path: '/',
    secure: true,
    httpOnly: false,
    sameSite: 'lax',
    hostOnly: !domain.startsWith('.'),
    session: true,
    storeId: '0',
    ...extra,
  };
}
