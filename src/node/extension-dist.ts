import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built extension that the CLI loads into Chromium: `EXTENSION_DIST` when set, otherwise
 * `dist/` of the package this file belongs to, found by walking up from here, so it works from
 * the sources (tsx, tests) and from the bundled CLI in dist-cli/ alike.
 */
export function findExtensionDist(env: NodeJS.ProcessEnv = process.env, from = import.meta.url): string {
  const explicit = env.EXTENSION_DIST;
  if (explicit) {
    if (!existsSync(join(explicit, 'manifest.json'))) {
      throw new Error(`EXTENSION_DIST is ${explicit}, but there is no built extension (manifest.json) there.`);
    }
    return explicit;
  }
  const root = packageRoot(dirname(fileURLToPath(from)));
  const dist = root ? join(root, 'dist') : null;
  if (!dist || !existsSync(join(dist, 'manifest.json'))) {
    throw new Error(
      `The extension is not built${dist ? ` (no ${join(dist, 'manifest.json')})` : ''}: run \`npm run build\` first, or set EXTENSION_DIST.`,
    );
  }
  return dist;
}

function packageRoot(start: string): string | null {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'cookie-inspector') return dir;
      } catch {
        // A broken package.json on the way up is not ours; keep looking.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
