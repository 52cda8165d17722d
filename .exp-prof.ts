import { mkdtempSync } from 'node:fs';
import { build } from 'vite';
const outDir = mkdtempSync('/tmp/popup-exp/dist-');
await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir, minify: false } });
const { launchWithExtension } = await import('./src/node/chromium');
const { startHttpsSites } = await import('./test/e2e/harness/https-sites');
const sites = await startHttpsSites((_q, res, host) => { if (host === 'bench.test') { res.writeHead(200, {'content-type':'text/html'}); res.end(Array.from({length:10},(_,i)=>`<img src="${sites.url(`h${i}.test`,'/p')}">`).join('')); } else { res.writeHead(200); res.end(); } });
const b = await launchWithExtension({ extensionPath: outDir, hostResolverRules: sites.hostResolverRules });
const page = await b.context.newPage();
await page.goto(sites.url('bench.test'));
const tabId = await b.worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://bench.test/*' }))[0].id as number);
await b.worker.evaluate(async (port) => { const e = Math.floor(Date.now()/1000)+86400*30; const jobs=[]; for (let h=0;h<10;h++) for (let i=0;i<100;i++) jobs.push(chrome.cookies.set({url:`https://h${h}.test:${port}/`, name:`bench_${h}_${i}`, value:'v'+i, secure:true, sameSite:'no_restriction', expirationDate:e})); await Promise.all(jobs); }, sites.port);
await new Promise((r) => setTimeout(r, 1000));
const agg = new Map<string, number>();
for (let run = 0; run < 4; run++) {
  const p = await b.context.newPage();
  await p.goto('about:blank');
  const cdp = await b.context.newCDPSession(p);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await p.goto(b.extensionUrl(`src/popup/index.html?tabId=${tabId}`));
  await p.waitForFunction(() => performance.getEntriesByName('popup:usable').length > 0);
  const { profile } = await cdp.send('Profiler.stop') as any;
  console.log(await p.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`).join(', ')));
  const self = new Map<number, number>();
  const dt = profile.timeDeltas as number[];
  profile.samples.forEach((id: number, i: number) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  for (const n of profile.nodes) {
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    agg.set(key, (agg.get(key) ?? 0) + (self.get(n.id) ?? 0) / 1000);
  }
  await p.close();
}
console.log([...agg].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 4).toFixed(1)}ms ${k}`).join('\n'));
await b.close(); await sites.close();
