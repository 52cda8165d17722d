import { leadRecords } from './cookie-groups';
import { firstByName } from './name-order';
import type { CookieRecord, LeadOrder } from './protocol';

/**
 * Rows of the panel's grid a first screen can show: a DevTools panel as tall as a 1,440-pixel
 * screen holds about 65 rows; the grid renders a few beyond the edge.
 */
export const PANEL_FIRST_SCREEN_ROWS = 80;

/** The records a page of this order shows first, in its order (see PushMessage). */
export function firstScreen(records: readonly CookieRecord[], order: LeadOrder): CookieRecord[] {
  return order === 'groups' ? leadRecords(records) : firstByName(records, PANEL_FIRST_SCREEN_ROWS);
}
