import { describe, expect, it } from 'vitest';
import { CLEANING_BUDGET, CLEANING_WINDOW_MS } from '../../../src/background/cleaning-budget';
import { MAX_HISTORY_BYTES } from '../../../src/background/undo-history';
import type { SiteSettings } from '../../../src/shared/protocol';
import { FakeBrowser } from '../../fakes/fake-browser';
import { manualTimers } from '../../fakes/manual-timers';
import { flushEvents, settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn } from './helpers';

/**
 * Sites that fight back and requests that would lose something: the worker keeps working, keeps
 * what undo needs (or says it cannot), and keeps one cookie store's history out of another's pages.
 */

const CLEAN: SiteSettings = { keepClean: true, allowedVendors: [], allowedCookies: [] };
const START_MS = 1_800_000_000_000;

async function hostileSite() {
  let now = START_MS;
  const browser = new FakeBrowser({ now: () => now / 1000 });
  const manual = manualTimers();
  const worker = startWorker(browser, { clock: () => now, backOff: { timers: manual.timers } });
  const tab = browser.openTab('https://paperleaf.test/');
  await settle(worker);
  await ask(browser, 'setSiteSettings', { site: 'paperleaf.test', settings: CLEAN });
  await settle(worker);
  return {
    browser,
    worker,
    tab,
    manual,
    advance(ms: number) {
      now += ms;
    },
  };
}

const values = (browser: FakeBrowser) => browser.cookies.all().map((c) => `${c.name}=${c.value}`);

describe('a site that sets a cookie again and again while it is kept clean', () => {
  it('is cleaned within a budget per minute, swept once when the minute ends, and said to fight back', async () => {
    const { browser, worker, tab, manual, advance } = await hostileSite();
    const callsBefore = browser.cookies.calls.length;
    const writesBefore = browser.storageSession.writes;
    const SETS = 400;
    for (let i = 0; i < SETS; i++) {
      await browser.cookies.set(cookieOn('paperleaf.test', '_ga', { value: `v${i}` }));
      // The worker hears of each set before the next: the worst case for coalescing.
      await flushEvents(2);
    }
    await settle(worker);
    const workerCalls = browser.cookies.calls.length - callsBefore - SETS;
    // The first removal, then the budget of removals of the same cookie again; each is a read, an
    // expired overwrite and a read to confirm, and one more read when the site's next set races the
    // removal (how often depends on scheduling): bounded by the budget, not by the 400 sets.
    expect(workerCalls).toBeLessThanOrEqual((1 + CLEANING_BUDGET) * 4);
    expect(browser.storageSession.writes - writesBefore).toBeLessThan(10);
    // Past the budget the last value stays until the minute ends, and the popup says why.
    expect(values(browser)).toEqual([`_ga=v${SETS - 1}`]);
    const view = await ask(browser, 'getTabView', { tabId: tab });
    expect(view.siteSettings?.cleaningThrottled).toBe(true);

    advance(CLEANING_WINDOW_MS);
    manual.fireAll();
    await settle(worker);
    expect(values(browser)).toEqual([]);
    const [batch] = await ask(browser, 'getHistory', { tabId: tab });
    const undo = await ask(browser, 'undo', { batchId: batch.id });
    expect(undo.restored).toBe(1);
    expect(values(browser)).toEqual([`_ga=v${SETS - 1}`]);
    await settle(worker);
    // It fought through the whole minute, so it stays on the slow track for the next one.
    expect((await ask(browser, 'getTabView', { tabId: tab })).siteSettings?.cleaningThrottled).toBe(true);

    // A quiet minute later the site is cleaned as usual again, and no timer is left running; what
    // undo put back stays until the site sets it again.
    advance(CLEANING_WINDOW_MS);
    manual.fireAll();
    await settle(worker);
    expect(values(browser)).toEqual([`_ga=v${SETS - 1}`]);
    expect(manual.pending.size).toBe(0);
    expect((await ask(browser, 'getTabView', { tabId: tab })).siteSettings?.cleaningThrottled).toBeUndefined();
    await browser.cookies.set(cookieOn('paperleaf.test', '_ga', { value: 'calm' }));
    await settle(worker);
    expect(values(browser)).toEqual([]);
  });

  it('sweeps once when the minute is over even if no timer fired (the worker checks the time on events)', async () => {
    const { browser, worker, tab, advance } = await hostileSite();
    for (let i = 0; i < CLEANING_BUDGET + 5; i++) {
      await browser.cookies.set(cookieOn('paperleaf.test', '_ga', { value: `v${i}` }));
      await flushEvents(2);
    }
    await settle(worker);
    expect(values(browser)).toHaveLength(1);
    advance(CLEANING_WINDOW_MS);
    // Another cookie of the site, set after the minute: the event itself ends the pause.
    await browser.cookies.set(cookieOn('paperleaf.test', '_gid'));
    await settle(worker);
    expect(values(browser)).toEqual([]);
    expect((await ask(browser, 'getTabView', { tabId: tab })).siteSettings?.cleaningThrottled).toBeUndefined();
  });
});

