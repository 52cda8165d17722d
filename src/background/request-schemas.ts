import * as v from 'valibot';
import type { CookieIdentity } from '../core/cookie-key';
import { fieldObject } from '../core/schema-object';
import { CATEGORIES } from '../core/types';
import type { RequestKind, RequestMessage, RequestOf } from '../shared/protocol';
import { REQUEST_KINDS } from '../shared/protocol';
import { parseSiteSettings } from '../shared/settings-schema';
import { checkSite } from './settings';

/**
 * Every request's payload, defined once. The pages are ours, but a bug in one must get a clear
 * error, not a half-done deletion. The map is checked by the compiler: a request kind added to
 * `RequestMap` without a schema here, or with one whose output is not that kind's payload, does not
 * build. What passes is the schema's output, so a field the worker does not know never reaches it.
 */

/** The most cookies one deleteCookies request may name. */
export const MAX_COOKIES_PER_REQUEST = 10_000;

const TAB_ID = 'must be a tab id (an integer of 0 or more)';
const tabId = v.pipe(v.number(TAB_ID), v.integer(TAB_ID), v.minValue(0, TAB_ID));
const allowWithoutUndo = v.optional(v.boolean('must be true or false'));

const partitionKey = v.custom<NonNullable<CookieIdentity['partitionKey']>>((value) => {
  if (typeof value !== 'object' || value === null) return false;
  const k = value as Record<string, unknown>;
  // A key without its site would name the unpartitioned cookie of that name instead.
  return (
    typeof k.topLevelSite === 'string' &&
    (k.hasCrossSiteAncestor === undefined || typeof k.hasCrossSiteAncestor === 'boolean')
  );
}, 'must be { topLevelSite, hasCrossSiteAncestor? } with topLevelSite a string');

const identity = fieldObject(
  {
    name: v.string('must be a string'),
    domain: v.pipe(v.string('must be a domain'), v.minLength(1, 'must be a domain')),
    // Not necessarily starting with /: Chromium reports some server-set paths as given, or empty.
    path: v.string('must be a string'),
    storeId: v.string('must be a string'),
    partitionKey: v.optional(partitionKey),
  },
  'is not a cookie identity',
);

const site = v.pipe(
  v.string('a site must be a non-empty domain'),
  v.rawCheck(({ dataset, addIssue }) => {
    const problem = dataset.typed ? checkSite(dataset.value) : null;
    if (problem) addIssue({ message: problem });
  }),
);

const siteSettings = v.pipe(
  v.unknown(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const parsed = parseSiteSettings(dataset.value);
    if (typeof parsed !== 'string') return parsed;
    addIssue({ message: parsed });
    return NEVER;
  }),
);

/** A schema for every request kind, each giving that kind's payload. */
export type RequestSchemaMap = { [K in RequestKind]: v.GenericSchema<unknown, RequestOf<K>> };

export const REQUEST_SCHEMAS = {
  getTabView: fieldObject({ tabId }),
  deleteOptional: fieldObject({ tabId, allowWithoutUndo }),
  deleteCookies: fieldObject({
    tabId: v.nullable(tabId),
    cookies: v.pipe(
      v.array(identity, 'must be a list of cookie identities'),
      v.maxLength(MAX_COOKIES_PER_REQUEST, `may name at most ${MAX_COOKIES_PER_REQUEST} cookies per request`),
    ),
    allowWithoutUndo,
  }),
  deleteCategory: fieldObject({
    tabId,
    category: v.picklist(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`),
    allowWithoutUndo,
  }),
  undo: fieldObject({
    batchId: v.pipe(v.string('must be a non-empty string'), v.minLength(1, 'must be a non-empty string')),
  }),
  getHistory: fieldObject({ tabId: v.optional(tabId) }),
  getSettings: fieldObject({}),
  setIncludeUnknown: fieldObject({ includeUnknown: v.boolean('must be true or false') }),
  setSiteSettings: fieldObject({ site, settings: siteSettings }),
} satisfies RequestSchemaMap;

export class RequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestError';
  }
}

/** The request as the worker may act on it, or a RequestError saying which field is wrong and how. */
export function validateRequest(message: unknown): RequestMessage {
  const kind = (message as { kind?: unknown } | null)?.kind;
  const payload = (message as { payload?: unknown } | null)?.payload;
  if (
    typeof kind !== 'string' ||
    !(REQUEST_KINDS as readonly string[]).includes(kind) ||
    typeof payload !== 'object' ||
    payload === null
  ) {
    throw new RequestError('not a request: expected { kind, payload } with a known kind');
  }
  const schema: v.GenericSchema<unknown, unknown> = REQUEST_SCHEMAS[kind as RequestKind];
  const result = v.safeParse(schema, payload);
  if (!result.success) throw new RequestError(issueText(result.issues[0]));
  return { kind, payload: result.output } as RequestMessage;
}

/** "cookies[0].path must be a string": where, then what. */
function issueText(issue: v.BaseIssue<unknown>): string {
  let where = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    where += typeof key === 'number' ? `[${key}]` : `${where ? '.' : ''}${String(key)}`;
  }
  if (!where) return issue.message;
  // "tabId must be …" reads on; a whole sentence of its own (from the settings rules) follows a colon.
  return /^(must|is|may) /.test(issue.message) ? `${where} ${issue.message}` : `${where}: ${issue.message}`;
}
