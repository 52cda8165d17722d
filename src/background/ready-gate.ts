/**
 * Holds browser events that arrive while the worker is still starting (its listeners must exist
 * from the first moment, but the mirror and the tab state are not loaded yet), then replays them
 * in arrival order. After start-up, events run at once. Handlers are synchronous, so events never
 * interleave.
 *
 * The hold is bounded: while start-up keeps failing, a busy browser would otherwise queue events
 * without end. Past `limit`, the oldest half goes, and `open()` says how many went, so the caller
 * can read the browser's state again instead of trusting a replay with holes in it.
 */
export class ReadyGate {
  private held: Array<() => void> | null = [];
  private dropped = 0;

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  get isOpen(): boolean {
    return this.held === null;
  }

  run(handler: () => void): void {
    if (!this.held) {
      runSafely(handler);
      return;
    }
    if (this.held.length >= this.limit) {
      // Half at a time, so a flood costs one splice per `limit / 2` events, not one per event.
      const excess = this.held.length - Math.floor(this.limit / 2);
      this.held.splice(0, excess);
      this.dropped += excess;
    }
    this.held.push(handler);
  }

  /** Replays what was held and lets events through; returns how many held events were dropped. */
  open(): number {
    const held = this.held ?? [];
    const dropped = this.dropped;
    this.held = null;
    this.dropped = 0;
    for (const handler of held) runSafely(handler);
    return dropped;
  }

  /** Holds events again, while the caller reads state that the events must be replayed on top of. */
  close(): void {
    this.held ??= [];
  }
}

const DEFAULT_LIMIT = 10_000;

// One bad event must not stop the ones queued behind it.
function runSafely(handler: () => void): void {
  try {
    handler();
  } catch (error) {
    console.error('Cookie Inspector: an event handler failed', error);
  }
}
