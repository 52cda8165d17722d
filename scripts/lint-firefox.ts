import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { cmd, type LintMessage } from 'web-ext';
import { explanationOf, unexplainedWarnings } from './lib/firefox-lint-explanations';
import { PACKAGES_DIR, packageName, readVersion } from './lib/package-names';

/**
 * `npm run lint:firefox`: runs `web-ext lint` (Mozilla's addons-linter, as addons.mozilla.org runs
 * it on upload) on the Firefox package `npm run package` wrote, the ZIP itself rather than the
 * folder it was made from. Fails on any error and on any warning not explained in
 * scripts/lib/firefox-lint-explanations.ts.
 */

const ROOT = resolve(import.meta.dirname, '..');

function say(text = ''): void {
  process.stdout.write(`${text}\n`);
}

function describe(m: LintMessage): string {
  const where = m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '';
  return `${m.code}: ${m.message}${where}${m.description ? `\n      ${m.description}` : ''}`;
}

async function main(): Promise<void> {
  const zip = join(ROOT, PACKAGES_DIR, packageName('firefox', readVersion(ROOT)));
  if (!existsSync(zip)) throw new Error(`${relative(ROOT, zip)} does not exist: run \`npm run package\` first.`);
  say(`web-ext lint ${relative(ROOT, zip)}`);
  const result = await cmd.lint(
    { sourceDir: zip, output: 'none', boring: true, metadata: false, selfHosted: false, warningsAsErrors: false },
    { shouldExitProgram: false },
  );
  const unexplained = unexplainedWarnings(result.warnings);
  const explained = result.warnings.filter((w) => !unexplained.includes(w));
  for (const w of explained) {
    const why = explanationOf(w)?.why;
    say(`  explained warning ${w.code}${w.file ? ` (${w.file})` : ''}: ${why}`);
  }
  for (const n of result.notices) say(`  notice ${describe(n)}`);
  for (const e of result.errors) say(`  ERROR ${describe(e)}`);
  for (const w of unexplained) say(`  UNEXPLAINED WARNING ${describe(w)}`);
  if (result.errors.length > 0 || unexplained.length > 0) {
    throw new Error(
      `web-ext lint: ${result.errors.length} error(s), ${unexplained.length} warning(s) nobody explained. ` +
        'Fix them, or explain a warning in scripts/lib/firefox-lint-explanations.ts and README ("Browsers").',
    );
  }
  say(`web-ext lint: no errors; ${explained.length} warning(s), all explained.`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
