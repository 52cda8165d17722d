import * as v from 'valibot';
import { CATEGORIES } from '../core/types';
import type { BrowserCookie, HistoryBatch } from '../shared/protocol';

/**
 * What the worker keeps in storage.session and reads back after a restart, defined once. Whatever
 * does not match is dropped item by item (one tab, one batch), never the whole store: a worker
 * that cannot read one record still knows the others.
 */

/** A tab's page and the hosts it loaded from, as tab-tracker.ts writes it. */
export const storedTabSchema = v.object({
  url: v.nullable(v.string()),
  hosts: v.array(v.string()),
  pending: v.array(v.string()),
  // Added after the first stored format: a record without them still restores, with none.
  pendingUrl: v.fallback(v.nullable(v.string()), null),
  pendingRequestId: v.fallback(v.nullable(v.string()), null),
  storeId: v.nullable(v.string()),
});

export type StoredTab = v.InferOutput<typeof storedTabSchema>;

/** A removed cookie as the browser reported it: undo sets it again with every attribute it had. */
const storedCookieSchema = v.object({
  name: v.string(),
  value: v.string(),
  domain: v.string(),
  path: v.string(),
  secure: v.boolean(),
  httpOnly: v.boolean(),
  sameSite: v.picklist(['no_restriction', 'lax', 'strict', 'unspecified']),
  hostOnly: v.boolean(),
  session: v.boolean(),
  expirationDate: v.optional(v.number()),
  storeId: v.string(),
  partitionKey: v.optional(
    v.object({ topLevelSite: v.optional(v.string()), hasCrossSiteAncestor: v.optional(v.boolean()) }),
  ),
}) satisfies v.GenericSchema<unknown, BrowserCookie>;

const categorySchema = v.picklist(CATEGORIES);

const removedCookieSchema = v.object({
  cookie: storedCookieSchema,
  category: categorySchema,
  /** Put back by an undo that failed for others of its batch: a retry leaves it alone. */
  restored: v.optional(v.boolean()),
});

/** One removal, with its cookies. The compiler holds it to `HistoryBatch`, which pages are sent a summary of. */
export const storedBatchSchema = v.object({
  id: v.string(),
  at: v.number(),
  trigger: v.picklist(['manual', 'automatic']),
  site: v.nullable(v.string()),
  // Batches written before the history was kept per store name it through their cookies.
  storeId: v.optional(v.string()),
  count: v.number(),
  byCategory: v.object({
    essential: v.number(),
    functional: v.number(),
    analytics: v.number(),
    marketing: v.number(),
    unknown: v.number(),
  }),
  undone: v.boolean(),
  unsaved: v.optional(v.literal(true)),
  undoable: v.optional(v.literal(false)),
  /**
   * Of a private window's cookie store: dropped when the store goes (its last private tab closed),
   * since a new private session may reuse the store's id.
   */
  private: v.optional(v.boolean()),
  cookies: v.array(removedCookieSchema),
}) satisfies v.GenericSchema<unknown, HistoryBatch>;

export type RemovedCookie = v.InferOutput<typeof removedCookieSchema>;
/** A batch as the worker holds it: every batch read back names its store. */
export type StoredBatch = v.InferOutput<typeof storedBatchSchema> & { storeId: string };

export function parseStoredTab(value: unknown): StoredTab | null {
  const result = v.safeParse(storedTabSchema, value);
  return result.success ? result.output : null;
}

/** The batches that can still be undone as stored; the others are left out. */
export function parseStoredBatches(stored: unknown): StoredBatch[] {
  if (!Array.isArray(stored)) return [];
  const batches: StoredBatch[] = [];
  for (const item of stored) {
    const result = v.safeParse(storedBatchSchema, item);
    if (!result.success) continue;
    const batch = result.output;
    batches.push({ ...batch, storeId: batch.storeId ?? batch.cookies[0]?.cookie.storeId ?? '' });
  }
  return batches;
}