describe('the undo history of private windows', () => {
  it('is kept apart per cookie store and dropped when the last private tab closes', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const normal = browser.openTab('https://news.test/');
    const incognito = browser.openTab('https://shop.test/', { storeId: '1' });
    await browser.cookies.set(cookieOn('news.test', '_ga', { value: 'normal-value' }));
    await browser.cookies.set(cookieOn('shop.test', '_ga', { storeId: '1', value: 'private-value' }));
    await settle(worker);
    const normalPort = browser.connect(`live-tab:${normal}`);
    const privatePort = browser.connect(`live-tab:${incognito}`);
    await settle(worker);

    const privateReport = await ask(browser, 'deleteOptional', { tabId: incognito });
    const normalReport = await ask(browser, 'deleteOptional', { tabId: normal });
    await settle(worker);
    expect((await ask(browser, 'getHistory', { tabId: normal })).map((b) => b.id)).toEqual([normalReport.batchId]);
    expect((await ask(browser, 'getHistory', { tabId: incognito })).map((b) => b.id)).toEqual([privateReport.batchId]);
    // Without a tab, only the ordinary store's history.
    expect((await ask(browser, 'getHistory', {})).map((b) => b.id)).toEqual([normalReport.batchId]);
    const pushedIds = (port: typeof normalPort) =>
      port.received.flatMap((m) => (m.type === 'history' ? m.history.map((b) => b.id) : []));
    expect(pushedIds(normalPort)).not.toContain(privateReport.batchId);
    expect(pushedIds(privatePort)).toContain(privateReport.batchId);
    expect(pushedIds(privatePort)).not.toContain(normalReport.batchId);

    browser.closeTab(incognito);
    await settle(worker);
    expect(browser.storageSession.dump()).not.toContain('private-value');
    expect(browser.storageSession.dump()).toContain('normal-value');
    // A new private session: nothing of the old one to list or to put back.
    const again = browser.openTab('https://shop.test/', { storeId: '1' });
    await settle(worker);
    expect(await ask(browser, 'getHistory', { tabId: again })).toEqual([]);
    await expect(ask(browser, 'undo', { batchId: privateReport.batchId as string })).rejects.toThrow(
      'There is no deletion',
    );
    expect(browser.cookies.all().map((c) => c.value)).not.toContain('private-value');
  });

  it('drops a closed private store’s history at start-up when the window closed while the worker was stopped', async () => {
    const browser = new FakeBrowser();
    const first = startWorker(browser);
    const incognito = browser.openTab('https://shop.test/', { storeId: '1' });
    await browser.cookies.set(cookieOn('shop.test', '_ga', { storeId: '1', value: 'private-value' }));
    await settle(first);
    await ask(browser, 'deleteOptional', { tabId: incognito });
    await settle(first);
    browser.stopWorker();
    browser.closeTabSilently(incognito);
    for (const store of browser.cookies.stores) store.tabIds = store.tabIds.filter((id) => id !== incognito);
    const second = startWorker(browser);
    await settle(second);
    expect(browser.storageSession.dump()).not.toContain('private-value');
  });
});

