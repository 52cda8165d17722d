import { byHost, finding, read, unreadable } from './reading';
import type { ConsentCategory, ConsentFinding, ConsentGroup, ConsentReader, ConsentReading } from './types';

/**
 * Complianz's categories. Its "functional" category is the always-on one (what others call
 * necessary); "preferences" is what we call functional.
 */
const CATEGORY: ReadonlyMap<string, ConsentCategory | 'essential'> = new Map([
  ['cmplz_functional', 'essential'],
  ['cmplz_preferences', 'functional'],
  ['cmplz_statistics', 'analytics'],
  ['cmplz_marketing', 'marketing'],
]);
const BANNER = 'cmplz_banner-status';

/** One cookie per category, `allow` or `deny`, and `cmplz_banner-status=dismissed` once the person answered. */
export const complianzReader: ConsentReader = {
  platform: 'Complianz',
  owns: (name) => CATEGORY.has(name) || name === BANNER,
  read(cookies) {
    const findings: ConsentFinding[] = [];
    for (const hostCookies of byHost(cookies)) {
      if (!hostCookies.some((cookie) => CATEGORY.has(cookie.name))) continue;
      findings.push(finding(hostCookies, readHost(hostCookies)));
    }
    return findings;
  },
};

function readHost(cookies: ReadonlyArray<{ name: string; value: string }>): ConsentReading {
  const groups: ConsentGroup[] = [];
  for (const cookie of cookies) {
    const category = CATEGORY.get(cookie.name);
    if (category === undefined) continue;
    if (cookie.value !== 'allow' && cookie.value !== 'deny') {
      return unreadable(`${cookie.name} is "${cookie.value.slice(0, 20)}", not allow or deny.`);
    }
    const name = cookie.name.slice('cmplz_'.length);
    const state = cookie.value === 'allow' ? 'granted' : 'denied';
    if (groups.some((group) => group.name === name && group.state !== state)) {
      return unreadable(`${cookie.name} is set twice, to allow and to deny.`);
    }
    groups.push({ name, state, category });
  }
  const banner = cookies.find((cookie) => cookie.name === BANNER)?.value;
  return read({ answered: banner === 'dismissed' ? true : null, groups });
}
