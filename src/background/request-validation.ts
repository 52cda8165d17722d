import type { CookieIdentity } from '../core/cookie-key';
import { CATEGORIES } from '../core/types';
import type { RequestMessage } from '../shared/protocol';
import { isRequestMessage } from '../shared/protocol';
import { checkSite, parseSiteSettings } from './settings';

/**
 * Checks every request's payload before the worker acts on it. Pages are ours, but a bug in one must
 * get a clear error, not a half-done deletion.
 */

export class RequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

/** The most cookies one deleteCookies request may name. */
export const MAX_COOKIES_PER_REQUEST = 10_000;

export function validateRequest(message: unknown): RequestMessage {
  if (!isRequestMessage(message)) throw new RequestError('not a request: expected { kind, payload } with a known kind');
  const p = message.payload as Record<string, unknown>;
  switch (message.kind) {
    case 'getTabView':
      tabId(p.tabId);
      break;
    case 'deleteOptional':
      tabId(p.tabId);
      allowWithoutUndo(p.allowWithoutUndo);
      break;
    case 'deleteCookies':
      if (p.tabId !== null) tabId(p.tabId);
      allowWithoutUndo(p.allowWithoutUndo);
      if (!Array.isArray(p.cookies)) throw new RequestError('cookies must be a list of cookie identities');
      if (p.cookies.length > MAX_COOKIES_PER_REQUEST) {
        throw new RequestError(`at most ${MAX_COOKIES_PER_REQUEST} cookies per request`);
      }
      p.cookies.forEach(identity);
      break;
    case 'deleteCategory':
      tabId(p.tabId);
      allowWithoutUndo(p.allowWithoutUndo);
      if (!(CATEGORIES as readonly unknown[]).includes(p.category)) {
        throw new RequestError(`category must be one of ${CATEGORIES.join(', ')}`);
      }
      break;
    case 'undo':
      if (typeof p.batchId !== 'string' || p.batchId === '')
        throw new RequestError('batchId must be a non-empty string');
      break;
    case 'getHistory':
      if (p.tabId !== undefined) tabId(p.tabId);
      break;
    case 'getSettings':
      break;
    case 'setIncludeUnknown':
      if (typeof p.includeUnknown !== 'boolean') throw new RequestError('includeUnknown must be true or false');
      break;
    case 'setSiteSettings': {
      const siteProblem = checkSite(p.site as string);
      if (siteProblem) throw new RequestError(siteProblem);
      const parsed = parseSiteSettings(p.settings);
      if (typeof parsed === 'string') throw new RequestError(`settings: ${parsed}`);
      break;
    }
  }
  return message;
}

function tabId(value: unknown): void {
  if (!Number.isInteger(value) || (value as number) < 0)
    throw new RequestError('tabId must be a tab id (an integer of 0 or more)');
}

function allowWithoutUndo(value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean')
    throw new RequestError('allowWithoutUndo must be true or false');
}

function identity(value: unknown, index: number): asserts value is CookieIdentity {
  const where = `cookies[${index}]`;
  if (typeof value !== 'object' || value === null) throw new RequestError(`${where} is not a cookie identity`);
  const c = value as Record<string, unknown>;
  if (typeof c.name !== 'string') throw new RequestError(`${where}.name must be a string`);
  if (typeof c.domain !== 'string' || c.domain === '') throw new RequestError(`${where}.domain must be a domain`);
  // Not necessarily starting with /: Chromium reports some server-set paths as given, or empty.
  if (typeof c.path !== 'string') throw new RequestError(`${where}.path must be a string`);
  if (typeof c.storeId !== 'string') throw new RequestError(`${where}.storeId must be a string`);
  if (c.partitionKey !== undefined) {
    const k = c.partitionKey as Record<string, unknown> | null;
    if (
      typeof k !== 'object' ||
      k === null ||
      // A key without its site would name the unpartitioned cookie of that name instead.
      typeof k.topLevelSite !== 'string' ||
      (k.hasCrossSiteAncestor !== undefined && typeof k.hasCrossSiteAncestor !== 'boolean')
    ) {
      throw new RequestError(
        `${where}.partitionKey must be { topLevelSite, hasCrossSiteAncestor? } with topLevelSite a string`,
      );
    }
  }
}
