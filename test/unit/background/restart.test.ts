import { describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { registerListeners } from '../../../src/background/listeners';
import { TAB_KEY_PREFIX } from '../../../src/background/tab-tracker';
import { FakeBrowser } from '../../fakes/fake-browser';
import { manualTimers } from '../../fakes/manual-timers';
import { testLabeller } from '../../fakes/test-labeller';
import { settle, startWorker } from '../../fakes/worker';
import { ask, cookieOn, viewNames } from './helpers';

describe('a worker stopped and started again', () => {
  it('still knows which hosts each tab loaded from', async () => {
    const browser = new FakeBrowser();
    const first = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    browser.loadResource(tab, 'https://cdn.widget.test/w.js');
    await browser.cookies.set(cookieOn('cdn.widget.test', 'chat_state'));
    await browser.cookies.set(cookieOn('shop.test', 'sid'));
    await settle(first);
    browser.stopWorker();
    // The frame list would not reveal a script's host: only stored state can.
    const second = startWorker(browser);
    expect(await viewNames(browser, tab)).toEqual(['chat_state@cdn.widget.test/', 'sid@shop.test/']);
    await settle(second);
  });

  it('keeps the undo history and settings, and undo still works', async () => {
    const browser = new FakeBrowser();
    const first = startWorker(browser);
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', '_ga'));
    await settle(first);
    await ask(browser, 'setIncludeUnknown', { includeUnknown: true });
    const report = await ask(browser, 'deleteOptional', { tabId: tab });
    await settle(first);
    browser.stopWorker();
    const second = startWorker(browser);
    expect((await ask(browser, 'getHistory', {})).map((b) => b.id)).toEqual([report.batchId]);
    expect((await ask(browser, 'getSettings', {})).includeUnknown).toBe(true);
    expect((await ask(browser, 'undo', { batchId: report.batchId! })).restored).toBe(1);
    expect(browser.cookies.all().map((c) => c.name)).toEqual(['_ga']);
    await settle(second);
  });

  it('answers a message that woke it only once it is ready', async () => {
    const browser = new FakeBrowser();
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', 'sid'));
    const api = browser.api();
    let release: () => void = () => undefined;
    const slow = new Promise<void>((r) => {
      release = r;
    });
    const get = api.storageSession.get.bind(api.storageSession);
    api.storageSession.get = async (keys) => {
      await slow;
      return get(keys);
    };
    const worker = createBackground(api, { labeller: testLabeller() });
    registerListeners(api, worker);
    const answer = browser.sendMessage({ kind: 'getTabView', payload: { tabId: tab } });
    void worker.start();
    release();
    const reply = await answer;
    expect(reply.ok && reply.value).toMatchObject({ status: 'ok', cookies: [{ cookie: { name: 'sid' } }] });
  });

  it('forgets tabs closed while it was stopped and learns tabs opened before it', async () => {
    const browser = new FakeBrowser();
    const first = startWorker(browser);
    const closed = browser.openTab('https://gone.test/');
    await settle(first);
    browser.stopWorker();
    browser.closeTabSilently(closed);
    const early = browser.openTab('https://early.test/');
    browser.loadFrame(early, 'https://frame.test/f');
    await browser.cookies.set(cookieOn('frame.test', 'chat_state'));
    const second = startWorker(browser);
    await settle(second);
    expect(browser.storageSession.keys()).not.toContain(`${TAB_KEY_PREFIX}${closed}`);
    expect(await viewNames(browser, early)).toEqual(['chat_state@frame.test/']);
  });

  it('retries a start-up that failed', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const browser = new FakeBrowser();
    const api = browser.api();
    const getAll = api.cookies.getAll.bind(api.cookies);
    let failures = 1;
    api.cookies.getAll = async (q) => {
      if (failures-- > 0) throw new Error('the browser is busy');
      return getAll(q);
    };
    const worker = createBackground(api, { labeller: testLabeller() });
    registerListeners(api, worker);
    await expect(worker.start()).rejects.toThrow('the browser is busy');
    const reply = await browser.sendMessage({ kind: 'getHistory', payload: {} });
    expect(reply).toEqual({ ok: true, value: [] });
    expect(error).toHaveBeenCalledWith('Cookie Inspector: the worker failed to start', expect.any(Error));
    error.mockRestore();
  });

  it('tries a failed start-up again by itself, and then applies the events it held', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const browser = new FakeBrowser();
    const api = browser.api();
    const getAll = api.cookies.getAll.bind(api.cookies);
    let failures = 2;
    api.cookies.getAll = async (q) => {
      if (failures-- > 0) throw new Error('the browser is busy');
      return getAll(q);
    };
    const clock = manualTimers();
    const worker = createBackground(api, { labeller: testLabeller(), timers: clock.timers });
    registerListeners(api, worker);
    await expect(worker.start()).rejects.toThrow('the browser is busy');
    await browser.cookies.set(cookieOn('shop.test', 'sid'));
    expect(worker.mirror.size).toBe(0);
    // The first retry fails too and schedules the next; the second succeeds.
    for (let attempt = 0; attempt < 2; attempt++) {
      // The failure is known as soon as the browser is asked, the next try scheduled a few turns later.
      await vi.waitFor(() => expect(clock.pending.size).toBeGreaterThan(0));
      clock.fireAll();
      await vi.waitFor(() => expect(failures).toBeLessThan(1 - attempt));
    }
    await vi.waitFor(() => expect(worker.mirror.size).toBe(1));
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  it('reads the browser again when a long failed start-up dropped some of the events it held', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const browser = new FakeBrowser();
    const api = browser.api();
    const getAll = api.cookies.getAll.bind(api.cookies);
    let failing = true;
    let reads = 0;
    api.cookies.getAll = async (q) => {
      if (failing) throw new Error('the browser is busy');
      reads++;
      return getAll(q);
    };
    const clock = manualTimers();
    const worker = createBackground(api, { labeller: testLabeller(), timers: clock.timers, heldEventLimit: 4 });
    registerListeners(api, worker);
    await expect(worker.start()).rejects.toThrow('the browser is busy');
    for (let i = 0; i < 10; i++) await browser.cookies.set(cookieOn('shop.test', `c${i}`));
    await browser.cookies.remove({ url: 'https://shop.test/', name: 'c3' });
    await settle(worker).catch(() => undefined);
    failing = false;
    clock.fireAll();
    await vi.waitFor(() => expect(worker.mirror.size).toBe(9));
    // One read per cookie store the first time, and again after the gate reported dropped events.
    expect(reads).toBe(2 * (await api.cookies.getAllCookieStores()).length);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/browser events were dropped while starting/));
    error.mockRestore();
    warn.mockRestore();
  });

  it('tells its start-up phases in order, compiling the catalog while the browser reads', async () => {
    const browser = new FakeBrowser();
    const tab = browser.openTab('https://shop.test/');
    await browser.cookies.set(cookieOn('shop.test', 'sid'));
    const api = browser.api();
    const phases: string[] = [];
    const getAll = api.cookies.getAll.bind(api.cookies);
    api.cookies.getAll = (q) => {
      phases.push('asked the browser');
      return getAll(q);
    };
    const labeller = { ...testLabeller(), warm: () => void phases.push('warm') };
    const worker = createBackground(api, { labeller, mark: (phase) => phases.push(phase) });
    registerListeners(api, worker);
    await worker.start();
    expect(phases).toEqual(['asked the browser', 'warm', 'compiled', 'read', 'mirrored', 'ready']);
    await ask(browser, 'getTabView', { tabId: tab });
    expect(phases.at(-1)).toBe('first-snapshot');
  });
});
