import { entries } from 'virtual:catalog';
import { createLabeller, type Labeller } from '../core/label';

/**
 * The product's labeller: the bundled catalog plus the fallbacks for cookies it does not list.
 * The service worker and the CLI both use this, so they label every cookie the same way.
 */
export function createDefaultLabeller(): Labeller {
  return createLabeller(entries);
}
