import { readFile } from 'node:fs/promises';
import { CatalogError } from '../core/catalog-schema';
import { type CliIO, type Command, UsageError } from './io';

const COMMANDS: Record<string, () => Promise<Command>> = {
  label: async () => (await import('./commands/label')).run,
  catalog: async () => (await import('./commands/catalog')).run,
  eval: async () => (await import('./commands/eval')).run,
  scan: async () => (await import('./commands/scan')).run,
};

const USAGE = `Usage: cookie-inspector <command> [options]

Commands:
  label [FILE|-] [--site URL] [--format json|table]   label cookies read from a JSON array
  catalog [--data DIR] [--json]                      validate the catalog (or a folder of catalog files) and count its entries
  eval FILE [--json]                                 measure labels against cookies labelled in the CookieBlock format
  scan URL... [--json|--markdown] [--fail-on CAT...] load pages in Chromium with the extension and report their cookies

label reads objects shaped like chrome.cookies.Cookie: "name" and "domain" are required, "site" (a
page URL or host) overrides --site for one cookie, "expirationDate" is in seconds since 1970 and no
later than the year 9999. A file with any bad cookie is rejected whole, each problem named.

Exit status: 0 success; 2 a usage error (an unknown option, an input file that cannot be read or is
malformed), told in one line; 1 an invalid catalog (catalog --data lists every problem) or an internal
error. scan has codes of its own, shown when it is run without a URL.
`;

export function nodeIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readInput: async (path) => {
      if (path !== '-') return readFile(path, 'utf8');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
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
  const load = COMMANDS[name];
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
