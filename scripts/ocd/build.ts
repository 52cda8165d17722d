import type { CatalogFile, RawEntry } from '../../src/core/catalog-schema';
import { isSplitCandidate, mapCategory } from './category-rules';
import { parseDomainField } from './domain-rules';
import { isGenericName } from './generic-names';
import { genericPurpose } from './generic-purpose';
import { isCookieName, nameKey, namesWithConflictingFlags } from './name-rules';
import { type Override, type PurposeNote, purposeOriginality } from './notes';
import { preferenceRuleFor } from './preference-rules';
import { canonicalRetention } from './retention-rules';
import type { OcdRow } from './rows';
import { cleanText } from './text';
import type { EntryCategory } from './types';
import { caseInsensitiveVendors, vendorName, vendorSlug } from './vendor-rules';

/**
 * The import as one pure function: database rows plus our notes in, catalog files and a report out.
 * Every rule it applies is counted under its id, so the report shows what cleaning did to the data.
 */

export const OCD_SOURCE = 'https://github.com/jkwakman/Open-Cookie-Database';

/** What our vendor-documented files hold: `vendor (lower case) NUL name-or-pattern`, and their file names. */
export interface CuratedIndex {
  keys: ReadonlySet<string>;
  slugs: ReadonlySet<string>;
}

export interface ImportInputs {
  rows: readonly OcdRow[];
  purposes?: ReadonlyMap<string, PurposeNote>;
  overrides?: ReadonlyMap<string, Override>;
  curated?: CuratedIndex;
}

export interface ImportReport {
  rowsRead: number;
  entriesWritten: number;
  vendors: number;
  perCategory: Record<EntryCategory, number>;
  /** Rule id -> rows it changed. */
  rules: Record<string, number>;
  dropped: Array<{ id: string; name: string; why: string }>;
  withoutPurpose: number;
  /** Rows whose written purpose repeated the database's description and was replaced. */
  copiedPurposes: string[];
  /** Rows whose written purpose shares a long phrase with the description: worth rewording. */
  closePurposes: string[];
  unusedPurposes: string[];
  unusedOverrides: string[];
  /** Purpose notes whose `cookie` or `vendor` label is missing or no longer that of their row. */
  staleLabels: string[];
  warnings: string[];
}

/** What a purpose note is about, as the import names the row: catalog name or pattern, and vendor. */
export interface PurposeLabel {
  cookie: string;
  vendor: string;
}

export interface ImportResult {
  /** File slug -> file content. */
  files: Map<string, CatalogFile>;
  report: ImportReport;
  /** Row ID -> its label, for every row read (imported or not), to label the purpose notes. */
  labels: Map<string, PurposeLabel>;
}

interface Built {
  vendor: string;
  generated: boolean;
  kind: 'name' | 'pattern';
  key: string;
  entry: RawEntry & { ocdId: string };
}

export function curatedKey(vendor: string, key: string): string {
  return `${vendor.toLowerCase()}\u0000${key}`;
}

