import type { StorageArea } from './browser-api';
import { realTimers, type Timers } from './timers';

const REMOVE = Symbol('remove');

/** Told whether the write that carried a value (or a later value of the same key) succeeded. */
export type WriteResult = (error: unknown | null) => void;

interface Pending {
  value: unknown;
  results: WriteResult[];
}

/**
 * Write-behind for one storage area: values put in the same burst are written together, one write
 * at a time, in order, and the last value of a key wins. A page load fires dozens of request
 * events per second; each would otherwise be its own storage write, racing the others. A value
 * that may wait (`putSoon`) is held for a while, so that a site that keeps the worker busy does not
 * rewrite a large value many times a second; any other write, or `flush`, takes it along.
 */
export class StorageWriter {
  private pending = new Map<string, Pending>();
  private waiting = new Map<string, Pending>();
  private waitTimer: unknown = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly area: StorageArea,
    private readonly onError: (error: unknown) => void = (error) =>
      console.error('Cookie Inspector: a storage write failed', error),
    private readonly timers: Timers = realTimers,
  ) {}

  put(key: string, value: unknown, onResult?: WriteResult): void {
    this.enqueue(this.pending, key, value, onResult);
    this.releaseWaiting();
    this.start();
  }

  /** Like `put`, but the write may wait up to `delayMs` for others to join it. */
  putSoon(key: string, value: unknown, delayMs: number, onResult?: WriteResult): void {
    if (this.pending.has(key) || delayMs <= 0) {
      this.put(key, value, onResult);
      return;
    }
    this.enqueue(this.waiting, key, value, onResult);
    this.waitTimer ??= this.timers.set(() => {
      this.waitTimer = null;
      this.releaseWaiting();
      this.start();
    }, delayMs);
  }

  delete(key: string): void {
    this.waiting.delete(key);
    this.enqueue(this.pending, key, REMOVE);
    this.start();
  }

  /** Resolves once everything put so far (waiting values included) is in storage. */
  async flush(): Promise<void> {
    if (this.waiting.size > 0) {
      this.releaseWaiting();
      this.start();
    }
    while (this.running) await this.running;
  }

  private enqueue(into: Map<string, Pending>, key: string, value: unknown, onResult?: WriteResult): void {
    const earlier = this.pending.get(key) ?? this.waiting.get(key);
    // A superseded value's listeners hear how the value that replaced it fared: it holds theirs too.
    const results = [...(earlier?.results ?? []), ...(onResult ? [onResult] : [])];
    this.pending.delete(key);
    this.waiting.delete(key);
    into.set(key, { value, results });
  }

  private releaseWaiting(): void {
    if (this.waitTimer !== null) this.timers.clear(this.waitTimer);
    this.waitTimer = null;
    for (const [key, item] of this.waiting) this.pending.set(key, item);
    this.waiting.clear();
  }

  private start(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      // A put that came after the loop's last check but before this line would wait forever.
      if (this.pending.size > 0) this.start();
    });
  }

  private async drain(): Promise<void> {
    // Let the rest of a synchronous burst join this write.
    await Promise.resolve();
    while (this.pending.size > 0) {
      const batch = this.pending;
      this.pending = new Map();
      const items: Record<string, unknown> = {};
      const removals: string[] = [];
      for (const [key, { value }] of batch) {
        if (value === REMOVE) removals.push(key);
        else items[key] = value;
      }
      // Removals first: they free room for the writes.
      if (removals.length > 0) await this.area.remove(removals).catch(this.onError);
      const keys = Object.keys(items);
      if (keys.length === 0) continue;
      const tell = (key: string, error: unknown | null) => {
        for (const result of batch.get(key)?.results ?? []) result(error);
      };
      try {
        await this.area.set(items);
        for (const key of keys) tell(key, null);
      } catch (error) {
        if (keys.length === 1) {
          this.onError(error);
          tell(keys[0], error);
          continue;
        }
        // One value over the quota (a large undo history, say) must not take the small ones with it.
        for (const key of keys) {
          await this.area.set({ [key]: items[key] }).then(
            () => tell(key, null),
            (failure: unknown) => {
              this.onError(failure);
              tell(key, failure);
            },
          );
        }
      }
    }
  }
}
