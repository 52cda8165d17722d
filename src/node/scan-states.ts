/**
 * The three states of the consent audit: `none`, a first visit nobody answered; `reject` and
 * `accept`, after answering the site's banner so. A module of its own, so that the command can
 * read them without loading the browser driver.
 */
export const AUDIT_STATES = ['none', 'reject', 'accept'] as const;
export type AuditState = (typeof AUDIT_STATES)[number];