export function buildCatalog(inputs: ImportInputs): ImportResult {
  const purposes = inputs.purposes ?? new Map<string, PurposeNote>();
  const overrides = inputs.overrides ?? new Map<string, Override>();
  const curated = inputs.curated ?? { keys: new Set<string>(), slugs: new Set<string>() };
  const rules: Record<string, number> = {};
  const count = (id: string) => {
    rules[id] = (rules[id] ?? 0) + 1;
  };
  const report: ImportReport = {
    rowsRead: inputs.rows.length,
    entriesWritten: 0,
    vendors: 0,
    perCategory: { essential: 0, functional: 0, analytics: 0, marketing: 0 },
    rules,
    dropped: [],
    withoutPurpose: 0,
    copiedPurposes: [],
    closePurposes: [],
    unusedPurposes: [],
    unusedOverrides: [],
    staleLabels: [],
    warnings: [],
  };
  const rowIds = new Set(inputs.rows.map((r) => r.id));
  report.unusedPurposes = [...purposes.keys()].filter((id) => !rowIds.has(id));
  report.unusedOverrides = [...overrides.keys()].filter((id) => !rowIds.has(id));

  // Names and vendors are cleaned first: the conflicting-flag and vendor-spelling rules look across rows.
  const prepared = inputs.rows.map((row) => {
    const override = overrides.get(row.id);
    const name = cleanText(override?.name ?? row.name);
    const vendor = override?.vendor ? { vendor: override.vendor, fixes: [] } : vendorName(row.platform);
    const wildcard = override?.wildcard === undefined ? row.wildcard : override.wildcard ? '1' : '0';
    return { row, override, name, vendor, wildcard };
  });
  const conflicting = namesWithConflictingFlags(prepared.map((p) => ({ name: p.name.text, wildcard: p.wildcard })));
  const folded = caseInsensitiveVendors(prepared.map((p) => p.vendor.vendor));
  const labels = new Map<string, PurposeLabel>();
  for (const { row, name, vendor, wildcard } of prepared) {
    const key = nameKey(name.text, wildcard, conflicting.has(name.text)).key;
    const label = { cookie: key, vendor: folded.get(vendor.vendor) ?? vendor.vendor };
    labels.set(row.id, label);
    const note = purposes.get(row.id);
    if (note && (note.cookie !== label.cookie || note.vendor !== label.vendor)) {
      const was =
        note.cookie === undefined && note.vendor === undefined ? 'no label' : `"${note.cookie}" (${note.vendor})`;
      report.staleLabels.push(`${row.id}: ${was}, the row is "${label.cookie}" (${label.vendor})`);
    }
  }

  const built: Built[] = [];
  for (const { row, override, name, vendor: vendorInfo, wildcard } of prepared) {
    const drop = (why: string, rule: string) => {
      report.dropped.push({ id: row.id, name: row.name, why });
      count(rule);
    };
    if (override?.drop) {
      drop(override.reason, 'override-drop');
      continue;
    }
    for (const field of ['name', 'vendor', 'wildcard', 'party'] as const) {
      if (override?.[field] !== undefined) count(`override-${field}`);
    }
    for (const fix of name.fixes) count(`name-${fix}`);
    if (!isCookieName(name.text)) {
      drop('not a name a browser can give a cookie (it holds a space or a separator)', 'name-not-a-cookie-name');
      continue;
    }
    for (const fix of vendorInfo.fixes) count(fix);
    let vendor = vendorInfo.vendor;
    const foldedVendor = folded.get(vendor) ?? vendor;
    if (foldedVendor !== vendor) {
      count('vendor-case-merged');
      vendor = foldedVendor;
    }

    const key = nameKey(name.text, wildcard, conflicting.has(name.text));
    for (const fix of key.fixes) count(fix);
    if (key.kind === 'pattern') count(wildcard.trim() === '1' ? 'wildcard-prefix-to-pattern' : 'marker-to-pattern');

    const note = purposes.get(row.id);
    const mapped = mapCategory(row.category);
    if (!mapped && !override?.category && !note?.category) {
      drop(`category ${JSON.stringify(row.category)} is not mapped`, 'category-unmapped');
      report.warnings.push(`${row.id}: unmapped category ${JSON.stringify(row.category)}; add it to category-rules.ts`);
      continue;
    }
    const decided = decideCategory(row.category, vendor, name.text, override, note);
    for (const rule of decided.rules) count(rule);
    const { category, reason, inferred, rulePurpose } = decided;
    if (mapped) count(`category ${row.category.trim()} -> ${mapped}`);

    const parsed = parseDomainField(row.domain);
    for (const fix of parsed.fixes) count(fix);
    if (parsed.rejected.length > 0 && !override?.domains) {
      report.warnings.push(
        `${row.id} (${name.text}): domain ${JSON.stringify(row.domain)} is not a domain name; dropped`,
      );
    }
    let domains = override?.domains ? [...override.domains] : parsed.domains;
    if (override?.domains) count('override-domains');
    if (override?.addDomains) {
      domains = [...new Set([...domains, ...override.addDomains])];
      count('override-add-domains');
    }
    domains.sort();
    const party = override?.party ?? parsed.party;

    const life = decideLifetime(row, override);
    for (const rule of life.rules) count(rule);
    if (life.warning) report.warnings.push(`${row.id} (${name.text}): ${life.warning}`);
    const { lifetime } = life;

    const originality = note ? purposeOriginality(note.purpose, row.description) : 'own';
    const copied = originality === 'copied';
    if (copied) report.copiedPurposes.push(row.id);
    if (originality === 'close') report.closePurposes.push(row.id);
    const generated = note === undefined || copied;
    const purpose = generated ? genericPurpose(vendor, category, rulePurpose) : note.purpose;

    if (curated.keys.has(curatedKey(vendor, key.key))) {
      drop('already in a vendor-documented catalog file', 'already-curated');
      continue;
    }

    const entry: RawEntry =
      key.kind === 'name'
        ? { name: key.key, category, purpose, lifetime, party }
        : { pattern: key.key, category, purpose, lifetime, party };
    // Fields in the order data/README.md lists them.
    if (domains.length > 0) entry.domains = domains;
    if (inferred) entry.inferred = true;
    if (reason) entry.reason = reason;
    if (key.kind === 'name' && domains.length > 0 && isGenericName(key.key)) {
      entry.generic = true;
      count('generic-name-tied-to-domains');
    }
    built.push({ vendor, kind: key.kind, key: key.key, entry: { ...entry, ocdId: row.id }, generated });
  }

  const files = assembleFiles(built, curated, report, count);
  for (const file of files.values()) {
    for (const entry of file.cookies) report.perCategory[entry.category] += 1;
    report.entriesWritten += file.cookies.length;
  }
  report.vendors = files.size;
  return { files, report, labels };
}

