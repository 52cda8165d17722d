import { readFile } from 'node:fs/promises';
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
  catalog                                            validate the catalog and count its entries
  eval FILE [--json]                                 measure labels against cookies labelled in the CookieBlock format
  scan URL... [--json|--markdown] [--fail-on CAT...] load pages in Chromium with the extension and report their cookies
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
    io.stderr(`cookie-inspector ${name}: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}