describe('a removal whose undo could not be kept', () => {
  it('is refused until the person agrees to remove without undo', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    const value = 'x'.repeat(3900);
    const count = Math.ceil(MAX_HISTORY_BYTES / value.length) + 10;
    for (let i = 0; i < count; i++) await browser.cookies.set(cookieOn('shop.test', `_ga_${i}`, { value }));
    await settle(worker);
    const refused = await ask(browser, 'deleteOptional', { tabId: tab });
    expect(refused.needsConfirmation).toEqual({ reason: 'no-undo', cookies: count });
    expect(refused.removedTotal).toBe(0);
    expect(browser.cookies.all()).toHaveLength(count);

    const done = await ask(browser, 'deleteOptional', { tabId: tab, allowWithoutUndo: true });
    expect(done.removedTotal).toBe(count);
    expect(done.batchId).toBeNull();
    expect(done.needsConfirmation).toBeUndefined();
    expect(browser.cookies.all()).toEqual([]);
  });

  it('rejects a malformed allowWithoutUndo with a clear error', async () => {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await settle(worker);
    const reply = await browser.sendMessage({
      kind: 'deleteOptional',
      payload: { tabId: tab, allowWithoutUndo: 'yes' },
    });
    expect(reply).toEqual({ ok: false, error: 'allowWithoutUndo must be true or false' });
  });

  it('says so when storage.session refused the record, and after a restart lists it as not undoable', async () => {
    const browser = new FakeBrowser();
    const first = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    for (let i = 0; i < 30; i++) {
      await browser.cookies.set(cookieOn('shop.test', `_ga_${i}`, { value: 'y'.repeat(1000) }));
    }
    await settle(first);
    // Other data fill storage.session: the history no longer fits.
    browser.storageSession.quotaBytes = browser.storageSession.dump().length + 5000;
    const report = await ask(browser, 'deleteOptional', { tabId: tab });
    expect(report.removedTotal).toBe(30);
    expect(report.undoUnsaved).toBe(true);
    const [batch] = await ask(browser, 'getHistory', {});
    expect(batch).toMatchObject({ id: report.batchId, unsaved: true });
    await settle(first);

    browser.stopWorker();
    const second = startWorker(browser);
    const [after] = await ask(browser, 'getHistory', {});
    expect(after).toMatchObject({ id: report.batchId, count: 30, undoable: false });
    await expect(ask(browser, 'undo', { batchId: report.batchId as string })).rejects.toThrow(
      'could not be kept for undo',
    );
    await settle(second);
  });
});

describe('a value the site sets while its cookie is being removed', () => {
  async function racing(keepClean: boolean) {
    const browser = new FakeBrowser();
    const worker = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga', { value: 'old' }));
    await settle(worker);
    const set = browser.cookies.set.bind(browser.cookies);
    let raced = false;
    browser.cookies.set = async (details) => {
      if (!raced && details.name === '_ga' && details.expirationDate === 1) {
        // The page's script writes a new value between the worker's read and its removal.
        raced = true;
        await set(cookieOn('shop.test', '_ga', { value: 'new' }));
      }
      return set(details);
    };
    let batchId: string | null;
    if (keepClean) {
      await ask(browser, 'setSiteSettings', { site: 'shop.test', settings: CLEAN });
      await settle(worker);
      batchId = (await ask(browser, 'getHistory', {}))[0]?.id ?? null;
    } else {
      batchId = (await ask(browser, 'deleteOptional', { tabId: tab })).batchId;
      await settle(worker);
    }
    browser.cookies.set = set;
    expect(raced).toBe(true);
    expect(values(browser)).toEqual([]);
    const undo = await ask(browser, 'undo', { batchId: batchId as string });
    expect(undo.restored).toBe(1);
    return values(browser);
  }

  it('is what undo puts back after a removal by hand', async () => {
    expect(await racing(false)).toEqual(['_ga=new']);
  });

  it('is what undo puts back after cleaning', async () => {
    expect(await racing(true)).toEqual(['_ga=new']);
  });
});
