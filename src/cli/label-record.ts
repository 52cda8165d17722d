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
  /** What deleting it does: signs-out, security-check, empties-cart, asks-consent, forgets-preference, resets-widget, nothing or unknown. */
  ifDeleted: Label['ifDeleted'];
  ifDeletedReason: string;
  /** On another site's tab: what the cookie also does there. */
  alsoTracks?: string;
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
    ifDeleted: label.ifDeleted,
    ifDeletedReason: label.ifDeletedReason,
    ...(label.alsoTracks ? { alsoTracks: label.alsoTracks } : {}),
    entryId: label.entryId,
    ...(label.listedBy ? { listedBy: label.listedBy } : {}),
    ...(label.alsoListedBy ? { alsoListedBy: label.alsoListedBy } : {}),
    ...(label.identifiable !== undefined ? { identifiable: label.identifiable } : {}),
    ...(label.inferred ? { inferred: true } : {}),
    ...(label.ambiguous ? { ambiguous: label.ambiguous } : {}),
  };
}
