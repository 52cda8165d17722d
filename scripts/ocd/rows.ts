import { parseCsv } from './csv';

/** One row of open-cookie-database.csv, exactly as written (cleaning happens later, rule by rule). */
export interface OcdRow {
  id: string;
  platform: string;
  category: string;
  name: string;
  domain: string;
  description: string;
  retention: string;
  dataController: string;
  wildcard: string;
  /** 1-based record number after the header, for messages. */
  row: number;
}

/** The upstream column names this importer relies on. */
const COLUMNS = {
  id: 'ID',
  platform: 'Platform',
  category: 'Category',
  name: 'Cookie / Data Key name',
  domain: 'Domain',
  description: 'Description',
  retention: 'Retention period',
  dataController: 'Data Controller',
  wildcard: 'Wildcard match',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the CSV into rows. A missing column, a row with a different number of fields, a bad or
 * repeated ID stop the import with the row named: guessing would put facts under the wrong cookie.
 */
export function readOcdCsv(text: string): OcdRow[] {
  const records = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''));
  const [header, ...body] = records;
  if (!header) throw new Error('the CSV is empty');
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  const missing = Object.values(COLUMNS).filter((c) => !index.has(c));
  if (missing.length > 0) throw new Error(`the CSV has no column ${missing.map((c) => `"${c}"`).join(', ')}`);
  const at = (record: string[], key: keyof typeof COLUMNS) => record[index.get(COLUMNS[key]) as number];
  const seen = new Set<string>();
  return body.map((record, i) => {
    const row = i + 1;
    if (record.length !== header.length) {
      throw new Error(`row ${row}: ${record.length} fields where the header has ${header.length}`);
    }
    const id = at(record, 'id').trim().toLowerCase();
    if (!UUID.test(id)) throw new Error(`row ${row}: ID ${JSON.stringify(id)} is not a UUID`);
    if (seen.has(id)) throw new Error(`row ${row}: ID ${id} appears twice`);
    seen.add(id);
    return {
      id,
      platform: at(record, 'platform'),
      category: at(record, 'category'),
      name: at(record, 'name'),
      domain: at(record, 'domain'),
      description: at(record, 'description'),
      retention: at(record, 'retention'),
      dataController: at(record, 'dataController'),
      wildcard: at(record, 'wildcard'),
      row,
    };
  });
}
