import { existsSync } from 'node:fs';

/**
 * A browser binary: the path in the environment variable `envName` when set (and it must exist),
 * else the first of `candidates` that exists, else `notFound()` is thrown.
 */
export function findExecutable(
  envName: string,
  candidates: readonly string[],
  notFound: () => Error,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const fromEnv = env[envName];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envName} points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw notFound();
  return found;
}
