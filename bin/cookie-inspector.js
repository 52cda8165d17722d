#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist-cli/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('cookie-inspector: not built yet. Run `npm run build` first.');
  process.exit(2);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
