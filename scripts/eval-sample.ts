/**
 * `npm run eval [-- FILE] [--json]`: the accuracy report of `cookie-inspector eval` on a labelled
 * sample, by default the development half of the CookieBlock sample kept next to the repository
 * (../shared/reference/cookieblock-sample/dev-sites.json). The sample is never copied into the
 * repository; pass its path when it lives elsewhere.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const DEFAULT_SAMPLE = resolve(root, '../shared/reference/cookieblock-sample/dev-sites.json');

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));
if (files.length > 1) {
  console.error('npm run eval: give at most one sample file');
  process.exit(2);
}
const sample = resolve(files[0] ?? DEFAULT_SAMPLE);
if (!existsSync(sample)) {
  console.error(
    `npm run eval: no sample at ${sample}.\n` +
      'Pass the path of a CookieBlock-format file: npm run eval -- path/to/dev-sites.json',
  );
  process.exit(2);
}
// The sign-in development set and our judgement of the sample are in the repository.
const signIns = readdirSync(resolve(root, 'test/sign-in-set'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => resolve(root, 'test/sign-in-set', f));
const judgement = resolve(root, 'test/cookieblock-judgement.json');
const evalArgs = ['eval', sample, '--judgement', judgement, '--sign-ins', ...signIns, ...flags];
const result = spawnSync(process.execPath, [resolve(root, 'bin/cookie-inspector.js'), ...evalArgs], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
