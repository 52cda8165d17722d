import { describe, expect, it, vi } from 'vitest';
import { FakeClient } from '../../test/fakes/fake-client';
import { record, sampleRecords, tabView } from '../../test/support/records';
import { lastUndoable } from '../devtools/last-undoable';
import { summarize } from '../shared/cookie-summary';
import type { HistoryBatch, KeptScreen } from '../shared/protocol';
import { TabStore } from './tab-store';

/** Timers the test fires by hand, so nothing depends on the clock. */
function manualTimers() {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    set(run: () => void) {
      queue.set(next, run);
      return next++;
    },
    clear(handle: unknown) {
      queue.delete(handle as number);
    },
    get pending() {
      return queue.size;
    },
    fireAll() {
      const runs = [...queue.values()];
      queue.clear();
      for (const run of runs) run();
    },
  };
}

async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** `portSnapshot: false` plays a worker that does not open ports with a snapshot, so the store must ask. */
function setup(view = tabView(sampleRecords()), { portSnapshot = true } = {}) {
  const client = new FakeClient();
  client.snapshotOnSubscribe = portSnapshot;
  client.setView(view);
  const timers = manualTimers();
  const store = new TabStore(client, view.tabId, { schedule: (run) => run(), timers, retryDelay: () => 10 });
  let notified = 0;
  store.subscribe(() => notified++);
  return { client, store, timers, notified: () => notified };
}

const names = (store: TabStore) =>
  store
    .getState()
    .records.map((r) => r.cookie.name)
    .sort();

