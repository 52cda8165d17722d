import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { packageProblems } from './lib/package-contents';
import { PACKAGES_DIR, packageName, readVersion } from './lib/package-names';
import { BROWSERS, type Browser, parsePrivacy, privacyProblems } from './lib/privacy-permissions';
import { unzipFiles, zipFiles } from './lib/zip';

/**
 * `npm run package`: builds the Chrome and the Firefox extension into build/package/<browser>/
 * (never dist/, which `npm run build` and the tests own) and writes the store uploads to
 * build/packages/cookie-inspector-<browser>-<version>.zip. It refuses to write either when a build
 * holds a source map, a test or a stray copy, or asks for a permission PRIVACY.md does not explain.
 */

const ROOT = resolve(import.meta.dirname, '..');
const BUILD = join(ROOT, 'build', 'package');
const PACKAGES = join(ROOT, PACKAGES_DIR);
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

function say(text = ''): void {
  process.stdout.write(`${text}\n`);
}

function build(browser: Browser): string {
  const outDir = join(BUILD, browser);
  const args = [VITE, 'build', '--configLoader', 'runner', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  if (browser === 'firefox') args.push('--mode', 'firefox');
  say(`Building the ${browser} extension into ${relative(ROOT, outDir)}/ …`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`The ${browser} build failed; see the messages above.`);
  return outDir;
}

function readTree(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) visit(full);
      else files.set(relative(dir, full).split(sep).join('/'), readFileSync(full));
    }
  };
  visit(dir);
  return files;
}

/** Everything wrong with one browser's build, as sentences. */
function problemsOf(browser: Browser, files: Map<string, Uint8Array>, version: string, privacy: string): string[] {
  const problems = packageProblems(files);
  const raw = files.get('manifest.json');
  if (!raw) return problems;
  const manifest: unknown = JSON.parse(new TextDecoder().decode(raw));
  problems.push(...privacyProblems(manifest, browser, parsePrivacy(privacy)));
  const built = (manifest as { version?: unknown }).version;
  if (built !== version) {
    problems.push(`the manifest's version is ${JSON.stringify(built)}, package.json's is ${version}: make them agree`);
  }
  return problems;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function main(): void {
  const version = readVersion(ROOT);
  const privacy = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');
  const builds = new Map<Browser, Map<string, Uint8Array>>();
  for (const browser of BROWSERS) builds.set(browser, readTree(build(browser)));

  // Both checked before either is written: a refused build leaves no half-made release behind.
  const problems = BROWSERS.flatMap((browser) =>
    problemsOf(browser, builds.get(browser)!, version, privacy).map((p) => `${browser}: ${p}`),
  );
  mkdirSync(PACKAGES, { recursive: true });
  for (const browser of BROWSERS) rmSync(join(PACKAGES, packageName(browser, version)), { force: true });
  if (problems.length > 0) {
    throw new Error(`No package was written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  say();
  for (const browser of BROWSERS) {
    const files = builds.get(browser)!;
    const zip = zipFiles(files);
    // What a store receives is the ZIP, not the folder: read it back and check it again.
    const unpacked = unzipFiles(zip);
    const lost = [...files].filter(
      ([path, bytes]) => !Buffer.from(bytes).equals(unpacked.get(path) ?? Buffer.alloc(0)),
    );
    const again = packageProblems(unpacked);
    if (lost.length > 0 || unpacked.size !== files.size || again.length > 0) {
      const wrong = [...lost.map(([path]) => `${path} differs or is missing`), ...again];
      throw new Error(`The ${browser} ZIP does not hold its build as it should: ${wrong.join('; ')}`);
    }
    const path = join(PACKAGES, packageName(browser, version));
    writeFileSync(path, zip);
    const unzipped = [...files.values()].reduce((sum, bytes) => sum + bytes.length, 0);
    say(`${relative(ROOT, path)}  ${kb(zip.length)}  (${files.size} files, ${kb(unzipped)} unpacked)`);
  }
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
