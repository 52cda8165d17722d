import { createHash } from 'node:crypto';

/**
 * What must never be in a store package: source maps (they ship the sources), references to them,
 * tests, TypeScript sources, hidden files (a build tool's `.vite/`, an editor's `.DS_Store`) and the
 * same file twice (a stray copy, as when public/ was copied beside the icons the manifest names).
 */
export function packageProblems(files: ReadonlyMap<string, Uint8Array>): string[] {
  const problems: string[] = [];
  if (!files.has('manifest.json')) problems.push('there is no manifest.json at the top of the package');
  const byDigest = new Map<string, string>();
  for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (path.endsWith('.map')) problems.push(`${path} is a source map`);
    else if (/\.(m?js|css|html)$/.test(path) && new TextDecoder().decode(bytes).includes('sourceMappingURL=')) {
      problems.push(`${path} points to a source map (sourceMappingURL)`);
    }
    if (/(^|\/)(tests?|__tests__|e2e)\//.test(path) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(path)) {
      problems.push(`${path} is a test file`);
    }
    if (/\.(ts|tsx|mts|cts)$/.test(path)) problems.push(`${path} is TypeScript source, not built code`);
    if (path.split('/').some((part) => part.startsWith('.'))) problems.push(`${path} is a hidden file`);
    const digest = createHash('sha256').update(bytes).digest('hex');
    const first = byDigest.get(digest);
    if (first !== undefined) problems.push(`${path} is a copy of ${first}`);
    else byDigest.set(digest, path);
  }
  return problems;
}