describe('TabStore', () => {
  it('shows the snapshot the live port opens with, without asking again', async () => {
    const { client, store } = setup();
    expect(store.getState().phase).toBe('loading');
    store.start();
    await settle();
    expect(store.getState().phase).toBe('ready');
    expect(store.getState().records).toHaveLength(7);
    expect(client.subscriberCount(7)).toBe(1);
    expect(client.requests).toEqual([]);
    store.stop();
    expect(client.subscriberCount(7)).toBe(0);
  });

  it('asks with a request when the port sends no snapshot', async () => {
    const { client, store, timers } = setup(undefined, { portSnapshot: false });
    store.start();
    await settle();
    expect(store.getState().phase).toBe('loading');
    timers.fireAll();
    await settle();
    expect(store.getState().phase).toBe('ready');
    expect(store.getState().records).toHaveLength(7);
    expect(client.requests.map((r) => r.kind)).toEqual(['getTabView']);
  });

  it('applies live upserts and removals by key', async () => {
    const { client, store } = setup();
    store.start();
    await settle();
    const before = store.getState().records;
    client.upsert(7, [record('new_one', 'marketing'), record('lang', 'functional', { value: 'nb' })]);
    client.remove(7, [before.find((r) => r.cookie.name === '_gid')!.key]);
    const after = store.getState().records;
    expect(after).toHaveLength(7);
    expect(names(store)).toContain('new_one');
    expect(names(store)).not.toContain('_gid');
    expect(after.find((r) => r.cookie.name === 'lang')?.cookie.value).toBe('nb');
  });

  it('shows the worker’s summary while only the first screen has come, then summarises all it has', async () => {
    const many = Array.from({ length: 30 }, (_, i) => record(`_ga_${i}`, 'analytics'));
    const view = tabView(many);
    const client = new FakeClient();
    client.setView(view);
    const store = new TabStore(client, view.tabId, { schedule: (run) => run(), lead: 'groups' });
    store.start();
    await settle();
    await settle();
    // The fake, as the worker, sends the first screen with the summary, then the rest.
    expect(store.getState().records).toHaveLength(30);
    expect(store.getState().leadSummary).toBeNull();

    const plain = new FakeClient();
    plain.snapshotOnSubscribe = false;
    plain.setView(view);
    const partial = new TabStore(plain, view.tabId, { schedule: (run) => run(), lead: 'groups' });
    partial.start();
    const lead = summarize(many, false);
    plain.push(view.tabId, { type: 'snapshot', view: { ...view, cookies: many.slice(0, 12) }, lead });
    expect(partial.getState().records).toHaveLength(12);
    expect(partial.getState().leadSummary).toEqual(lead);
    plain.push(view.tabId, { type: 'changes', tabId: view.tabId, upserts: many.slice(12), removals: [] });
    expect(partial.getState().records).toHaveLength(30);
    expect(partial.getState().leadSummary).toBeNull();
    partial.stop();
    store.stop();
  });

  it('ignores pushes for another tab', async () => {
    const { client, store } = setup();
    store.start();
    await settle();
    client.push(7, { type: 'changes', tabId: 8, upserts: [record('other_tab', 'marketing')], removals: [] });
    expect(names(store)).not.toContain('other_tab');
  });

  it('keeps a change that arrives before the first answer', async () => {
    const { client, store, timers } = setup(undefined, { portSnapshot: false });
    store.start();
    // Before the request is answered: the change is buffered and applied after the view.
    client.push(7, { type: 'changes', tabId: 7, upserts: [record('early', 'analytics')], removals: [] });
    timers.fireAll();
    await settle();
    expect(names(store)).toContain('early');
  });

  it('says the worker is restarting and recovers on its own', async () => {
    const { client, store, timers } = setup();
    client.down = true;
    store.start();
    timers.fireAll();
    await settle();
    expect(store.getState().phase).toBe('restarting');
    expect(timers.pending).toBe(1);
    client.down = false;
    timers.fireAll();
    await settle();
    expect(store.getState().phase).toBe('ready');
  });

  it('says the worker is restarting when the live port drops, and refreshes when it is back', async () => {
    const { client, store, timers } = setup();
    store.start();
    await settle();
    expect(store.getState().phase).toBe('ready');
    client.dropPorts(7);
    expect(store.getState().phase).toBe('restarting');
    expect(store.getState().records).toHaveLength(7);
    // What changed while no port was open reaches the page with the next port's snapshot.
    client.setView(tabView([record('while_away', 'marketing')]));
    client.reopenPorts(7);
    expect(store.getState().phase).toBe('ready');
    expect(names(store)).toEqual(['while_away']);
    expect(timers.pending).toBe(0);
    expect(client.requests).toEqual([]);
  });

  it('asks for the cookies again after a drop when the new port sends no snapshot', async () => {
    const { client, store, timers } = setup();
    store.start();
    await settle();
    client.snapshotOnSubscribe = false;
    client.down = true;
    client.dropPorts(7);
    timers.fireAll();
    await settle();
    expect(store.getState()).toMatchObject({ phase: 'restarting' });
    expect(client.requests.map((r) => r.kind)).toEqual(['getTabView']);
    client.down = false;
    client.setView(tabView([record('fetched', 'essential')]));
    client.reopenPorts(7);
    timers.fireAll();
    await settle();
    expect(store.getState().phase).toBe('ready');
    expect(names(store)).toEqual(['fetched']);
  });

  it('reports an error the worker answers with, and retries on request', async () => {
    const { client, store, timers } = setup(undefined, { portSnapshot: false });
    client.failNext('getTabView', 'No tab 7.');
    store.start();
    timers.fireAll();
    await settle();
    expect(store.getState()).toMatchObject({ phase: 'failed', error: 'No tab 7.' });
    store.retry();
    await settle();
    expect(store.getState().phase).toBe('ready');
  });

  it('asks again while the tab is still loading', async () => {
    const { client, store, timers } = setup(tabView([], { status: 'loading' }), { portSnapshot: false });
    store.start();
    timers.fireAll();
    await settle();
    expect(store.getState().view?.status).toBe('loading');
    client.setView(tabView(sampleRecords()));
    timers.fireAll();
    await settle();
    expect(store.getState().view?.status).toBe('ok');
    expect(timers.pending).toBe(0);
  });

  it('removes the optional cookies, reports them by category, and undoes', async () => {
    const { client, store } = setup();
    store.start();
    await settle();
    await store.removeOptional();
    const outcome = store.getState().outcome;
    expect(outcome?.kind).toBe('removed');
    if (outcome?.kind !== 'removed') return;
    expect(outcome.report.removed).toEqual({ essential: 0, functional: 1, analytics: 2, marketing: 1, unknown: 0 });
    // Like the worker, the fake replies first and pushes the removal a moment later.
    expect(store.getState().records).toHaveLength(7);
    await client.pushed();
    expect(names(store)).toEqual(['csrf_token', 'mystery', 'session_id']);
    await store.undo(outcome.report.batchId!);
    expect(store.getState().outcome).toMatchObject({ kind: 'restored', report: { restored: 4 } });
    await client.pushed();
    expect(store.getState().records).toHaveLength(7);
  });

  it('removes one cookie by its full identity', async () => {
    const { client, store } = setup();
    store.start();
    await settle();
    const ide = store.getState().records.find((r) => r.cookie.name === 'IDE')!;
    await store.removeCookie(ide.cookie);
    expect(client.requests.at(-1)).toEqual({
      kind: 'deleteCookies',
      payload: {
        tabId: 7,
        cookies: [
          {
            name: 'IDE',
            domain: '.ads.test',
            path: '/',
            storeId: '0',
            partitionKey: { topLevelSite: 'https://shop.test' },
          },
        ],
      },
    });
    await client.pushed();
    expect(names(store)).not.toContain('IDE');
  });

  it('turns a failed action into an outcome, telling a stopped worker apart', async () => {
    const { client, store } = setup();
    store.start();
    await settle();
    client.failNext('deleteOptional', 'cookies.remove failed');
    await store.removeOptional();
    expect(store.getState().outcome).toEqual({ kind: 'error', message: 'cookies.remove failed', workerDown: false });
    expect(store.getState().busy).toBe(false);
    client.down = true;
    await store.removeOptional();
    expect(store.getState().outcome).toMatchObject({ kind: 'error', workerDown: true });
  });

  it('saves site settings and the include-unknown choice', async () => {
    const { client, store } = setup();
    store.start();
    await settle();
    await store.setSiteSettings({ keepClean: true, allowedVendors: ['Shop'], allowedCookies: [] });
    expect(store.getState().view?.siteSettings).toEqual({
      keepClean: true,
      allowedVendors: ['Shop'],
      allowedCookies: [],
    });
    expect(client.settings.sites['shop.test']?.keepClean).toBe(true);
    await store.setIncludeUnknown(true);
    expect(store.getState().view?.includeUnknown).toBe(true);
  });

  it('replaces everything on a snapshot push', async () => {
    const { client, store, notified } = setup();
    store.start();
    await settle();
    const count = notified();
    client.push(7, { type: 'snapshot', view: tabView([record('only', 'essential')]) });
    expect(names(store)).toEqual(['only']);
    expect(notified()).toBeGreaterThan(count);
  });
});

