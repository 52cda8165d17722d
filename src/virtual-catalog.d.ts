declare module 'virtual:catalog' {
  import type { LabellingEntry } from './core/catalog-schema';
  /** Parses the bundled catalog: a fresh array on every call, so call it once (see scripts/lib/vite-catalog-plugin.ts). */
  export function loadEntries(): LabellingEntry[];
}
