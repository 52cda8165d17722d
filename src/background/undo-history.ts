import { cookieKey } from '../core/cookie-key';
import { CATEGORIES, type Category } from '../core/types';
import type { HistoryBatch } from '../shared/protocol';
import type { StorageWriter } from './storage-writer';
import { parseStoredBatches, type RemovedCookie, type StoredBatch } from './stored-schemas';

/**
 * Every deletion batch, manual or automatic, with every attribute of every cookie it removed, so
 * that undo can put them back exactly. Kept in storage.session only: cookie values are in here,
 * and that area lives in memory and dies with the browser session. Newest first, bounded.
 */

export const HISTORY_KEY = 'history';
export const MAX_BATCHES = 50;
/** Past this many cookies in all batches together, the oldest batches go. */
export const MAX_HISTORY_COOKIES = 5000;
/**
 * Past this many bytes (estimated) in all batches together, the oldest batches go: storage.session
 * holds 10 MB in all, and 5,000 cookies with values near the 4 kB limit would fill it alone.
 */
export const MAX_HISTORY_BYTES = 4 * 1024 * 1024;
/** What a stored cookie costs beyond its strings: the attribute names and the JSON around them. */
const COOKIE_OVERHEAD_BYTES = 256;
/** Automatic removals on one site this close together are one batch, not one per cookie. */
export const MERGE_WINDOW_MS = 3000;
/**
 * How long the record of an automatic removal may wait to be written: a site that keeps setting
 * cookies would otherwise have the whole history rewritten for each one.
 */
export const AUTOMATIC_WRITE_DELAY_MS = 1000;

export type { RemovedCookie, StoredBatch };

export interface UndoHistoryOptions {
  /** Milliseconds since the epoch. */
  now: () => number;
  onChange?: (history: HistoryBatch[]) => void;
  newId?: () => string;
  /** Whether a cookie store belongs to private windows (its history must not outlive them). */
  isPrivateStore?: (storeId: string) => boolean;
  /** How long an automatic removal's record may wait to be written (0: at once). */
  automaticWriteDelayMs?: number;
}

/** Why undo cannot be offered for a batch that was listed but whose cookies are gone. */
export const NOT_KEPT_FOR_UNDO =
  'This removal could not be kept for undo: the browser’s session storage was full when it was made.';

export class UndoHistory {
  private batches: StoredBatch[] = [];
  private readonly now: () => number;
  private readonly onChange: (history: HistoryBatch[]) => void;
  private readonly newId: () => string;
  private readonly isPrivateStore: (storeId: string) => boolean;
  private readonly automaticWriteDelayMs: number;

  constructor(
    private readonly writer: StorageWriter,
    o: UndoHistoryOptions,
  ) {
    this.now = o.now;
    this.onChange = o.onChange ?? (() => undefined);
    this.newId = o.newId ?? (() => crypto.randomUUID());
    this.isPrivateStore = o.isPrivateStore ?? (() => false);
    this.automaticWriteDelayMs = o.automaticWriteDelayMs ?? 0;
  }

  restore(stored: unknown): void {
    const batches = parseStoredBatches(stored);
    // What storage holds was written: only this worker's failed writes make a batch unsaved.
    for (const batch of batches) delete batch.unsaved;
    this.batches = batches;
  }

  /** Every batch, or only those of one cookie store (what a tab of that store may show). */
  list(storeId?: string): HistoryBatch[] {
    return (storeId === undefined ? this.batches : this.batches.filter((b) => b.storeId === storeId)).map(summary);
  }

  /** Whether a removal of these cookies could be recorded for undo, within what the history may hold. */
  fits(cookies: ReadonlyArray<CookieSize>): boolean {
    return cookies.length <= MAX_HISTORY_COOKIES && cookiesBytes(cookies) <= MAX_HISTORY_BYTES;
  }

  hasPrivate(): boolean {
    return this.batches.some((b) => b.private);
  }

  /**
   * Forgets the batches of private stores that are gone (no open tab lists them any more): their
   * cookies went with the private session, and a new one may reuse the store's id.
   */
  dropClosedStores(open: ReadonlySet<string>): void {
    const kept = this.batches.filter((b) => !b.private || open.has(b.storeId));
    if (kept.length === this.batches.length) return;
    this.batches = kept;
    this.save([]);
  }

  /** Resolves once the history is in storage (or its write failed, which `get(id).unsaved` says). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  get(batchId: string): StoredBatch | undefined {
    return this.batches.find((b) => b.id === batchId);
  }

  /** Records removed cookies; returns the id of the batch that holds them. */
  record(trigger: HistoryBatch['trigger'], site: string | null, removed: readonly RemovedCookie[]): string {
    const at = this.now();
    const newest = this.batches[0];
    // A tab's cookies are all of its store; the cookies of one request could name several, but
    // never do from the pages, and the first one's decides.
    const storeId = removed[0]?.cookie.storeId ?? '';
    let batch: StoredBatch;
    if (
      trigger === 'automatic' &&
      newest?.trigger === 'automatic' &&
      newest.site === site &&
      newest.storeId === storeId &&
      newest.undoable !== false &&
      !newest.undone &&
      at - newest.at <= MERGE_WINDOW_MS
    ) {
      batch = newest;
      // The window runs from the latest removal, so a site that keeps setting a cookie fills one
      // batch instead of pushing the user's own removals out of the history, one batch per window.
      batch.at = at;
      // A site kept clean sets the same cookie again and again: undo puts back the last one removed,
      // so an earlier copy would only restore a stale value and then be reported as a failure.
      const keys = new Set(removed.map((r) => cookieKey(r.cookie)));
      batch.cookies = batch.cookies.filter((c) => !keys.has(cookieKey(c.cookie)));
      batch.cookies.push(...removed);
    } else {
      batch = {
        id: this.newId(),
        at,
        trigger,
        site,
        storeId,
        count: 0,
        byCategory: zeroCounts(),
        undone: false,
        cookies: [...removed],
      };
      if (this.isPrivateStore(storeId)) batch.private = true;
      this.batches.unshift(batch);
    }
    batch.count = batch.cookies.length;
    batch.byCategory = countByCategory(batch.cookies);
    this.bound();
    this.save([batch.id], trigger === 'automatic' ? this.automaticWriteDelayMs : 0);
    return batch.id;
  }

