import type { TabView } from '../shared/protocol';
import type { BannerOutcome } from './consent-driver';
import type { AuditState } from './scan-states';

/** What a scan finds for each URL: a module of types only, so that the errors can carry them without a cycle. */

export type ScanErrorKind = 'invalid-url' | 'unreachable' | 'tls' | 'timeout' | 'failed';

/** One load of a page: where it ended, and what the extension saw on its tab. */
export interface PageScan {
  finalUrl: string;
  status: number | null;
  view: TabView;
  /** How answering the banner went, for the `reject` and `accept` states. */
  banner?: BannerOutcome;
}

export interface StateScan extends PageScan {
  state: AuditState;
}

export type ScanResult =
  | ({ url: string; ok: true; states?: StateScan[] } & PageScan)
  | { url: string; ok: false; kind: ScanErrorKind; error: string };
