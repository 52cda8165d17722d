import { entries } from 'virtual:catalog';
import { owners } from 'virtual:domain-owners';
import { createDomainOwners, domainOwnerFallback } from '../core/domain-owners';
import { heuristicFallback } from '../core/heuristics';
import { createLabeller, type Labeller } from '../core/label';

/**
 * The product's labeller: the bundled catalog plus the fallbacks for cookies it does not list,
 * first the owner of the cookie's domain, then the clues in its name and attributes.
 * The service worker and the CLI both use this, so they label every cookie the same way.
 */
export function createDefaultLabeller(): Labeller {
  return createLabeller(entries, {
    fallbacks: [domainOwnerFallback(createDomainOwners(owners)), heuristicFallback],
  });
}
