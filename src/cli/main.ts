import { createReadStream } from 'node:fs';
import { CatalogError } from '../core/catalog-schema';
import { type CliIO, type Command, decodeUtf8, formatBytes, MAX_INPUT_BYTES, readLimited, UsageError } from './io';

// A Map, so that a command named `constructor` or `__proto__` is unknown like any other word.
const COMMANDS = new Map<string, () => Promise<Command>>([
  ['label', async () => (await import('./commands/label')).run],
  ['catalog', async () => (await import('./commands/catalog')).run],
  ['eval', async () => (await import('./commands/eval')).run],
  ['scan', async () => (await import('./commands/scan')).run],
]);

const USAGE = `Usage: cookie-inspector <command> [options]

Commands:
  label [FILE|-] [--site URL] [--format json|table]   label cookies read from a JSON array
  catalog [--data DIR] [--json]                      validate the catalog (or a folder of catalog files) and count its entries
  eval [FILE] [--sign-ins FILE...] [--judgement FILE] [--json]
                                                     measure labels against cookies labelled in the CookieBlock format
  scan URL... [--json|--markdown] [--fail-on CAT...] load pages in Chromium with the extension and report their cookies

label reads objects shaped like chrome.cookies.Cookie: "name" and "domain" are required, "site" (a
page URL or host) overrides --site for one cookie, "expirationDate" is in seconds since 1970 and no
later than the year 9999. A file with any bad cookie is rejected whole, each problem named.

Input files and standard input must be UTF-8 text of at most ${formatBytes(MAX_INPUT_BYTES)} (a whole browser
cookie jar fits). Options take the forms --key value and --key=value; -- ends the options, so that
a file whose name starts with -- can be named after it.

Exit status: 0 success; 2 a usage error (an unknown or repeated option, an input file that cannot be
read, is too large, is not UTF-8 or is malformed), told in one line; 1 an invalid catalog (catalog
--data lists every problem) or an internal error. scan has codes of its own: see scan --help.
`;

export interface NodeIOOptions {
  /** Bytes read from one input at most; tests use a small limit. */
  maxInputBytes?: number;
  /** Standard input; tests pass their own stream. */
  stdin?: AsyncIterable<Uint8Array>;
}

export function nodeIO(options: NodeIOOptions = {}): CliIO {
  const limit = options.maxInputBytes ?? MAX_INPUT_BYTES;
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readInput: async (path) => {
      // Read as a stream, not by size: a pipe, a FIFO or /dev/zero has no size to check first.
      const stream = path === '-' ? (options.stdin ?? process.stdin) : createReadStream(path);
      return decodeUtf8(await readLimited(stream, limit));
    },
    isTTY: Boolean(process.stdout.isTTY),
  };
}

export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS.get(name);
  if (!load) {
    io.stderr(`cookie-inspector: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cookie-inspector ${name}: ${error.message}\n`);
      return 2;
    }
    // The problem list names every bad file and entry; a stack trace would only bury it.
    if (error instanceof CatalogError) {
      io.stderr(`cookie-inspector ${name}: ${error.message}\n`);
      return 1;
    }
    io.stderr(`cookie-inspector ${name}: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
