import { afterEach, describe, expect, it, vi } from 'vitest';
import { tabView } from '../../test/support/records';
import { summarize } from '../shared/cookie-summary';
import {
  KEPT_SCREEN_PREFIX,
  type KeptScreen,
  LEAD_PORT_SUFFIXES,
  LIVE_PORT_PREFIX,
  type PushMessage,
  REST_REQUEST,
} from '../shared/protocol';
import { RequestFailedError, WorkerUnavailableError } from './client-errors';
import { createRuntimeClient, type PortLike, type RuntimeLike } from './runtime-client';

class FakePort implements PortLike {
  messageListeners: Array<(m: unknown) => void> = [];
  disconnectListeners: Array<() => void> = [];
  disconnected = false;
  /** What the page sent the worker. */
  posted: unknown[] = [];
  constructor(readonly name: string) {}
  postMessage(message: unknown) {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
  }
  onMessage = { addListener: (l: (m: unknown) => void) => this.messageListeners.push(l) };
  onDisconnect = { addListener: (l: () => void) => this.disconnectListeners.push(l) };
  disconnect() {
    this.disconnected = true;
  }
  emit(message: unknown) {
    for (const l of this.messageListeners) l(message);
  }
  drop() {
    for (const l of this.disconnectListeners) l();
  }
}

function fakeRuntime(answer: (message: unknown) => Promise<unknown>) {
  const ports: FakePort[] = [];
  const sent: unknown[] = [];
  const runtime: RuntimeLike = {
    sendMessage: (message) => {
      sent.push(message);
      return answer(message);
    },
    connect: ({ name }) => {
      const port = new FakePort(name);
      ports.push(port);
      return port;
    },
  };
  return { runtime, ports, sent };
}

