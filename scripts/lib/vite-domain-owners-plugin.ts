import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import type { OwnerRecord } from '../../src/core/domain-owners';

const ID = 'virtual:domain-owners';
const RESOLVED = `\0${ID}`;

/** The fields of third-party-web's `entities-nostats.json` that we read. */
interface Entity {
  name: string;
  company?: string;
  category: string;
  domains: string[];
}

/**
 * Provides `virtual:domain-owners`: who operates which domain, from the third-party-web package
 * (MIT, Patrick Hulce). Only the entity name, company, category and domains are shipped; the
 * package's usage statistics, homepages and products are dropped at build time.
 */
export function domainOwnersPlugin(): Plugin {
  let used = false;
  return {
    name: 'cookie-inspector-domain-owners',
    resolveId(id) {
      return id === ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      used = true;
      const records = compactOwners(readEntities());
      // Parsed when asked, as the catalog is (see vite-catalog-plugin.ts).
      return `const text = ${JSON.stringify(JSON.stringify(records))};\nexport function loadOwners() { return JSON.parse(text); }`;
    },
    generateBundle() {
      // The MIT licence asks that its notice travel with copies of the data.
      if (!used) return;
      const require = createRequire(import.meta.url);
      const source = readFileSync(require.resolve('third-party-web/LICENSE'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'licenses/third-party-web.txt', source });
    },
  };
}

export function readEntities(): Entity[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve('third-party-web/dist/entities-nostats.json');
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${path}: expected an array of entities`);
  return data.map((raw, i) => checkEntity(raw, `${path}: entity ${i}`));
}

/**
 * third-party-web writes `*.example.com` for a domain and its subdomains and `example.com` for that
 * host alone. Most domains are of the first kind, so they are shipped bare and the rare host-only
 * ones get a leading `=`; the domains of one entity travel as one space-separated string.
 */
export function compactOwners(entities: readonly Entity[]): OwnerRecord[] {
  // An entity without domains (the dataset has a few placeholders) can never be found.
  return entities
    .filter((entity) => entity.domains.length > 0)
    .map((entity) => {
      const domains = entity.domains
        .map((d) => (d.startsWith('*.') ? d.slice(2) : `=${d}`))
        .map((d) => d.toLowerCase())
        .join(' ');
      const record: OwnerRecord = [entity.name, entity.category, domains];
      if (entity.company && entity.company !== entity.name) record.push(entity.company);
      return record;
    });
}

function checkEntity(raw: unknown, where: string): Entity {
  const e = raw as Partial<Entity> | null;
  const ok =
    e !== null &&
    typeof e === 'object' &&
    typeof e.name === 'string' &&
    typeof e.category === 'string' &&
    Array.isArray(e.domains) &&
    e.domains.every((d) => typeof d === 'string' && /^(\*\.)?[a-z0-9.-]+$/i.test(d)) &&
    (e.company === undefined || typeof e.company === 'string');
  if (!ok) throw new Error(`${where}: not an entity with a name, a category and domains`);
  return e as Entity;
}
