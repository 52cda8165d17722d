declare module 'virtual:catalog' {
  import type { LabellingEntry } from './core/catalog-schema';
  export const entries: LabellingEntry[];
}
