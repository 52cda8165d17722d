/**
 * Holds browser events that arrive while the worker is still starting (its listeners must exist
 * from the first moment, but the mirror and the tab state are not loaded yet), then replays them
 * in arrival order. After start-up, events run at once. Handlers are synchronous, so events never
 * interleave.
 */
export class ReadyGate {
  private held: Array<() => void> | null = [];

  get isOpen(): boolean {
    return this.held === null;
  }

  run(handler: () => void): void {
    if (this.held) this.held.push(handler);
    else runSafely(handler);
  }

  open(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const handler of held) runSafely(handler);
  }
}

// One bad event must not stop the ones queued behind it.
function runSafely(handler: () => void): void {
  try {
    handler();
  } catch (error) {
    console.error('Cookie Inspector: an event handler failed', error);
  }
}
