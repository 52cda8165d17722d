import { markFirstPaint } from '../ui/first-paint';

/** `popup:ready` when the first answer is on screen, `popup:usable` once it is painted (scripts/bench/popup.ts). */
export function markReady(): void {
  markFirstPaint('popup:ready', 'popup:usable');
}
