/**
 * `panel:ready` once the first answer is on screen, read by the benchmark (scripts/bench/panel.ts).
 */
export function markPanelReady(): void {
  if (performance.getEntriesByName('panel:ready').length > 0) return;
  performance.mark('panel:ready');
}
