import * as v from 'valibot';
import { hostOfUrl, registrableDomain } from '../core/domains';
import { type Settings, type SiteSettings, siteSettingsOf } from '../shared/protocol';
import { parseSiteSettings } from '../shared/settings-schema';
import type { StorageArea } from './browser-api';
import { SerialQueue } from './serial-queue';

/**
 * The user's choices, in storage.local (they must outlive the browser session). They hold no cookie
 * values, only sites, vendor names and cookie names. Whatever is read back is validated: a corrupt
 * or foreign object gives the defaults, a bad part is dropped, and both are reported, never thrown.
 */

export const SETTINGS_KEY = 'settings';
/** Marks the stored object as ours, so another extension's or an old format's data is not misread. */
export const SETTINGS_FORMAT = 'cookie-inspector/settings@1';

export interface ParsedSettings {
  settings: Settings;
  problems: string[];
}

export function defaultSettings(): Settings {
  return { includeUnknown: false, sites: {} };
}

/**
 * The stored settings object, field by field. It is read back leniently (`parseStoredSettings`):
 * each field goes through its own schema, so one bad field falls back to its default alone.
 */
const storedSettingsSchema = v.object({
  format: v.literal(
    SETTINGS_FORMAT,
    (issue) => `the stored settings are not in the format ${SETTINGS_FORMAT} (found ${describe(issue.input)})`,
  ),
  includeUnknown: v.boolean((issue) => `includeUnknown is ${describe(issue.input)}, not true or false`),
  // Each site's key and settings are checked one by one, so that one bad site loses nothing else
  // (and a "__proto__" key is named, not skipped).
  sites: v.custom<Record<string, unknown>>(isRecord, (issue) => `sites is ${describe(issue.input)}, not an object`),
});

type StoredField = keyof typeof storedSettingsSchema.entries;

export function parseStoredSettings(raw: unknown): ParsedSettings {
  if (raw === undefined) return { settings: defaultSettings(), problems: [] };
  if (!isRecord(raw)) return { settings: defaultSettings(), problems: ['the stored settings are not an object'] };
  const field = <K extends StoredField>(key: K) => v.safeParse(storedSettingsSchema.entries[key], raw[key]);
  const format = field('format');
  if (!format.success) return { settings: defaultSettings(), problems: [format.issues[0].message] };
  const problems: string[] = [];
  const includeUnknown = field('includeUnknown');
  if (!includeUnknown.success) problems.push(includeUnknown.issues[0].message);
  const stored = field('sites');
  const sites: Record<string, SiteSettings> = {};
  if (!stored.success) problems.push(stored.issues[0].message);
  else {
    for (const [site, value] of Object.entries(stored.output)) {
      const siteProblem = checkSite(site);
      const parsed = parseSiteSettings(value);
      if (siteProblem) problems.push(`sites: ${siteProblem}`);
      else if (typeof parsed === 'string') problems.push(`sites.${site}: ${parsed}`);
      else sites[site] = parsed;
    }
  }
  return { settings: { includeUnknown: includeUnknown.success && includeUnknown.output, sites }, problems };
}

export function toStored(settings: Settings): v.InferInput<typeof storedSettingsSchema> {
  return { format: SETTINGS_FORMAT, includeUnknown: settings.includeUnknown, sites: settings.sites };
}

/** Why `site` is not a registrable domain (a per-site setting's key), or null when it is one. */
export function checkSite(site: string): string | null {
  if (typeof site !== 'string' || site === '') return 'a site must be a non-empty domain';
  // An IPv6 address is its own site, written as siteOfUrl writes it (no brackets).
  if (site.includes(':')) {
    return /^[0-9a-f:.]+$/.test(site) && hostOfUrl(`http://[${site}]/`) === site
      ? null
      : `"${site}" is not a domain name`;
  }
  // Each label as hostnames spell them (IP addresses included): this also keeps out `__proto__`,
  // which as a key of the sites object would replace its prototype instead of naming a site.
  if (!/^[a-z0-9[](?:[a-z0-9_:.[\]-]*[a-z0-9\]])?$/.test(site) || /(^|\.)[_-]|\.\./.test(site)) {
    return `"${site}" is not a domain name`;
  }
  if (registrableDomain(site) !== site) {
    return `"${site}" is not a registrable domain (for example example.co.uk, not www.example.co.uk)`;
  }
  return null;
}

export class SettingsStore {
  private current: Settings = defaultSettings();
  private problems: string[] = [];
  private readonly queue = new SerialQueue();

  constructor(
    private readonly area: StorageArea,
    private readonly onChange: (settings: Settings) => void = () => undefined,
  ) {}

  async load(): Promise<void> {
    const raw = (await this.area.get([SETTINGS_KEY]))[SETTINGS_KEY];
    const parsed = parseStoredSettings(raw);
    this.current = parsed.settings;
    this.problems = parsed.problems;
    if (parsed.problems.length > 0) {
      console.warn(
        `Cookie Inspector: using default settings where the stored ones are bad: ${parsed.problems.join('; ')}`,
      );
    }
  }

  /** The settings in force; `problems` is set while bad stored settings are being ignored. */
  get(): Settings {
    return this.problems.length > 0 ? { ...this.current, problems: [...this.problems] } : this.current;
  }

  siteSettings(site: string | null): SiteSettings | null {
    return siteSettingsOf(this.current, site);
  }

  /** Changes the settings one at a time; the first successful write replaces any bad stored object. */
  update(change: (settings: Settings) => Settings): Promise<Settings> {
    return this.queue.run(async () => {
      const next = change(this.current);
      await this.area.set({ [SETTINGS_KEY]: toStored(next) });
      this.current = next;
      this.problems = [];
      this.onChange(next);
      return this.get();
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? JSON.stringify(value).slice(0, 60) : typeof value;
}
