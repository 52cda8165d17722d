import { markFirstPaint } from '../ui/first-paint';

/** `panel:ready` once the first screen of the first answer is in the DOM (scripts/bench/panel.ts). */
export function markPanelReady(): void {
  markFirstPaint('panel:ready', 'panel:painted');
}

/** `panel:complete` once every cookie of a long list is in the DOM's rows too. */
export function markPanelComplete(): void {
  markFirstPaint('panel:complete', 'panel:complete-painted');
}