interface CategoryDecision {
  category: EntryCategory;
  reason?: string;
  inferred: boolean;
  /** The preference rule's purpose, for the generic text. */
  rulePurpose?: string;
  rules: string[];
}

/**
 * Our category for a row, strongest source first: an override, a purpose file, a preference rule
 * (upstream Functional rows only), the category map. `mapped` is null only when a note decides.
 */
function decideCategory(
  ocdCategory: string,
  vendor: string,
  name: string,
  override: Override | undefined,
  note: PurposeNote | undefined,
): CategoryDecision {
  const mapped = mapCategory(ocdCategory);
  if (override?.category) {
    return { category: override.category, reason: override.reason, inferred: false, rules: ['override-category'] };
  }
  if (note?.category) {
    const changed = note.category !== mapped;
    const reason = note.reason ?? (changed ? 'category reviewed by hand' : undefined);
    return { category: note.category, reason, inferred: false, rules: changed ? ['purpose-file-category'] : [] };
  }
  const rule = isSplitCandidate(ocdCategory) ? preferenceRuleFor(vendor, name) : null;
  if (rule) {
    return { category: 'functional', reason: rule.reason, inferred: true, rulePurpose: rule.purpose, rules: [rule.id] };
  }
  return { category: mapped as EntryCategory, inferred: false, rules: [] };
}

/** The canonical lifetime of a row, with the rules that changed it and a warning when none could read it. */
function decideLifetime(
  row: OcdRow,
  override: Override | undefined,
): { lifetime: string; rules: string[]; warning?: string } {
  if (override?.lifetime) return { lifetime: override.lifetime, rules: ['override-lifetime'] };
  const retention = canonicalRetention(row.retention);
  const rules: string[] = [...retention.fixes];
  if (!retention.fixes.includes('retention-not-understood')) return { lifetime: retention.lifetime, rules };
  // Two Awin rows hold the period in the Data Controller column and the controller in Retention.
  const swapped = canonicalRetention(row.dataController);
  if (!swapped.fixes.includes('retention-not-understood') && swapped.lifetime !== 'unknown') {
    return { lifetime: swapped.lifetime, rules: [...rules, 'retention-columns-swapped'] };
  }
  return { lifetime: retention.lifetime, rules, warning: `retention ${JSON.stringify(row.retention)} not understood` };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of entries in a file: by name or pattern, then domains, then upstream ID. */
export function compareEntries(a: RawEntry, b: RawEntry): number {
  return (
    compareText(a.name ?? a.pattern ?? '', b.name ?? b.pattern ?? '') ||
    compareText((a.domains ?? []).join(','), (b.domains ?? []).join(',')) ||
    compareText(a.ocdId ?? '', b.ocdId ?? '')
  );
}

function assembleFiles(
  built: Built[],
  curated: CuratedIndex,
  report: ImportReport,
  count: (id: string) => void,
): Map<string, CatalogFile> {
  const byVendor = new Map<string, Built[]>();
  for (const b of built) byVendor.set(b.vendor, [...(byVendor.get(b.vendor) ?? []), b]);
  const files = new Map<string, CatalogFile>();
  for (const vendor of [...byVendor.keys()].sort(compareText)) {
    // Entry ids are `<file name>/<name>`, so a file may not share its name with a vendor-documented one.
    const base = curated.slugs.has(vendorSlug(vendor)) ? `${vendorSlug(vendor)}-ocd` : vendorSlug(vendor);
    if (base !== vendorSlug(vendor)) count('file-renamed-beside-vendor-file');
    let slug = base;
    for (let n = 2; files.has(slug); n++) slug = `${base}-${n}`;
    const cookies: RawEntry[] = [];
    const seen = new Map<string, RawEntry>();
    const items = (byVendor.get(vendor) ?? []).sort((a, b) => compareEntries(a.entry, b.entry));
    for (const { kind, key, entry, generated } of items) {
      // Same vendor, same name, same domains: one cookie listed twice (`__uis` at Sonobi).
      const dup = `${kind}:${key}|${(entry.domains ?? []).join(',')}`;
      const first = seen.get(dup);
      if (first) {
        // Two rows that disagree keep the stricter reading: essential is never deleted by mistake.
        if (entry.category === 'essential' && first.category !== 'essential') {
          first.category = 'essential';
          delete first.reason;
          delete first.inferred;
        }
        if (entry.party === 'third' && first.party !== 'third') first.party = 'third';
        report.dropped.push({ id: entry.ocdId as string, name: key, why: `same cookie as ${first.ocdId}` });
        count('duplicate-row-merged');
        continue;
      }
      seen.set(dup, entry);
      cookies.push(entry);
      if (generated) report.withoutPurpose += 1;
    }
    if (cookies.length > 0) files.set(slug, { vendor, origin: 'open-cookie-database', source: OCD_SOURCE, cookies });
  }
  return files;
}
