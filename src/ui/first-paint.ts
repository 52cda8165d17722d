/**
 * Marks what the benchmarks read (scripts/bench/): `ready` when the page's first answer is in the
 * DOM, `painted` once the browser has painted it and is free to take input (the task after the
 * next frame). Only the first call of a page counts.
 */
export function markFirstPaint(ready: string, painted: string): void {
  if (performance.getEntriesByName(ready).length > 0) return;
  performance.mark(ready);
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => performance.mark(painted);
    channel.port2.postMessage(null);
  });
}