function batch(id: string, extra: Partial<HistoryBatch> = {}): HistoryBatch {
  return {
    id,
    at: 0,
    trigger: 'manual',
    site: 'shop.test',
    count: 1,
    byCategory: { essential: 0, functional: 0, analytics: 1, marketing: 0, unknown: 0 },
    undone: false,
    ...extra,
  };
}

describe('TabStore keeping the undo history (the panel)', () => {
  it('asks for the history at the start and after every action, and takes what is pushed', async () => {
    const client = new FakeClient();
    const view = tabView(sampleRecords());
    client.setView(view);
    client.history = [batch('old')];
    const store = new TabStore(client, view.tabId, { schedule: (run) => run(), history: true });
    store.start();
    await settle();
    expect(store.getState().history.map((b) => b.id)).toEqual(['old']);
    client.push(view.tabId, { type: 'history', history: [batch('pushed'), batch('old')] });
    await settle();
    expect(store.getState().history.map((b) => b.id)).toEqual(['pushed', 'old']);
    client.history = [batch('after-action')];
    await store.removeCategory('analytics');
    await settle();
    expect(store.getState().outcome?.kind).toBe('removed');
    expect(store.getState().history.map((b) => b.id)).toEqual(['after-action']);
  });

  it('keeps no history unless asked (the popup)', async () => {
    const client = new FakeClient();
    const view = tabView(sampleRecords());
    client.setView(view);
    client.history = [batch('old')];
    const store = new TabStore(client, view.tabId, { schedule: (run) => run() });
    store.start();
    client.push(view.tabId, { type: 'history', history: [batch('pushed')] });
    await settle();
    expect(store.getState().history).toEqual([]);
  });

  it('removes one category’s optional cookies', async () => {
    const { client, store } = setup();
    store.start();
    await settle();
    const before = store.getState().records.filter((r) => r.label.category === 'marketing').length;
    expect(before).toBeGreaterThan(0);
    await store.removeCategory('marketing');
    await settle();
    expect(store.getState().outcome).toMatchObject({ kind: 'removed' });
    expect(client.view(7)?.cookies.filter((r) => r.label.category === 'marketing')).toEqual([]);
  });

  it('offers to undo the newest removal on the site that can still be undone', () => {
    const history = [
      batch('undone', { undone: true }),
      batch('elsewhere', { site: 'news.test' }),
      batch('lost', { undoable: false }),
      batch('empty', { count: 0 }),
      batch('this-one'),
      batch('older'),
    ];
    expect(lastUndoable(history, 'shop.test')?.id).toBe('this-one');
    expect(lastUndoable(history, null)?.id).toBe('elsewhere');
    expect(lastUndoable([batch('undone', { undone: true })], 'shop.test')).toBeNull();
  });
});

