import type { StorageArea } from './browser-api';

const REMOVE = Symbol('remove');

/**
 * Write-behind for one storage area: values put in the same burst are written together, one write
 * at a time, in order, and the last value of a key wins. A page load fires dozens of request
 * events per second; each would otherwise be its own storage write, racing the others.
 */
export class StorageWriter {
  private pending = new Map<string, unknown>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly area: StorageArea,
    private readonly onError: (error: unknown) => void = (error) =>
      console.error('Cookie Inspector: a storage write failed', error),
  ) {}

  put(key: string, value: unknown): void {
    this.pending.set(key, value);
    this.start();
  }

  delete(key: string): void {
    this.pending.set(key, REMOVE);
    this.start();
  }

  /** Resolves once everything put so far is in storage. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
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
      for (const [key, value] of batch) {
        if (value === REMOVE) removals.push(key);
        else items[key] = value;
      }
      // Removals first: they free room for the writes.
      if (removals.length > 0) await this.area.remove(removals).catch(this.onError);
      const keys = Object.keys(items);
      if (keys.length === 0) continue;
      try {
        await this.area.set(items);
      } catch (error) {
        if (keys.length === 1) {
          this.onError(error);
          continue;
        }
        // One value over the quota (a large undo history, say) must not take the small ones with it.
        for (const key of keys) await this.area.set({ [key]: items[key] }).catch(this.onError);
      }
    }
  }
}
