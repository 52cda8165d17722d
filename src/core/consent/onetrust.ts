import { byHost, finding, read, tooLong, unmappedNote, unreadable } from './reading';
import { decodeFormValue, isoSeconds, MAX_VALUE_LENGTH } from './text';
import type { ConsentCategory, ConsentFinding, ConsentGroup, ConsentReader, ConsentReading } from './types';

/**
 * OneTrust's standard groups. Sites can rename, add and renumber groups; these five IDs keep the
 * meaning OneTrust's templates give them, and any other ID counts for no category.
 */
const GROUP_CATEGORY: ReadonlyMap<string, ConsentCategory | 'essential'> = new Map([
  ['C0001', 'essential'], // strictly necessary
  ['C0002', 'analytics'], // performance
  ['C0003', 'functional'],
  ['C0004', 'marketing'], // targeting
  ['C0005', 'marketing'], // social media: its cookies follow people across sites
]);

const CONSENT = 'OptanonConsent';
const CLOSED = 'OptanonAlertBoxClosed';

/**
 * OneTrust keeps the groups in `OptanonConsent` and the time the person closed the banner in
 * `OptanonAlertBoxClosed`; the two make one record when they sit on the same host.
 */
export const oneTrustReader: ConsentReader = {
  platform: 'OneTrust',
  owns: (name) => name === CONSENT || name === CLOSED,
  read(cookies) {
    const findings: ConsentFinding[] = [];
    for (const hostCookies of byHost(cookies)) {
      const consents = hostCookies.filter((cookie) => cookie.name === CONSENT);
      const closed = hostCookies.filter((cookie) => cookie.name === CLOSED);
      // Two answer times on one host cannot be told apart, so neither is used.
      const answer = closed.length === 1 ? closed[0] : undefined;
      for (const consent of consents) {
        const used = answer ? [consent, answer] : [consent];
        findings.push(finding(used, readOptanon(consent.value, answer?.value)));
      }
      if (consents.length === 0) {
        for (const lone of closed) {
          findings.push(
            finding(
              [lone],
              unreadable(
                'OptanonAlertBoxClosed says the person closed the banner, but OptanonConsent, which holds their choices, is missing on this host.',
              ),
            ),
          );
        }
      }
    }
    return findings;
  },
};

function readOptanon(value: string, closedValue: string | undefined): ConsentReading {
  if (value.length > MAX_VALUE_LENGTH) return tooLong();
  const fields = new Map<string, string>();
  for (const pair of value.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const key = decodeFormValue(at === -1 ? pair : pair.slice(0, at));
    const fieldValue = decodeFormValue(at === -1 ? '' : pair.slice(at + 1));
    if (key === null || fieldValue === null)
      return unreadable('The record has a broken %-escape, so it cannot be read.');
    if (fields.has(key)) return unreadable(`The record gives the field "${key}" twice.`);
    fields.set(key, fieldValue);
  }
  const groupsText = fields.get('groups');
  if (groupsText === undefined) return unreadable('The record has no groups field, which holds the choices.');
  const groups = parseGroups(groupsText);
  if (typeof groups === 'string') return unreadable(groups);

  const notes: string[] = [];
  const details: Record<string, string | number | boolean> = {};
  const interactions = fields.get('interactionCount');
  let interactionCount: number | null = null;
  if (interactions !== undefined) {
    if (/^\d{1,9}$/.test(interactions)) {
      interactionCount = Number(interactions);
      details.interactionCount = interactionCount;
    } else {
      notes.push(`interactionCount "${interactions}" is not a number, so it is not used.`);
    }
  }
  const datestamp = fields.get('datestamp');
  if (datestamp !== undefined) {
    const written = dateToStringSeconds(datestamp);
    if (written === null) notes.push('The datestamp (when OneTrust last wrote the record) could not be read.');
    else details.lastWrittenAt = written;
  }
  const version = fields.get('version');
  if (version) details.version = version;
  const geolocation = fields.get('geolocation');
  if (geolocation) details.geolocation = geolocation;
  if (fields.has('isGpcEnabled')) details.gpcEnabled = fields.get('isGpcEnabled') === '1';
  if (fields.get('AwaitingReconsent') === 'true') {
    notes.push('OneTrust is waiting to ask again (the site changed its groups since the answer).');
  }

  let decidedAt: number | null = null;
  if (closedValue === undefined) {
    notes.push('OneTrust keeps the time of the answer in OptanonAlertBoxClosed, which is not on this host.');
  } else {
    decidedAt = isoSeconds(decodeFormValue(closedValue));
    if (decidedAt === null) notes.push('OptanonAlertBoxClosed is not a date, so the time of the answer is unknown.');
  }
  let answered: boolean | null = null;
  if (closedValue !== undefined || (interactionCount !== null && interactionCount > 0)) answered = true;
  else if (interactionCount === 0) {
    answered = false;
    notes.push(
      "Nobody has answered OneTrust's banner yet (interactionCount is 0): the groups are the site's defaults.",
    );
  }
  notes.push(...unmappedNote(groups));
  return read({ answered, decidedAt, groups, details, notes });
}

/** `C0001:1,C0002:0`; a string saying what is wrong otherwise. */
function parseGroups(text: string): ConsentGroup[] | string {
  if (text === '') return [];
  const groups: ConsentGroup[] = [];
  const seen = new Set<string>();
  for (const entry of text.split(',')) {
    const match = /^([A-Za-z0-9_-]{1,64}):([01])$/.exec(entry);
    if (!match) return `The group "${entry.slice(0, 40)}" is not an ID and 0 or 1.`;
    const [, id, flag] = match;
    if (seen.has(id)) return `The group ${id} is listed twice.`;
    seen.add(id);
    groups.push({ name: id, state: flag === '1' ? 'granted' : 'denied', category: GROUP_CATEGORY.get(id) ?? null });
  }
  return groups;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * JavaScript's `Date.prototype.toString()` form, which OneTrust writes ("Mon Dec 04 2023 10:00:00
 * GMT+0100 (Central European Standard Time)"). Parsed by hand: `Date.parse` of this form is
 * left to each engine.
 */
export function dateToStringSeconds(text: string): number | null {
  const match = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-])(\d{2})(\d{2})\b/.exec(
    text,
  );
  if (!match) return null;
  const [, monthName, day, year, hours, minutes, secondsText, sign, offsetHours, offsetMinutes] = match;
  const month = MONTHS.indexOf(monthName);
  if (month === -1) return null;
  const local = Date.UTC(Number(year), month, Number(day), Number(hours), Number(minutes), Number(secondsText));
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 * (sign === '+' ? 1 : -1);
  const ms = local - offset;
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null;
}