describe('TabStore with a worker that opens every port with a snapshot', () => {
  it('shows the port snapshot at once and ignores an older answer that comes after it', async () => {
    const { client, store, timers } = setup(undefined, { portSnapshot: false });
    store.start();
    client.push(7, { type: 'snapshot', view: tabView([record('from_port', 'essential')]) });
    expect(store.getState().phase).toBe('ready');
    expect(names(store)).toEqual(['from_port']);
    expect(timers.pending).toBe(0);
    // An answer to a request (here: the fake's seven cookies) cannot overrule the port.
    store.retry();
    await settle();
    expect(names(store)).toEqual(['from_port']);
    client.push(7, { type: 'changes', tabId: 7, upserts: [record('next', 'marketing')], removals: [] });
    expect(names(store)).toEqual(['from_port', 'next']);
  });
});

describe('TabStore showing the first screen the worker kept (the popup)', () => {
  function sleeping() {
    const client = new FakeClient();
    // A stopped worker: the port stays silent and requests go unanswered until it is up.
    client.snapshotOnSubscribe = false;
    client.latencyMs = 60_000;
    const timers = manualTimers();
    const store = new TabStore(client, 7, { schedule: (run) => run(), timers, kept: true });
    return { client, store, timers };
  }

  it('shows it while the worker wakes up, then the worker’s own snapshot in its place', async () => {
    const { client, store } = sleeping();
    const kept = tabView([record('kept_one', 'marketing')]);
    client.keptScreens.set(7, { type: 'snapshot', view: kept, lead: summarize(kept.cookies, false), keptAt: 1 });
    store.start();
    await settle();
    expect(store.getState().phase).toBe('ready');
    expect(names(store)).toEqual(['kept_one']);
    client.push(7, { type: 'snapshot', view: tabView([record('live_one', 'essential')]) });
    expect(names(store)).toEqual(['live_one']);
    expect(store.getState().leadSummary).toBeNull();
    store.stop();
  });

  it('still asks the worker with a request when its port stays silent', async () => {
    const { client, store, timers } = sleeping();
    const kept = tabView([record('kept_one', 'marketing')]);
    client.keptScreens.set(7, { type: 'snapshot', view: kept, keptAt: 1 });
    store.start();
    await settle();
    expect(names(store)).toEqual(['kept_one']);
    expect(client.requests).toEqual([]);
    client.latencyMs = 0;
    client.setView(tabView([record('asked_one', 'essential')]));
    timers.fireAll();
    await vi.waitFor(() => expect(names(store)).toEqual(['asked_one']));
    expect(client.requests.map((r) => r.kind)).toEqual(['getTabView']);
    store.stop();
  });

  it('leaves it out when the worker answered first, or when nothing was kept', async () => {
    const { client, store } = sleeping();
    let arrive: (screen: KeptScreen) => void = () => undefined;
    client.keptScreens.set(7, new Promise((resolve) => (arrive = resolve)));
    store.start();
    client.push(7, { type: 'snapshot', view: tabView([record('live_one', 'essential')]) });
    arrive({ type: 'snapshot', view: tabView([record('kept_one', 'marketing')]), keptAt: 1 });
    await settle();
    expect(names(store)).toEqual(['live_one']);
    store.stop();

    const empty = sleeping();
    empty.store.start();
    await settle();
    expect(empty.store.getState().phase).toBe('loading');
    empty.store.stop();
  });

  it('is not asked for unless the page wants it (the panel)', async () => {
    const client = new FakeClient();
    client.snapshotOnSubscribe = false;
    client.latencyMs = 60_000;
    client.keptScreens.set(7, { type: 'snapshot', view: tabView([record('kept_one', 'marketing')]), keptAt: 1 });
    const store = new TabStore(client, 7, { schedule: (run) => run(), timers: manualTimers() });
    store.start();
    await settle();
    expect(store.getState().phase).toBe('loading');
    store.stop();
  });
});
