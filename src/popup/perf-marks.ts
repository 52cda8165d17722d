/**
 * Marks the benchmark reads: `popup:ready` when the first answer is on screen (committed to the DOM)
 * and `popup:usable` once the browser has painted it and is free to take input.
 */
export function markReady(): void {
  if (performance.getEntriesByName('popup:ready').length > 0) return;
  performance.mark('popup:ready');
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => performance.mark('popup:usable');
    channel.port2.postMessage(null);
  });
}