  /**
   * Records an undo: the cookies put back are marked, so that retrying a partly failed undo
   * touches only the others (and never overwrites what the site set since with an older value).
   */
  settleUndo(batchId: string, restoredKeys: ReadonlySet<string>, complete: boolean): void {
    const batch = this.get(batchId);
    if (!batch) return;
    for (const c of batch.cookies) if (restoredKeys.has(cookieKey(c.cookie))) c.restored = true;
    batch.undone = complete;
    this.save([batchId]);
  }

  private bound(): void {
    let cookies = 0;
    let bytes = 0;
    for (const batch of this.batches) {
      cookies += batch.cookies.length;
      bytes += batchBytes(batch);
    }
    // The newest batch always stays, however large: it is the one the user is about to undo. Of
    // the others, automatic batches go first: the user's own removals are the ones worth keeping.
    while (
      this.batches.length > 1 &&
      (this.batches.length > MAX_BATCHES || cookies > MAX_HISTORY_COOKIES || bytes > MAX_HISTORY_BYTES)
    ) {
      const automatic = this.batches.findLastIndex((b, i) => i > 0 && b.trigger === 'automatic');
      const [dropped] = this.batches.splice(automatic > 0 ? automatic : this.batches.length - 1, 1);
      cookies -= dropped.cookies.length;
      bytes -= batchBytes(dropped);
    }
  }

  /**
   * Writes the history. A write storage refuses (storage.session is full) leaves the changed
   * batches in memory, marked unsaved, and writes the history again with those batches' cookies
   * left out: after a restart they are listed as not undoable instead of vanishing.
   */
  private save(changed: readonly string[], delayMs = 0): void {
    const written = [...this.batches];
    const onResult = (error: unknown | null) => {
      if (error === null) {
        for (const batch of written) delete batch.unsaved;
        return;
      }
      let marked = false;
      for (const id of changed) {
        const batch = this.get(id);
        if (batch && !batch.unsaved) {
          batch.unsaved = true;
          marked = true;
        }
      }
      if (marked) this.writeWithoutUnsaved();
      this.onChange(this.list());
    };
    if (delayMs > 0) this.writer.putSoon(HISTORY_KEY, written, delayMs, onResult);
    else this.writer.put(HISTORY_KEY, written, onResult);
    this.onChange(this.list());
  }

  private writeWithoutUnsaved(): void {
    this.writer.put(
      HISTORY_KEY,
      this.batches.map((b) => (b.unsaved ? withoutCookies(b) : b)),
    );
  }
}

function withoutCookies(batch: StoredBatch): StoredBatch {
  const { unsaved: _unsaved, cookies: _cookies, ...rest } = batch;
  return { ...rest, cookies: [], undoable: false };
}

/** What a cookie's record costs: its strings (the value may be unknown, for an estimate). */
export interface CookieSize {
  name: string;
  value?: string;
  domain: string;
  path: string;
  partitionKey?: { topLevelSite?: string };
}

export function zeroCounts(): Record<Category, number> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
}

export function countByCategory(items: ReadonlyArray<{ category: Category }>): Record<Category, number> {
  const counts = zeroCounts();
  for (const item of items) counts[item.category]++;
  return counts;
}

/** Roughly what a batch takes in storage: its strings in UTF-8, as the storage quota counts them. */
export function batchBytes(batch: Pick<StoredBatch, 'cookies'>): number {
  return cookiesBytes(batch.cookies.map((c) => c.cookie));
}

export function cookiesBytes(cookies: ReadonlyArray<CookieSize>): number {
  let bytes = 0;
  for (const cookie of cookies) {
    bytes +=
      COOKIE_OVERHEAD_BYTES +
      utf8Length(cookie.name) +
      utf8Length(cookie.value ?? '') +
      utf8Length(cookie.domain) +
      utf8Length(cookie.path) +
      utf8Length(cookie.partitionKey?.topLevelSite ?? '');
  }
  return bytes;
}

/** UTF-8 length without encoding: this runs over every cookie of the history on each removal. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is two code units and four bytes: each half adds one more.
    if (code >= 0xd800 && code <= 0xdfff) bytes += 1;
    else if (code >= 0x800) bytes += 2;
    else if (code >= 0x80) bytes += 1;
  }
  return bytes;
}

function summary(batch: StoredBatch): HistoryBatch {
  const out: HistoryBatch = {
    id: batch.id,
    at: batch.at,
    trigger: batch.trigger,
    site: batch.site,
    storeId: batch.storeId,
    count: batch.count,
    byCategory: { ...batch.byCategory },
    undone: batch.undone,
  };
  if (batch.unsaved) out.unsaved = true;
  if (batch.undoable === false) out.undoable = false;
  return out;
}
