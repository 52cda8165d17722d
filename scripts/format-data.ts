import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { canonicalFormProblem, duplicateKeys, formatCatalogFile } from '../src/core/catalog-format';
import { catalogFilePaths } from '../src/node/catalog-files';

/**
 * `npm run format:data [-- --check] [--data DIR]`
 *
 * Puts every catalog file under data/ in canonical form (src/core/catalog-format.ts, the form the
 * catalog test checks), so a person can edit a file by hand and let this sort and order it.
 * `--check` changes nothing and lists the files that are not canonical. A file that is not JSON,
 * or writes a key twice, is named and left as it is: rewriting it would lose what JSON.parse drops.
 * Exit status: 0 done (or all canonical); 1 a file was refused (or, with --check, is not canonical);
 * 2 the command was misused.
 */

const USAGE = 'Usage: npx tsx scripts/format-data.ts [--check] [--data DIR]\n';

function main(argv: string[]): number {
  let dataDir = resolve(import.meta.dirname, '../data');
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') check = true;
    else if (argv[i] === '--data' && argv[i + 1] !== undefined) dataDir = resolve(argv[++i]);
    else {
      process.stderr.write(`format-data: unexpected argument ${JSON.stringify(argv[i])}\n${USAGE}`);
      return 2;
    }
  }

  const refused: string[] = [];
  const changed: string[] = [];
  const files = catalogFilePaths(dataDir);
  for (const { path, file } of files) {
    const text = readFileSync(file, 'utf8');
    const problem = canonicalFormProblem(path, text);
    if (problem === null) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      refused.push(problem);
      continue;
    }
    if (duplicateKeys(text).length > 0) {
      refused.push(problem);
      continue;
    }
    changed.push(check ? problem : path);
    if (!check) writeFileSync(file, formatCatalogFile(path, data));
  }

  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (check) {
    for (const line of changed) out(line);
    out(`${files.length} catalog files, ${changed.length} not in canonical form`);
  } else {
    for (const path of changed) out(`formatted ${path}`);
    out(`${files.length} catalog files, ${changed.length} rewritten`);
  }
  for (const line of refused) process.stderr.write(`format-data: left as it is: ${line}\n`);
  return refused.length > 0 || (check && changed.length > 0) ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`format-data: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
