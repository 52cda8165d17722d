import { loadEntries } from 'virtual:catalog';
import { loadOwners } from 'virtual:domain-owners';
import { createDomainOwners, domainOwnerFallback } from '../core/domain-owners';
import { heuristicFallback } from '../core/heuristics';
import { createLabeller, type Labeller, lazyLabeller } from '../core/label';

/**
 * The product's labeller: the bundled catalog plus the fallbacks for cookies it does not list,
 * first the owner of the cookie's domain, then the clues in its name and attributes.
 * The service worker and the CLI both use this, so they label every cookie the same way. It is
 * parsed and compiled on first use (or `warm`), so a waking worker can ask the browser first.
 */
export function createDefaultLabeller(): Labeller {
  return lazyLabeller(() =>
    createLabeller(loadEntries(), {
      fallbacks: [domainOwnerFallback(createDomainOwners(loadOwners())), heuristicFallback],
    }),
  );
}
