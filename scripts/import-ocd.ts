import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatCatalogFile } from '../src/core/catalog-format';
import { fileSlug, validateCatalog, validateCatalogFile } from '../src/core/catalog-schema';
import { catalogFilePaths, loadCatalog } from '../src/node/catalog-files';
import { buildCatalog, type CuratedIndex, curatedKey, type ImportReport } from './ocd/build';
import { readOverrides, readPurposeFiles } from './ocd/notes';
import { formatPurposeFile, labelPurposeFile } from './ocd/purpose-labels';
import { readOcdCsv } from './ocd/rows';

/**
 * `npx tsx scripts/import-ocd.ts <open-cookie-database.csv> [--data DIR] [--label-purposes]`
 *
 * Rebuilds data/open-cookie-database/ from a copy of the Open Cookie Database (Apache-2.0), applying
 * the cleaning rules in scripts/ocd/ and our own notes (data/_ocd-purposes/*.json,
 * data/_ocd-overrides.json). Re-running it on a newer copy keeps our notes: they are keyed by the
 * database's row IDs and never written by this script, except that `--label-purposes` rewrites the
 * `cookie` and `vendor` labels of their notes (nothing else) to those of the rows they are about.
 */

const OUT_DIR = 'open-cookie-database';

function main(argv: string[]): number {
  const args = [...argv];
  const labelFlag = args.indexOf('--label-purposes');
  if (labelFlag !== -1) args.splice(labelFlag, 1);
  let dataDir = resolve(import.meta.dirname, '../data');
  const dataFlag = args.indexOf('--data');
  if (dataFlag !== -1) {
    dataDir = resolve(args[dataFlag + 1] ?? '');
    args.splice(dataFlag, 2);
  }
  const [given] = args;
  if (!given || args.length > 1) {
    process.stderr.write(
      'Usage: npx tsx scripts/import-ocd.ts <path to open-cookie-database.csv> [--data DIR] [--label-purposes]\n',
    );
    return 2;
  }
  // The database's own checkout keeps the CSV at its top level: accept that folder too.
  const csvPath = existsSync(given) && statSync(given).isDirectory() ? join(given, 'open-cookie-database.csv') : given;
  if (!existsSync(csvPath)) {
    process.stderr.write(`import-ocd: no file at ${csvPath}\n`);
    return 2;
  }

  const rows = readOcdCsv(readFileSync(csvPath, 'utf8'));
  const purposeDir = join(dataDir, '_ocd-purposes');
  const purposeFiles = existsSync(purposeDir)
    ? readdirSync(purposeDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => ({
          path: `data/_ocd-purposes/${f}`,
          file: join(purposeDir, f),
          data: readJson(join(purposeDir, f)),
        }))
    : [];
  const purposes = readPurposeFiles(purposeFiles);
  const overridePath = join(dataDir, '_ocd-overrides.json');
  const overrides = existsSync(overridePath)
    ? readOverrides('data/_ocd-overrides.json', readJson(overridePath))
    : new Map();
  const curated = curatedIndex(dataDir);

  const { files, report, labels } = buildCatalog({ rows, purposes, overrides, curated });
  // Validate before touching the folder, so a rule that produces a bad entry leaves the old files in place.
  validateCatalog([...files].map(([slug, data]) => ({ path: `data/${OUT_DIR}/${slug}.json`, data })));

  const outDir = join(dataDir, OUT_DIR);
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir)) if (name.endsWith('.json')) rmSync(join(outDir, name));
  for (const [slug, file] of files) {
    writeFileSync(join(outDir, `${slug}.json`), formatCatalogFile(`data/${OUT_DIR}/${slug}.json`, file));
  }
  if (labelFlag !== -1) {
    let relabelled = 0;
    for (const { path, file, data } of purposeFiles) {
      const text = formatPurposeFile(labelPurposeFile(data, labels));
      if (text === readFileSync(file, 'utf8')) continue;
      writeFileSync(file, text);
      relabelled += 1;
      process.stdout.write(`labelled the notes of ${path}\n`);
    }
    process.stdout.write(`purpose files relabelled: ${relabelled}\n`);
    // The labels are now those of the rows: nothing is stale any more.
    report.staleLabels = [];
  }

  const total = loadCatalog(dataDir).length;
  printSummary(report, purposeFiles.length, overrides.size, total, relative(process.cwd(), outDir));
  return 0;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * What the vendor-documented files already hold. A file another editor has half written is skipped
 * with a note rather than stopping the import; the build validates it anyway.
 */
function curatedIndex(dataDir: string): CuratedIndex {
  const keys = new Set<string>();
  const slugs = new Set<string>();
  if (!existsSync(dataDir)) return { keys, slugs };
  const generated = `${relative(join(dataDir, '..'), join(dataDir, OUT_DIR)).split('\\').join('/')}/`;
  for (const { path, file } of catalogFilePaths(dataDir)) {
    if (path.startsWith(generated)) continue;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      process.stderr.write(`note: ${path} is not valid JSON; its entries are not checked for overlap\n`);
      continue;
    }
    for (const entry of validateCatalogFile(path, data).entries) {
      keys.add(curatedKey(entry.vendor, entry.name ?? entry.pattern ?? ''));
      if (entry.listedBy) keys.add(curatedKey(entry.listedBy, entry.name ?? entry.pattern ?? ''));
      slugs.add(fileSlug(path));
    }
  }
  return { keys, slugs };
}

function printSummary(report: ImportReport, purposeFiles: number, overrides: number, total: number, outDir: string) {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`Open Cookie Database import -> ${outDir}/`);
  out(`  rows read:          ${report.rowsRead}`);
  out(`  entries written:    ${report.entriesWritten}`);
  out(`  vendors (files):    ${report.vendors}`);
  out(`  rows not imported:  ${report.dropped.length}`);
  out(
    `  per category:       ${Object.entries(report.perCategory)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}`,
  );
  out(`  purpose files:      ${purposeFiles}; overrides: ${overrides}`);
  out(`  without a written purpose (generic text used): ${report.withoutPurpose}`);
  out(`  purposes close to the database's wording (kept, reword suggested): ${report.closePurposes.length}`);
  out(`  whole catalog now:  ${total} entries, valid`);
  out();
  out('Rules applied (rows changed):');
  for (const [rule, n] of Object.entries(report.rules).sort(([a], [b]) => (a < b ? -1 : 1))) {
    out(`  ${String(n).padStart(5)}  ${rule}`);
  }
  if (report.dropped.length > 0) {
    out();
    out('Rows not imported:');
    for (const d of report.dropped) out(`  ${d.id}  ${JSON.stringify(d.name)}: ${d.why}`);
  }
  const notes: Array<[string, string[]]> = [
    ['Purposes that repeat the database description (replaced by generic text)', report.copiedPurposes],
    ["Purposes sharing six or more words in a row with the database's description", report.closePurposes],
    ['Purposes for IDs no longer in the database', report.unusedPurposes],
    ['Overrides for IDs no longer in the database', report.unusedOverrides],
    [
      'Purpose notes whose cookie or vendor label is missing or out of date (--label-purposes rewrites them)',
      report.staleLabels,
    ],
    ['Warnings', report.warnings],
  ];
  for (const [title, list] of notes) {
    if (list.length === 0) continue;
    out();
    out(`${title}:`);
    for (const line of list) out(`  ${line}`);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`import-ocd: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
