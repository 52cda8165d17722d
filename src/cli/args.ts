import { UsageError } from './io';

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string[]>;
}

/**
 * `flag`: takes no value. `one`: one value, and the option may be given once only (a second
 * `--site` would otherwise silently lose one of the two). `repeat`: one value each time, any number
 * of times (`--resolve a=1 --resolve b=2`). `many`: every following word that is not an option
 * (`--fail-on marketing analytics`), also when given again.
 */
export type OptionKind = 'flag' | 'one' | 'repeat' | 'many';

/**
 * A small parser for `--flag`, `--key value`, `--key=value` and repeated or multi-valued options.
 * `--` ends the options: every later word is an argument, even one that starts with `--`.
 */
export function parseArgs(args: readonly string[], spec: Readonly<Record<string, OptionKind>>): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  let i = 0;
  const isOption = (word: string | undefined) => word?.startsWith('--') === true;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      i += 1;
      break;
    }
    if (!isOption(arg)) {
      positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    // Only the spec's own keys: `--constructor` must not find Object.prototype.constructor.
    if (!Object.hasOwn(spec, key)) throw new UsageError(`unknown option --${key}`);
    const kind = spec[key];
    const seen = options.get(key);
    if (seen && kind === 'one') throw new UsageError(`--${key} is given more than once`);
    const values = seen ?? [];
    if (kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`--${key} takes no value`);
    } else if (inline !== undefined) {
      values.push(inline);
    } else if (kind === 'one' || kind === 'repeat') {
      const next = args[i + 1];
      if (next === undefined || isOption(next)) throw new UsageError(`--${key} needs a value`);
      values.push(next);
      i += 1;
    } else {
      const before = values.length;
      while (i + 1 < args.length && !isOption(args[i + 1])) values.push(args[++i]);
      if (values.length === before) throw new UsageError(`--${key} needs at least one value`);
    }
    options.set(key, values);
  }
  positional.push(...args.slice(i));
  return { positional, options };
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  }
  return value as T;
}
