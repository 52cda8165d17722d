import type { Category, CookieLike, LabelContext, LabelSource, Party } from './types';

/** What a non-catalog labeller (domain owner, name heuristics) may conclude. */
export interface FallbackLabel {
  category: Category;
  vendor: string | null;
  purpose: string | null;
  source: Extract<LabelSource, 'domain' | 'heuristic'>;
  confidence: number;
  reason: string;
}

export type Fallback = (cookie: CookieLike, context: LabelContext, party: Party) => FallbackLabel | null;
