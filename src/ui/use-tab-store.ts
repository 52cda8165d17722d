import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Client } from '../shared/protocol';
import { type TabState, TabStore, type TabStoreOptions } from './tab-store';

/** The store for one tab, started while the component is mounted; re-renders on every change. */
export function useTabStore(client: Client, tabId: number, options: TabStoreOptions = {}): [TabState, TabStore] {
  // Options are read once, when the store for this client and tab is made.
  const store = useMemo(() => new TabStore(client, tabId, options), [client, tabId]);
  // Kept with the store it came from: on a switch to another tab (or client), the state of the
  // previous one must not be shown, not even for the render before the new store first reports.
  const [latest, setLatest] = useState(() => ({ store, state: store.getState() }));
  const state = latest.store === store ? latest.state : store.getState();
  // A layout effect runs before the first paint: the port opens a frame earlier than with useEffect.
  useLayoutEffect(() => {
    const off = store.subscribe(() => setLatest({ store, state: store.getState() }));
    store.start();
    return () => {
      off();
      store.stop();
    };
  }, [store]);
  return [state, store];
}
