import { describe, expect, it } from 'vitest';
import { TabStore } from '../../../src/ui/tab-store';
import { FakeClient } from '../../fakes/fake-client';
import { sampleRecords, tabView } from '../../support/records';

/** A removal too large to undo: the worker asks first, and the pages ask the person. */

async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function setup() {
  const client = new FakeClient();
  const view = tabView(sampleRecords());
  client.setView(view);
  client.noUndoOver = 1;
  const timers = { set: () => 0, clear: () => undefined };
  const store = new TabStore(client, view.tabId, { schedule: (run) => run(), timers });
  store.start();
  return { client, store, view };
}

describe('a removal that could not be undone', () => {
  it('asks before removing, and removes without undo once the person agrees', async () => {
    const { client, store, view } = setup();
    await settle();
    const before = store.getState().records.length;
    await store.removeOptional();
    const asked = store.getState().outcome;
    expect(asked?.kind).toBe('no-undo');
    expect(asked?.kind === 'no-undo' && asked.cookies).toBeGreaterThan(1);
    expect(client.view(view.tabId)?.cookies).toHaveLength(before);

    await store.removeWithoutUndo();
    const done = store.getState().outcome;
    expect(done?.kind).toBe('removed');
    expect(done?.kind === 'removed' && done.report.batchId).toBeNull();
    expect(done?.kind === 'removed' && done.report.removedTotal).toBe(asked?.kind === 'no-undo' && asked.cookies);
    expect(client.requests.map((r) => r.payload)).toContainEqual({ tabId: view.tabId, allowWithoutUndo: true });
  });

  it('removes nothing when the person cancels', async () => {
    const { client, store, view } = setup();
    await settle();
    const before = store.getState().records.length;
    await store.removeOptional();
    store.dismissOutcome();
    await store.removeWithoutUndo();
    expect(store.getState().outcome).toBeNull();
    expect(client.view(view.tabId)?.cookies).toHaveLength(before);
    expect(client.requests.filter((r) => r.kind === 'deleteOptional')).toHaveLength(1);
  });
});
