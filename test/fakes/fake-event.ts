import type { EventSource } from '../../src/background/browser-api';

/** A browser event that tests fire by hand. `clear` drops every listener, as a stopped worker does. */
export class FakeEvent<A extends unknown[]> implements EventSource<A> {
  private listeners: Array<(...args: A) => void> = [];

  addListener(callback: (...args: A) => void): void {
    this.listeners.push(callback);
  }

  hasListeners(): boolean {
    return this.listeners.length > 0;
  }

  emit(...args: A): void {
    for (const listener of [...this.listeners]) listener(...args);
  }

  clear(): void {
    this.listeners = [];
  }
}
