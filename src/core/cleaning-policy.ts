import { type KeepReason, oneClickKeeps, type PolicyLabel } from './deletion-policy';
import { cookieHost } from './domains';

/**
 * Keeping a site clean: the one-click rule (deletion-policy.ts), and the exceptions the person made
 * for the site on top. Apart from the one-click rule because it compares hosts, which needs the
 * public suffix list the pages do not ship.
 */

export interface CleaningExceptions {
  allowedVendors: readonly string[];
  allowedCookies: ReadonlyArray<{ name: string; domain: string }>;
}

/** Why keeping a site clean leaves this cookie, or null when it goes. Stricter than one click: exceptions count. */
export function cleaningKeeps(
  cookie: { name: string; domain: string },
  label: PolicyLabel,
  exceptions: CleaningExceptions,
  includeUnknown: boolean,
): KeepReason | null {
  const kept = oneClickKeeps(label, includeUnknown);
  if (kept) return kept;
  if (label.vendor && exceptions.allowedVendors.includes(label.vendor)) return 'exception';
  // A name the page could not settle may be the allowed vendor's: when in doubt, keep it.
  if (label.ambiguous?.some((c) => exceptions.allowedVendors.includes(c.vendor))) return 'exception';
  const host = cookieHost(cookie.domain);
  return exceptions.allowedCookies.some((c) => c.name === cookie.name && cookieHost(c.domain) === host)
    ? 'exception'
    : null;
}
