import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PageClient } from './page-client';

/** Pages get the client from here, never from `chrome.runtime`, so a fake can stand in. */
export const ClientContext = createContext<PageClient | null>(null);

export function useClient(): PageClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('No Client provided: wrap the page in <ClientContext.Provider>.');
  return client;
}
