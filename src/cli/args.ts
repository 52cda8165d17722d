import { UsageError } from './io';

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string[]>;
}

/**
 * A small parser for `--flag`, `--key value`, `--key=value` and repeated or multi-valued options
 * (`--fail-on marketing analytics`). `spec` says which options take values and how many.
 */
export function parseArgs(args: string[], spec: Record<string, 'flag' | 'one' | 'many'>): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const kind = spec[key];
    if (!kind) throw new UsageError(`unknown option --${key}`);
    const values = options.get(key) ?? [];
    if (kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`--${key} takes no value`);
    } else if (inline !== undefined) {
      values.push(inline);
    } else if (kind === 'one') {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${key} needs a value`);
      values.push(next);
      i += 1;
    } else {
      while (i + 1 < args.length && !args[i + 1].startsWith('--')) values.push(args[++i]);
      if (values.length === 0) throw new UsageError(`--${key} needs at least one value`);
    }
    options.set(key, values);
  }
  return { positional, options };
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}
