import { fromText } from '../../../src/core/if-deleted';
import type { Category, Label, Party } from '../../../src/core/types';
import type { BrowserCookie, CookieRecord } from '../../../src/shared/protocol';

/**
 * Made-up but realistic cookies for the panel fixture and its benchmark: a spread of categories,
 * vendors, parties and flags, a few hostile names and values, deterministic for a given seed.
 */

const VENDORS: ReadonlyArray<[string | null, Category, string]> = [
  ['Google Analytics', 'analytics', 'Counts visits and tells them apart.'],
  ['Meta', 'marketing', 'Matches visits with ads shown elsewhere.'],
  ['Deskpro', 'essential', 'Keeps the help-centre session.'],
  ['LivePerson', 'functional', 'Keeps the chat conversation across pages.'],
  ['Creatio', 'essential', 'Protects forms against cross-site requests.'],
  ['Hotjar', 'analytics', 'Samples sessions for heatmaps.'],
  [null, 'unknown', ''],
];

const HOSTILE = ['<img src=x onerror=alert(1)>', 'a,b;"c"', 'pipe|and`tick`', 'æøå 🍪 中文', '=cmd|/C calc'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function key(c: BrowserCookie): string {
  return JSON.stringify([c.storeId, c.partitionKey?.topLevelSite ?? null, null, c.domain, c.path, c.name]);
}

export function makeRecord(cookie: BrowserCookie, label: Label): CookieRecord {
  return { key: key(cookie), cookie, label };
}

export function fixtureLabel(vendor: string | null, category: Category, purpose: string, party: Party): Label {
  return {
    category,
    vendor,
    purpose: purpose || null,
    lifetime: category === 'essential' ? { kind: 'session' } : { kind: 'duration', seconds: 31_557_600 },
    party,
    source: vendor ? 'exact' : 'none',
    confidence: vendor ? 0.95 : 0,
    entryId: vendor ? `${vendor.toLowerCase().replace(/\W+/g, '-')}/cookie` : null,
    reason: vendor ? `exact name in the catalog (${vendor}, vendor documentation)` : 'not in the catalog',
    ...fromText(category, purpose || null, ''),
  };
}

export function generateRecords(count: number, seed = 7): CookieRecord[] {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const out: CookieRecord[] = [];
  for (let i = 0; i < count; i++) {
    const [vendor, category, purpose] = pick(VENDORS);
    const third = rand() < 0.3;
    const domain = third ? pick(['.ads.test', '.chat.test', 'cdn.tracker.test']) : pick(['shop.test', '.shop.test']);
    const session = rand() < 0.3;
    const hostile = i % 97 === 5;
    const cookie: BrowserCookie = {
      name: hostile ? `${pick(HOSTILE)}-${i}` : `${(vendor ?? 'x').slice(0, 3).toLowerCase()}_${i.toString(36)}`,
      value: hostile
        ? pick(HOSTILE)
        : Math.floor(rand() * 1e12)
            .toString(36)
            .repeat(1 + Math.floor(rand() * 4)),
      domain,
      path: rand() < 0.8 ? '/' : '/app',
      secure: rand() < 0.7,
      httpOnly: rand() < 0.4,
      sameSite: pick(['lax', 'strict', 'no_restriction', 'unspecified'] as const),
      hostOnly: !domain.startsWith('.'),
      session,
      ...(session ? {} : { expirationDate: 1_900_000_000 + Math.floor(rand() * 30_000_000) }),
      storeId: '0',
      ...(third && rand() < 0.3
        ? { partitionKey: { topLevelSite: 'https://shop.test', hasCrossSiteAncestor: false } }
        : {}),
    };
    out.push(makeRecord(cookie, fixtureLabel(vendor, category, purpose, third ? 'third' : 'first')));
  }
  return out;
}
