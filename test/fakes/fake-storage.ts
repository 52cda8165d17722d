import type { StorageArea } from '../../src/background/browser-api';

/**
 * A `chrome.storage` area in memory. Values are cloned on the way in and out, as the real one
 * serialises them, so a test cannot pass by sharing objects with the worker.
 */
export class FakeStorageArea implements StorageArea {
  private readonly data = new Map<string, unknown>();
  writes = 0;

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
