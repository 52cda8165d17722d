declare module 'virtual:domain-owners' {
  import type { OwnerRecord } from './core/domain-owners';
  /** Who operates which domain, from third-party-web (MIT); see scripts/lib/vite-domain-owners-plugin.ts. */
  export function loadOwners(): OwnerRecord[];
}
