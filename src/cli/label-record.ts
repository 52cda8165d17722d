import { formatLifetime } from '../core/lifetime';
import type { Candidate, CookieLike, Label } from '../core/types';

/** One labelled cookie as the CLI prints it in JSON: flat, stable field names. */
export interface LabelRecord {
  name: string;
  domain: string;
  category: Label['category'];
  vendor: string | null;
  purpose: string | null;
  lifetime: string;
  party: Label['party'];
  source: Label['source'];
  confidence: number;
  reason: string;
  entryId: string | null;
  listedBy?: string;
  alsoListedBy?: string[];
  identifiable?: boolean;
  inferred?: boolean;
  ambiguous?: Candidate[];
}

export function toLabelRecord(cookie: CookieLike, label: Label): LabelRecord {
  return {
    name: cookie.name,
    domain: cookie.domain,
    category: label.category,
    vendor: label.vendor,
    purpose: label.purpose,
    lifetime: formatLifetime(label.lifetime),
    party: label.party,
    source: label.source,
    confidence: label.confidence,
    reason: label.reason,
    entryId: label.entryId,
    ...(label.listedBy ? { listedBy: label.listedBy } : {}),
    ...(label.alsoListedBy ? { alsoListedBy: label.alsoListedBy } : {}),
    ...(label.identifiable !== undefined ? { identifiable: label.identifiable } : {}),
    ...(label.inferred ? { inferred: true } : {}),
    ...(label.ambiguous ? { ambiguous: label.ambiguous } : {}),
  };
}
