import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Client } from '../shared/protocol';

/** Pages get the client from here, never from `chrome.runtime`, so a fake can stand in. */
export const ClientContext = createContext<Client | null>(null);

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('No Client provided: wrap the page in <ClientContext.Provider>.');
  return client;
}
