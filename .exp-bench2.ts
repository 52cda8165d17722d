import { mkdtempSync } from 'node:fs';
import { build } from 'vite';
const outDir = mkdtempSync('/tmp/popup-exp/dist-');
await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir } });
const { launchWithExtension } = await import('./src/node/chromium');
const { startHttpsSites } = await import('./test/e2e/harness/https-sites');
const sites = await startHttpsSites((_q, res, host) => { if (host === 'bench.test') { res.writeHead(200, {'content-type':'text/html'}); res.end(Array.from({length:10},(_,i)=>`<img src="${sites.url(`h${i}.test`,'/p')}">`).join('')); } else { res.writeHead(200); res.end(); } });
const b = await launchWithExtension({ extensionPath: outDir, hostResolverRules: sites.hostResolverRules });
const page = await b.context.newPage();
await page.goto(sites.url('bench.test'));
const tabId = await b.worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://bench.test/*' }))[0].id as number);
await b.worker.evaluate(async (port) => { const e = Math.floor(Date.now()/1000)+86400*30; const jobs=[]; for (let h=0;h<10;h++) for (let i=0;i<100;i++) jobs.push(chrome.cookies.set({url:`https://h${h}.test:${port}/`, name:`bench_${h}_${i}`, value:'v'+i, secure:true, sameSite:'no_restriction', expirationDate:e})); await Promise.all(jobs); }, sites.port);
await new Promise((r) => setTimeout(r, 1000));
for (let i = 0; i < 6; i++) {
  const p = await b.context.newPage();
  await p.goto(b.extensionUrl(`src/popup/index.html?tabId=${tabId}${i === 5 ? '' : ''}`));
  await p.waitForFunction(() => performance.getEntriesByName('popup:usable').length > 0);
  console.log(await p.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return `resp ${n.responseEnd.toFixed(0)} ` + performance.getEntriesByType('resource').map((r) => `${r.name.split('/').pop()!.slice(0,12)} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`).join(' ') + ' | ' + performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`).join(', '); }));
  await p.close();
}
await b.close(); await sites.close();
