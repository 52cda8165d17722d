import { byHost, finding, read, unreadable } from './reading';
import { decodePercent, isObject, MAX_VALUE_LENGTH, millisecondsToSeconds, own, parseJsonObject } from './text';
import type { ConsentFinding, ConsentGroup, ConsentReader, ConsentReading } from './types';

const SETTINGS = 'uc_settings';
const INTERACTION = 'uc_user_interaction';

const IN_LOCAL_STORAGE =
  "Usercentrics keeps the person's choices in the page's localStorage (uc_settings), which cookies cannot show";

/**
 * Usercentrics. Its current script keeps the choices in localStorage; cookies, where a site has
 * them, hold `uc_user_interaction` (whether the person answered) and sometimes a `uc_settings`
 * with the settings ID and, in older set-ups, each service's consent history.
 */
export const usercentricsReader: ConsentReader = {
  platform: 'Usercentrics',
  owns: (name) => name === SETTINGS || name === INTERACTION,
  read(cookies) {
    const findings: ConsentFinding[] = [];
    for (const hostCookies of byHost(cookies)) {
      const settings = hostCookies.filter((cookie) => cookie.name === SETTINGS);
      const interaction = hostCookies.find((cookie) => cookie.name === INTERACTION);
      if (settings.length === 0) {
        findings.push(finding(hostCookies, unreadable(`${IN_LOCAL_STORAGE}; ${interactionSays(interaction?.value)}.`)));
        continue;
      }
      for (const setting of settings) {
        const used = interaction ? [interaction, setting] : [setting];
        findings.push(finding(used, readSettings(setting.value, interaction?.value)));
      }
    }
    return findings;
  },
};

function interactionSays(value: string | undefined): string {
  if (value === 'true') return 'uc_user_interaction only says the person answered the banner';
  if (value === 'false') return 'uc_user_interaction says the person has not answered the banner';
  return 'no cookie here says what was chosen';
}

function readSettings(value: string, interaction: string | undefined): ConsentReading {
  if (value.length > MAX_VALUE_LENGTH) return unreadable('The value is too long to be a consent record.');
  const text = value.startsWith('{') ? value : decodePercent(value);
  const settings = text === null ? null : parseJsonObject(text);
  if (settings === null) return unreadable('uc_settings is not a JSON object.');
  const services = own(settings, 'services');
  if (services === undefined || (Array.isArray(services) && services.length === 0)) {
    return unreadable(
      `${IN_LOCAL_STORAGE}; uc_settings here holds only the settings ID, and ${interactionSays(interaction)}.`,
    );
  }
  if (!Array.isArray(services)) return unreadable('The services of uc_settings are not a list.');

  const groups: ConsentGroup[] = [];
  let decidedAt: number | null = null;
  let answered: boolean | null = interaction === 'true' ? true : interaction === 'false' ? false : null;
  for (const service of services) {
    if (!isObject(service)) return unreadable('A service in uc_settings is not an object.');
    const id = own(service, 'id');
    const history = own(service, 'history');
    if (typeof id !== 'string' || !Array.isArray(history) || history.length === 0) {
      return unreadable('A service in uc_settings has no ID or no consent history.');
    }
    const latest = history[history.length - 1];
    if (!isObject(latest) || typeof own(latest, 'status') !== 'boolean') {
      return unreadable(`The last answer for service ${id} has no true or false status.`);
    }
    groups.push({ name: id, state: own(latest, 'status') ? 'granted' : 'denied', category: null });
    const at = millisecondsToSeconds(own(latest, 'timestamp'));
    const explicit = own(latest, 'type') === 'explicit';
    if (explicit) answered = true;
    if (explicit && at !== null && (decidedAt === null || at > decidedAt)) decidedAt = at;
  }
  return read({
    answered,
    decidedAt,
    groups,
    notes: [
      "Usercentrics records consent per service, by template ID; which category each service belongs to is in the site's settings, not in the cookie.",
    ],
  });
}
