import type { StorageArea } from '../../src/background/browser-api';

/**
 * A `chrome.storage` area in memory. Values are cloned on the way in and out, as the real one
 * serialises them, so a test cannot pass by sharing objects with the worker.
 */
export class FakeStorageArea implements StorageArea {
  private readonly data = new Map<string, unknown>();
  writes = 0;
  /**
   * Like the browser's quota (10 MB for storage.session): a write that would make everything stored
   * larger than this (as JSON) is refused and changes nothing.
   */
  quotaBytes = Number.POSITIVE_INFINITY;

  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    await Promise.resolve();
    const out: Record<string, unknown> = {};
    for (const [key, value] of this.data) {
      if (keys === null || keys.includes(key)) out[key] = structuredClone(value);
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    await Promise.resolve();
    this.writes++;
    if (Number.isFinite(this.quotaBytes)) {
      const next = new Map(this.data);
      for (const [key, value] of Object.entries(items)) next.set(key, value);
      if (JSON.stringify(Object.fromEntries(next)).length > this.quotaBytes) {
        throw new Error('Resource::kQuotaBytes quota exceeded');
      }
    }
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }

  async remove(keys: string[]): Promise<void> {
    await Promise.resolve();
    for (const key of keys) this.data.delete(key);
  }

  /** What is stored now, for assertions (and to plant corrupt data). */
  peek(key: string): unknown {
    return structuredClone(this.data.get(key));
  }

  plant(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  keys(): string[] {
    return [...this.data.keys()];
  }

  /** Everything stored, as JSON: what would reach the disk for storage.local. */
  dump(): string {
    return JSON.stringify(Object.fromEntries(this.data));
  }
}
