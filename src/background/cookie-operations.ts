import { type CookieIdentity, cookieKey, identityOf } from '../core/cookie-key';
import type { BrowserCookie, FailedDeletion } from '../shared/protocol';
import type { CookieChange, CookieQuery, CookiesApi } from './browser-api';
import { cookieUrl, expiredOverwrite, isAddressable, restoreDetails } from './cookie-url';

/**
 * Exact deletion and exact restoration of single cookies, each confirmed by reading the store
 * again: the cookies API can report success without having done anything.
 */

export type RemoveOutcome =
  | { kind: 'removed'; cookie: BrowserCookie }
  | { kind: 'vanished'; identity: CookieIdentity }
  | { kind: 'failed'; failure: FailedDeletion };

export type RestoreOutcome =
  | { kind: 'restored'; cookie: BrowserCookie }
  | { kind: 'expired'; identity: CookieIdentity }
  | { kind: 'failed'; failure: FailedDeletion };

/**
 * What a removal actually took. A removal reads the cookie, then overwrites it with an expired
 * copy: a value the site sets in between is the one that goes, and undo must put that one back,
 * not the one read. The browser's change event of the removal names the cookie it removed.
 */
export class RemovalWitness {
  private readonly watched = new Map<string, { watchers: number; removed: BrowserCookie | null }>();

  /** Every cookie change, in the order the browser reports them. */
  observe(change: CookieChange): void {
    if (!change.removed || (change.cause !== 'expired_overwrite' && change.cause !== 'explicit')) return;
    if (this.watched.size === 0) return;
    const watch = this.watched.get(cookieKey(change.cookie));
    if (watch) watch.removed = change.cookie;
  }

  /** Starts listening for the removal of `key`; `taken` is the cookie last removed since, if reported. */
  watch(key: string): { taken(): BrowserCookie | null; stop(): void } {
    const watch = this.watched.get(key) ?? { watchers: 0, removed: null };
    watch.watchers++;
    this.watched.set(key, watch);
    let stopped = false;
    return {
      taken: () => watch.removed,
      stop: () => {
        if (stopped) return;
        stopped = true;
        if (--watch.watchers === 0) this.watched.delete(key);
      },
    };
  }
}

/** The cookie with exactly this identity, as the browser has it now, or null. */
export async function findExact(api: CookiesApi, identity: CookieIdentity): Promise<BrowserCookie | null> {
  const query: CookieQuery = { name: identity.name, storeId: identity.storeId };
  if (identity.partitionKey) query.partitionKey = identity.partitionKey;
  const key = cookieKey(identity);
  return (await api.getAll(query)).find((c) => cookieKey(c) === key) ?? null;
}

/** One cookie, removed exactly; the caller runs removals one at a time (see `removeAllExact`). */
export async function removeExact(
  api: CookiesApi,
  identity: CookieIdentity,
  witness?: RemovalWitness,
): Promise<RemoveOutcome> {
  const first = await overwriteExact(api, identity, witness);
  return first.kind === 'stuck' ? lastResort(api, first.cookie, witness) : first;
}

/**
 * Many cookies, each removed exactly. The usual way (an expired overwrite of exactly that cookie)
 * runs `concurrency` at a time; the last resort runs afterwards, one cookie at a time, because it
 * briefly takes same-named cookies besides its target and puts them back: run alongside other
 * removals, it would make them find their cookie gone, or put back one another's targets.
 */
export async function removeAllExact(
  api: CookiesApi,
  identities: readonly CookieIdentity[],
  concurrency: number,
  witness?: RemovalWitness,
): Promise<RemoveOutcome[]> {
  const outcomes: Array<RemoveOutcome | Stuck> = await mapLimit(identities, concurrency, (identity) =>
    overwriteExact(api, identity, witness),
  );
  const done: RemoveOutcome[] = [];
  for (const outcome of outcomes) {
    done.push(outcome.kind === 'stuck' ? await lastResort(api, outcome.cookie, witness) : outcome);
  }
  return done;
}

interface Stuck {
  kind: 'stuck';
  cookie: BrowserCookie;
}

