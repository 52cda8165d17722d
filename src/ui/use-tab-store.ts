import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Client } from '../shared/protocol';
import { type TabState, TabStore } from './tab-store';

/** The store for one tab, started while the component is mounted; re-renders on every change. */
export function useTabStore(client: Client, tabId: number): [TabState, TabStore] {
  const store = useMemo(() => new TabStore(client, tabId), [client, tabId]);
  const [state, setState] = useState(store.getState());
  // A layout effect runs before the first paint: the port opens a frame earlier than with useEffect.
  useLayoutEffect(() => {
    const off = store.subscribe(() => setState(store.getState()));
    store.start();
    return () => {
      off();
      store.stop();
    };
  }, [store]);
  return [state, store];
}
