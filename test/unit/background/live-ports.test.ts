import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_ROWS, groupRecords } from '../../../src/shared/cookie-groups';
import { summarize } from '../../../src/shared/cookie-summary';
import { PANEL_FIRST_SCREEN_ROWS } from '../../../src/shared/first-screen';
import { compareByName } from '../../../src/shared/name-order';
import { LEAD_PORT_SUFFIXES, LIVE_PORT_PREFIX, type PushMessage, REST_REQUEST } from '../../../src/shared/protocol';
import { FakeBrowser } from '../../fakes/fake-browser';
import { manualTimers } from '../../fakes/manual-timers';
import { flushEvents, settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn } from './helpers';

function summary(message: PushMessage): string {
  if (message.type === 'snapshot')
    return `snapshot ${message.view.site} [${message.view.cookies.map((r) => r.cookie.name)}]`;
  if (message.type === 'changes')
    return `changes +[${message.upserts.map((r) => `${r.cookie.name}=${r.cookie.value}`)}] -${message.removals.length}`;
  return `history ${message.history.length}`;
}

describe('live updates to an open page', () => {
  it('sends a snapshot, then only what changed, then a snapshot again after a navigation', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', 'sid'));
    await settle(worker);
    const port = browser.connect(`${LIVE_PORT_PREFIX}${tab}`);
    await settle(worker);
    await browser.cookies.set(cookieOn('shop.test', '_ga', { value: '1' }));
    await settle(worker);
    await browser.cookies.set(cookieOn('shop.test', '_ga', { value: '2' }));
    await settle(worker);
    await browser.cookies.remove({ url: 'https://shop.test/', name: 'sid' });
    await browser.cookies.set(cookieOn('elsewhere.test', 'x'));
    await settle(worker);
    browser.navigate(tab, 'https://news.test/');
    await settle(worker);
    expect(port.received.map(summary)).toEqual([
      'snapshot shop.test [sid]',
      'changes +[_ga=1] -0',
      'changes +[_ga=2] -0',
      'changes +[] -1',
      'snapshot news.test []',
    ]);
  });

  it('pushes the history after a deletion and a fresh snapshot after a settings change', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga'));
    await settle(worker);
    const port = browser.connect(`${LIVE_PORT_PREFIX}${tab}`);
    await settle(worker);
    await ask(browser, 'deleteOptional', { tabId: tab });
    await settle(worker);
    await ask(browser, 'setIncludeUnknown', { includeUnknown: true });
    await settle(worker);
    const got = port.received.map(summary);
    // The history and the removal travel separately; their order does not matter.
    expect([got[0], [got[1], got[2]].sort(), got[3], got.length]).toEqual([
      'snapshot shop.test [_ga]',
      ['changes +[] -1', 'history 1'],
      'snapshot shop.test []',
      4,
    ]);
    const last = port.received.at(-1);
    expect(last?.type === 'snapshot' && last.view.includeUnknown).toBe(true);
  });

  it('stops sending to a page that closed, and coalesces a burst into one message', async () => {
    const browser = new FakeBrowser();
    const clock = manualTimers();
    const worker = startWorker(browser, { timers: clock.timers });
    // Delivers every pending event, then lets every debounced job run.
    const drain = async () => {
      for (let i = 0; i < 4; i++) {
        await flushEvents();
        clock.fireAll();
      }
      await worker.settled();
    };
    const tab = browser.openTab('https://shop.test/');
    await drain();
    const closing = browser.connect(`${LIVE_PORT_PREFIX}${tab}`);
    const staying = browser.connect(`${LIVE_PORT_PREFIX}${tab}`);
    await drain();
    closing.close();
    await Promise.all(['a', 'b', 'c', 'd'].map((n) => browser.cookies.set(cookieOn('shop.test', `_ga_${n}`))));
    await flushEvents();
    expect(clock.pending.size).toBeGreaterThan(0);
    await drain();
    expect(closing.received.map(summary)).toEqual(['snapshot shop.test []']);
    expect(staying.received.map(summary)).toEqual([
      'snapshot shop.test []',
      'changes +[_ga_a=_ga_a-value,_ga_b=_ga_b-value,_ga_c=_ga_c-value,_ga_d=_ga_d-value] -0',
    ]);
  });

  it('sends a page that asks for its first screen first the first rows and the summary, then the rest when it asks', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    // More cookies than the first screen holds, in several groups, set in no particular order.
    const names = [
      ...Array.from({ length: 10 }, (_, i) => `zz_essential_session_${i}`),
      ...Array.from({ length: 6 }, (_, i) => `_ga_${String.fromCharCode(70 - i)}`),
      '_fbp',
      'PHPSESSID',
    ];
    for (const name of names) await browser.cookies.set(cookieOn('shop.test', name));
    await settle(worker);
    const full = browser.connect(`${LIVE_PORT_PREFIX}${tab}`);
    const lead = browser.connect(`${LIVE_PORT_PREFIX}${tab}${LEAD_PORT_SUFFIXES.groups}`);
    await settle(worker);
    // Until the page has painted its first screen and asks, nothing more comes, not even a change.
    expect(lead.received.map((m) => m.type)).toEqual(['snapshot']);
    await browser.cookies.set(cookieOn('shop.test', 'PHPSESSID', { value: 'meanwhile' }));
    await settle(worker);
    expect(lead.received.map((m) => m.type)).toEqual(['snapshot']);
    lead.send('something else');
    await settle(worker);
    expect(lead.received).toHaveLength(1);
    lead.send(REST_REQUEST);
    await settle(worker);

    const [whole] = full.received;
    const [first, rest, ...more] = lead.received;
    if (whole?.type !== 'snapshot' || first?.type !== 'snapshot' || rest?.type !== 'changes') {
      throw new Error(`unexpected messages: ${lead.received.map(summary)}`);
    }
    expect(more).toEqual([]);
    expect(whole.lead).toBeUndefined();
    // The first message: the first screen's rows in the popup's order, and the summary of all.
    expect(first.view.cookies.map((r) => r.key)).toEqual(
      groupRecords(whole.view.cookies)
        .flatMap((g) => g.records)
        .slice(0, FIRST_SCREEN_ROWS)
        .map((r) => r.key),
    );
    expect(first.lead).toEqual(summarize(whole.view.cookies, whole.view.includeUnknown));
    expect(first.lead?.total).toBe(names.length);
    // The second: every other cookie, and what changed meanwhile; together they are the whole view now.
    expect(rest.removals).toEqual([]);
    const merged = new Map([...first.view.cookies, ...rest.upserts].map((r) => [r.key, r.cookie.value]));
    const now = await ask(browser, 'getTabView', { tabId: tab });
    expect([...merged]).toEqual(expect.arrayContaining(now.cookies.map((r) => [r.key, r.cookie.value])));
    expect(merged.size).toBe(now.cookies.length);
    expect(
      rest.upserts.filter((r) => first.view.cookies.some((f) => f.key === r.key)).map((r) => r.cookie.name),
    ).toEqual(first.view.cookies.some((r) => r.cookie.name === 'PHPSESSID') ? ['PHPSESSID'] : []);
    expect([...merged.values()]).toContain('meanwhile');
    expect({ ...first.view, cookies: [] }).toEqual({ ...whole.view, cookies: [] });
    // Asking twice sends nothing twice.
    lead.send(REST_REQUEST);
    await settle(worker);
    expect(lead.received).toHaveLength(2);

    // Later changes come as usual.
    await browser.cookies.set(cookieOn('shop.test', '_ga_A', { value: 'again' }));
    await settle(worker);
    expect(lead.received.slice(2).map(summary)).toEqual(['changes +[_ga_A=again] -0']);
  });

  it("sends the panel its first screen in the panel's order: by name, then domain", async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    const count = PANEL_FIRST_SCREEN_ROWS + 25;
    // Names whose order differs from the order they are set in, with numbers a plain sort gets wrong.
    for (let i = count; i > 0; i--) await browser.cookies.set(cookieOn('shop.test', `c${(i * 37) % count}_${i}`));
    await browser.cookies.set(cookieOn('a.shop.test', 'C1_1'));
    await settle(worker);
    const full = browser.connect(`${LIVE_PORT_PREFIX}${tab}`);
    const panel = browser.connect(`${LIVE_PORT_PREFIX}${tab}${LEAD_PORT_SUFFIXES.names}`);
    await settle(worker);
    const [whole] = full.received;
    const [first] = panel.received;
    if (whole?.type !== 'snapshot' || first?.type !== 'snapshot') throw new Error('no snapshots');
    const byName = [...whole.view.cookies].sort(compareByName);
    expect(first.view.cookies.map((r) => r.key)).toEqual(byName.slice(0, PANEL_FIRST_SCREEN_ROWS).map((r) => r.key));
    expect(first.lead).toEqual(summarize(whole.view.cookies, whole.view.includeUnknown));
    // The popup's first screen on the same tab is its own.
    const popup = browser.connect(`${LIVE_PORT_PREFIX}${tab}${LEAD_PORT_SUFFIXES.groups}`);
    await settle(worker);
    const [popupFirst] = popup.received;
    if (popupFirst?.type !== 'snapshot') throw new Error('no popup snapshot');
    expect(popupFirst.view.cookies).toHaveLength(FIRST_SCREEN_ROWS);
    panel.send(REST_REQUEST);
    await settle(worker);
    const rest = panel.received[1];
    if (rest?.type !== 'changes') throw new Error('no rest');
    expect(rest.upserts).toHaveLength(whole.view.cookies.length - PANEL_FIRST_SCREEN_ROWS);
  });

  it('sends a short list whole, even to a page that asks for its first screen first', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', 'sid'));
    await settle(worker);
    const port = browser.connect(`${LIVE_PORT_PREFIX}${tab}${LEAD_PORT_SUFFIXES.groups}`);
    await settle(worker);
    expect(port.received.map(summary)).toEqual(['snapshot shop.test [sid]']);
  });
});