async function overwriteExact(
  api: CookiesApi,
  identity: CookieIdentity,
  witness?: RemovalWitness,
): Promise<RemoveOutcome | Stuck> {
  const watch = witness?.watch(cookieKey(identity));
  try {
    const live = await findExact(api, identity);
    if (!live) return { kind: 'vanished', identity };
    if (!isAddressable(live)) return failed(identity, unaddressable(live));
    for (const scheme of schemesFor(live)) {
      // An expired overwrite can be refused (an http URL next to a Secure cookie of the same
      // name); the next scheme, or the last resort, then gets its turn.
      await api.set(expiredOverwrite(live, scheme)).catch(() => undefined);
      if (!(await findExact(api, identity))) return { kind: 'removed', cookie: watch?.taken() ?? live };
    }
    return { kind: 'stuck', cookie: live };
  } catch (error) {
    return failed(identity, messageOf(error));
  } finally {
    watch?.stop();
  }
}

async function lastResort(api: CookiesApi, live: BrowserCookie, witness?: RemovalWitness): Promise<RemoveOutcome> {
  const identity = identityOf(live);
  const watch = witness?.watch(cookieKey(identity));
  try {
    await removeRepairingSiblings(api, live);
    if (!(await findExact(api, identity))) return { kind: 'removed', cookie: watch?.taken() ?? live };
    return failed(identity, 'the browser still has the cookie after removing it');
  } catch (error) {
    return failed(identity, messageOf(error));
  } finally {
    watch?.stop();
  }
}

/**
 * Last resort: `cookies.remove` takes every same-named cookie the URL would receive (the parent
 * domain's, a parent path's), so those it took besides the target are put back as they were.
 */
async function removeRepairingSiblings(api: CookiesApi, target: BrowserCookie): Promise<void> {
  const query: CookieQuery = { name: target.name, storeId: target.storeId };
  if (target.partitionKey) query.partitionKey = target.partitionKey;
  const before = await api.getAll(query);
  await api.remove({
    url: cookieUrl(target),
    name: target.name,
    storeId: target.storeId,
    ...(target.partitionKey ? { partitionKey: target.partitionKey } : {}),
  });
  const after = new Set((await api.getAll(query)).map(cookieKey));
  const targetKey = cookieKey(target);
  for (const sibling of before) {
    const key = cookieKey(sibling);
    if (key === targetKey || after.has(key)) continue;
    const outcome = await restoreExact(api, sibling, Date.now() / 1000);
    if (outcome.kind === 'failed') {
      console.warn(`Cookie Inspector: could not put back ${sibling.name} on ${sibling.domain}${sibling.path}`);
    }
  }
}

/** Sets `cookie` again, attribute for attribute, unless it has expired since it was removed. */
export async function restoreExact(api: CookiesApi, cookie: BrowserCookie, now: number): Promise<RestoreOutcome> {
  const identity = identityOf(cookie);
  if (!cookie.session && cookie.expirationDate !== undefined && cookie.expirationDate <= now) {
    return { kind: 'expired', identity };
  }
  if (!isAddressable(cookie)) return failed(identity, unaddressable(cookie));
  try {
    let difference = 'the browser did not set it';
    for (const scheme of schemesFor(cookie)) {
      await api.set(restoreDetails(cookie, scheme)).catch(() => undefined);
      const found = await findExact(api, identity);
      if (!found) continue;
      const differences = attributeDifferences(found, cookie);
      if (differences.length === 0) return { kind: 'restored', cookie: found };
      difference = `it came back with a different ${differences.join(', ')}`;
    }
    return failed(identity, difference);
  } catch (error) {
    return failed(identity, messageOf(error));
  }
}

/** Attributes on which two cookies with the same identity differ. */
export function attributeDifferences(a: BrowserCookie, b: BrowserCookie): string[] {
  const out: string[] = [];
  for (const field of ['value', 'secure', 'httpOnly', 'sameSite', 'hostOnly', 'session'] as const) {
    if (a[field] !== b[field]) out.push(field);
  }
  // The browser keeps expiry with sub-second precision; the API rounds differently on the way back.
  if (!a.session && !b.session && Math.abs((a.expirationDate ?? 0) - (b.expirationDate ?? 0)) >= 1) {
    out.push('expirationDate');
  }
  return out;
}

/** Runs `task` over `items`, at most `limit` at once, keeping the order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// The cookie's own scheme first (an http cookie belongs to http), then https, which reaches both.
function schemesFor(cookie: BrowserCookie): Array<'http' | 'https'> {
  return cookie.secure ? ['https'] : ['http', 'https'];
}

function unaddressable(cookie: BrowserCookie): string {
  return `its path ${JSON.stringify(cookie.path)} is one the browser's cookie API cannot address without reaching another cookie; left as it is`;
}

function failed(identity: CookieIdentity, error: string): { kind: 'failed'; failure: FailedDeletion } {
  return { kind: 'failed', failure: { identity, error } };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
