declare module 'virtual:catalog' {
  import type { CatalogEntry } from './core/catalog-schema';
  export const entries: CatalogEntry[];
}
