#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `cookie-inspector catalog | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const cli = fileURLToPath(new URL('../dist-cli/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('cookie-inspector: not built yet. Run `npm run build` first.');
  process.exit(2);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
