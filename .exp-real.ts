import { launchWithExtension } from './src/node/chromium';
import { startHttpsSites } from './test/e2e/harness/https-sites';
const sites = await startHttpsSites((req, res, host) => {
  if (host === 'shop.test') {
    res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': [
      'PHPSESSID=abc123; Path=/; Secure; HttpOnly; SameSite=Lax',
      '__cf_bm=xyz; Domain=shop.test; Path=/; Max-Age=1800; Secure; HttpOnly; SameSite=None',
      '_fbp=fb.1.123; Domain=shop.test; Path=/; Max-Age=7776000; SameSite=Lax',
      '_ga=GA1.1.42; Domain=shop.test; Path=/; Max-Age=63072000; SameSite=Lax',
      'xyzzy_note=<img src=x onerror=alert(1)>; Path=/; Max-Age=3600',
    ] });
    res.end(`<h1>Shop</h1><img src="${sites.url('ads.test', '/pixel')}">`);
  } else {
    res.writeHead(200, { 'content-type': 'image/gif', 'set-cookie': ['IDE=ad1; Path=/; Max-Age=3600; Secure; SameSite=None', 'ptest=p1; Path=/; Max-Age=3600; Secure; SameSite=None; Partitioned'] });
    res.end();
  }
});
const b = await launchWithExtension({ extensionPath: '/tmp/popup-dist', hostResolverRules: sites.hostResolverRules, allowThirdPartyCookies: true });
const page = await b.context.newPage();
await page.goto(sites.url('shop.test'));
await new Promise((r) => setTimeout(r, 1000));
const all = await b.worker.evaluate(() => chrome.cookies.getAll({ partitionKey: {} }));
console.log(all.map((c) => `${c.domain} ${c.name}=${c.value} pk=${JSON.stringify(c.partitionKey)}`));
const tabId = await b.worker.evaluate(async () => (await chrome.tabs.query({ url: 'https://shop.test/*' }))[0]?.id);
console.log('tab', tabId);
import('./test/e2e/popup-fixture/real-popup').then(async ({ openRealPopup }) => {
await page.bringToFront();
const popup = await openRealPopup(b);
for (let i = 0; i < 6; i++) {
  console.log(await popup.evaluate(`innerWidth + 'x' + innerHeight + ' ' + document.documentElement.scrollHeight + ' ' + !!document.querySelector('[data-testid=total]')`));
  await new Promise((r) => setTimeout(r, 150));
}
const fs = await import('node:fs');
fs.writeFileSync('/tmp/popup-exp/real-a.png', await popup.screenshot());
const m = await popup.send('Page.getLayoutMetrics') as any;
console.log(JSON.stringify(m.cssContentSize), JSON.stringify(m.cssLayoutViewport));
const { data } = await popup.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false, fromSurface: true }) as any;
fs.writeFileSync('/tmp/popup-exp/real-b.png', Buffer.from(data, 'base64'));
await b.close(); await sites.close();
});
