import { INDEX_HOST, startDemoWorld } from './world';

/**
 * `npm run demo-server`: the demo world alone, for trying the extension by hand in a browser of
 * your own. It runs until stopped with Ctrl+C.
 */

const world = await startDemoWorld();
const lines = [
  `Demo world on https://127.0.0.1:${world.port} (self-signed certificate, hosts *.test)`,
  '',
  `  index   ${world.url(INDEX_HOST)}`,
  ...world.pages.map((p) => `  ${p.id.padEnd(7)} ${world.pageUrl(p.id)}`),
  '',
  'Start Chromium so that *.test reaches this server and the certificate is accepted, for example:',
  `  chromium --host-resolver-rules="${world.hostResolverRules}" --ignore-certificate-errors \\`,
  '    --user-data-dir=/tmp/cookie-inspector-demo --load-extension=dist',
  "(Chromium blocks third-party cookies by default: allow them in its settings to see the embedded chat's.)",
  '',
  'Or audit a page with the command-line tool (after `npm run build`):',
  `  npx cookie-inspector scan ${world.pageUrl('shop')} --insecure --resolve '*.test=127.0.0.1' --json`,
  '',
  'Press Ctrl+C to stop.',
];
console.log(lines.join('\n'));

const stop = () => {
  world.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