describe('the runtime client', () => {
  it('sends {kind, payload} and unwraps the reply', async () => {
    const { runtime, sent } = fakeRuntime(async () => ({ ok: true, value: tabView([]) }));
    const view = await createRuntimeClient(runtime).request('getTabView', { tabId: 7 });
    expect(view.tabId).toBe(7);
    expect(sent).toEqual([{ kind: 'getTabView', payload: { tabId: 7 } }]);
  });

  it('turns an error reply into RequestFailedError with the worker message', async () => {
    const { runtime } = fakeRuntime(async () => ({ ok: false, error: 'No tab 7.' }));
    await expect(createRuntimeClient(runtime).request('getTabView', { tabId: 7 })).rejects.toEqual(
      new RequestFailedError('No tab 7.'),
    );
  });

  it('turns a missing worker or a missing reply into WorkerUnavailableError', async () => {
    const gone = fakeRuntime(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(createRuntimeClient(gone.runtime).request('getSettings', {})).rejects.toBeInstanceOf(
      WorkerUnavailableError,
    );
    const silent = fakeRuntime(async () => undefined);
    await expect(createRuntimeClient(silent.runtime).request('getSettings', {})).rejects.toBeInstanceOf(
      WorkerUnavailableError,
    );
  });

  it('listens on a port named after the tab and passes pushes on', () => {
    const { runtime, ports } = fakeRuntime(async () => ({ ok: true, value: null }));
    const got: PushMessage[] = [];
    const stop = createRuntimeClient(runtime).subscribe(7, (m) => got.push(m));
    expect(ports.map((p) => p.name)).toEqual(['live-tab:7']);
    ports[0].emit({ type: 'changes', tabId: 7, upserts: [], removals: ['k'] });
    ports[0].emit({ nonsense: true });
    expect(got).toEqual([{ type: 'changes', tabId: 7, upserts: [], removals: ['k'] }]);
    stop();
    expect(ports[0].disconnected).toBe(true);
    ports[0].emit({ type: 'changes', tabId: 7, upserts: [], removals: ['late'] });
    expect(got).toHaveLength(1);
  });

  it('asks for the rest of a first screen once it is painted, on the port it came by', () => {
    const { runtime, ports } = fakeRuntime(async () => ({ ok: true, value: null }));
    const painted: Array<() => void> = [];
    const client = createRuntimeClient(runtime, { reconnectDelay: 0, afterPaint: (task) => painted.push(task) });
    const stop = client.subscribe(7, () => undefined, undefined, { lead: 'groups' });
    const [port] = ports;
    expect(port.name).toBe(`${LIVE_PORT_PREFIX}7${LEAD_PORT_SUFFIXES.groups}`);
    const panel = client.subscribe(8, () => undefined, undefined, { lead: 'names' });
    expect(ports[1].name).toBe(`${LIVE_PORT_PREFIX}8${LEAD_PORT_SUFFIXES.names}`);
    panel();
    const view = tabView([]);
    port.emit({ type: 'snapshot', view });
    expect(painted).toHaveLength(0);
    port.emit({ type: 'snapshot', view, lead: summarize([], false) });
    expect(port.posted).toEqual([]);
    painted[0]();
    expect(port.posted).toEqual([REST_REQUEST]);

    // A first screen whose port dropped before the paint: its successor starts over.
    port.emit({ type: 'snapshot', view, lead: summarize([], false) });
    port.drop();
    painted[1]();
    expect(port.posted).toEqual([REST_REQUEST]);
    stop();
  });

  it('reconnects a dropped port until unsubscribed', async () => {
    const { runtime, ports } = fakeRuntime(async () => ({ ok: true, value: tabView([]) }));
    const got: PushMessage[] = [];
    const stop = createRuntimeClient(runtime, { reconnectDelay: 0 }).subscribe(7, (m) => got.push(m));
    ports[0].drop();
    await new Promise((r) => setTimeout(r, 5));
    expect(ports.map((p) => p.name)).toEqual(['live-tab:7', 'live-tab:7']);
    ports[1].emit({ type: 'snapshot', view: tabView([]) });
    expect(got.map((m) => m.type)).toEqual(['snapshot']);
    stop();
    ports[1].drop();
    await new Promise((r) => setTimeout(r, 5));
    expect(ports).toHaveLength(2);
  });

  it('says when the port dropped, and when a new one talks again (before its first push)', async () => {
    const { runtime, ports } = fakeRuntime(async () => ({ ok: true, value: tabView([]) }));
    const events: string[] = [];
    const stop = createRuntimeClient(runtime, { reconnectDelay: 0 }).subscribe(
      7,
      (m) => events.push(m.type),
      (state) => events.push(state),
    );
    ports[0].emit({ type: 'snapshot', view: tabView([]) });
    ports[0].drop();
    await new Promise((r) => setTimeout(r, 5));
    // A port that opens is not yet a worker that answers: it may drop again at once.
    ports[1].drop();
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual(['snapshot', 'lost']);
    ports[2].emit({ type: 'snapshot', view: tabView([]) });
    ports[2].emit({ type: 'changes', tabId: 7, upserts: [], removals: [] });
    expect(events).toEqual(['snapshot', 'lost', 'restored', 'snapshot', 'changes']);
    stop();
  });

  describe('waiting before it reconnects', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** Drops the newest port `times` times; how long each reconnect waited, in fake milliseconds. */
    function waits(ports: FakePort[], times: number): number[] {
      const seen: number[] = [];
      for (let i = 0; i < times; i++) {
        const before = ports.length;
        ports[before - 1].drop();
        let waited = 0;
        vi.advanceTimersByTime(0);
        while (ports.length === before && waited < 10_000) {
          vi.advanceTimersByTime(1);
          waited++;
        }
        seen.push(waited);
      }
      return seen;
    }

    it('doubles from 250 ms up to 5 s while the port keeps dropping, and starts over once the worker talks', () => {
      vi.useFakeTimers();
      const { runtime, ports } = fakeRuntime(async () => ({ ok: true, value: tabView([]) }));
      const stop = createRuntimeClient(runtime).subscribe(7, () => undefined);
      expect(waits(ports, 7)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
      ports[ports.length - 1].emit({ type: 'snapshot', view: tabView([]) });
      expect(waits(ports, 2)).toEqual([250, 500]);
      stop();
    });

    it('waits the delay asked for first, then doubles from 1 ms if that was 0, and never past 5 s', () => {
      vi.useFakeTimers();
      const zero = fakeRuntime(async () => ({ ok: true, value: tabView([]) }));
      const stopZero = createRuntimeClient(zero.runtime, { reconnectDelay: 0 }).subscribe(7, () => undefined);
      expect(waits(zero.ports, 5)).toEqual([0, 1, 2, 4, 8]);
      stopZero();
      const long = fakeRuntime(async () => ({ ok: true, value: tabView([]) }));
      const stopLong = createRuntimeClient(long.runtime, { reconnectDelay: 8000 }).subscribe(7, () => undefined);
      expect(waits(long.ports, 3)).toEqual([8000, 5000, 5000]);
      stopLong();
    });

    it('refuses a reconnect delay that is negative or not a number when created, not when the port drops', () => {
      const { runtime } = fakeRuntime(async () => ({ ok: true, value: tabView([]) }));
      expect(() => createRuntimeClient(runtime, { reconnectDelay: -1 })).toThrow(/reconnectDelay/);
      expect(() => createRuntimeClient(runtime, { reconnectDelay: Number.NaN })).toThrow(RangeError);
    });
  });
});

describe('the first screen the worker kept', () => {
  const view = tabView([], { tabId: 7, url: 'https://shop.test/' });
  const screen: KeptScreen = { type: 'snapshot', view, keptAt: 1 };
  const runtime = fakeRuntime(async () => undefined).runtime;
  const clientWith = (stored: Record<string, unknown>, url: string | undefined, fail = false) =>
    createRuntimeClient(runtime, {
      kept: {
        storage: {
          get: async (key) => {
            if (fail) throw new Error('storage is gone');
            return key in stored ? { [key]: stored[key] } : {};
          },
        },
        tabUrl: async () => url,
      },
    });

  it('is read from storage without the worker, for the tab still on the same address', async () => {
    const client = clientWith({ [`${KEPT_SCREEN_PREFIX}7`]: screen }, 'https://shop.test/');
    expect(await client.keptScreen?.(7)).toEqual(screen);
  });

  it('is nothing when the tab moved on, there is none, it is malformed or storage fails', async () => {
    const key = `${KEPT_SCREEN_PREFIX}7`;
    expect(await clientWith({ [key]: screen }, 'https://news.test/').keptScreen?.(7)).toBeNull();
    expect(await clientWith({}, 'https://shop.test/').keptScreen?.(7)).toBeNull();
    expect(
      await clientWith({ [key]: { ...screen, view: { ...view, tabId: 8 } } }, 'https://shop.test/').keptScreen?.(7),
    ).toBeNull();
    expect(await clientWith({ [key]: { type: 'snapshot' } }, 'https://shop.test/').keptScreen?.(7)).toBeNull();
    expect(await clientWith({ [key]: screen }, 'https://shop.test/', true).keptScreen?.(7)).toBeNull();
    expect(await createRuntimeClient(runtime).keptScreen?.(7)).toBeNull();
  });
});
