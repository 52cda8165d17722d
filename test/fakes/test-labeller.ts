import { validateCatalog } from '../../src/core/catalog-schema';
import { partyOf } from '../../src/core/domains';
import { createLabeller, type Fallback, type Labeller } from '../../src/core/label';

/**
 * A small, fixed catalog for the worker's tests, so they do not move when the shipped catalog
 * grows. It has the kinds of labels the worker must handle: exact names of each category, a
 * pattern, a name two vendors share with different categories (settled only by the vendors on the
 * page), and a fallback that depends on the party, as the real heuristics do.
 */

const FILES = [
  {
    path: 'data/vendors/google-analytics.json',
    data: {
      vendor: 'Google Analytics',
      origin: 'vendor-documentation',
      source: 'test fixture',
      cookies: [
        { name: '_ga', category: 'analytics', purpose: 'Tells visitors apart.', lifetime: '2 years', party: 'first' },
        {
          name: '_gid',
          category: 'analytics',
          purpose: 'Tells visitors apart for a day.',
          lifetime: '1 day',
          party: 'first',
        },
        {
          pattern: '_ga_*',
          category: 'analytics',
          purpose: 'Keeps session state.',
          lifetime: 'unknown',
          party: 'first',
        },
      ],
    },
  },
  {
    path: 'data/vendors/adnet.json',
    data: {
      vendor: 'AdNet',
      origin: 'vendor-documentation',
      source: 'test fixture',
      cookies: [
        {
          name: 'IDE',
          category: 'marketing',
          purpose: 'Targets ads.',
          lifetime: '13 months',
          party: 'third',
          domains: ['adnet.test'],
        },
        {
          name: 'shared_id',
          category: 'marketing',
          purpose: 'Follows you across sites.',
          lifetime: '1 year',
          party: 'third',
        },
      ],
    },
  },
  {
    path: 'data/vendors/chatco.json',
    data: {
      vendor: 'ChatCo',
      origin: 'vendor-documentation',
      source: 'test fixture',
      cookies: [
        {
          name: 'chat_state',
          category: 'functional',
          purpose: 'Remembers the chat window.',
          lifetime: 'session',
          party: 'third',
        },
        {
          name: 'shared_id',
          category: 'functional',
          purpose: 'Remembers your chat.',
          lifetime: '1 year',
          party: 'third',
        },
      ],
    },
  },
  {
    path: 'data/vendors/shop.json',
    data: {
      vendor: 'ShopSoft',
      origin: 'vendor-documentation',
      source: 'test fixture',
      cookies: [
        { name: 'sid', category: 'essential', purpose: 'Keeps you signed in.', lifetime: 'session', party: 'first' },
        {
          name: 'lb',
          category: 'essential',
          purpose: 'Sends your requests to the same server.',
          lifetime: 'session',
          party: 'first',
          ifDeleted: 'nothing',
        },
        {
          name: 'lang',
          category: 'functional',
          purpose: 'Remembers your language.',
          lifetime: '1 year',
          party: 'first',
        },
      ],
    },
  },
];

export const TEST_ENTRIES = validateCatalog(FILES);

/** Cookies we do not know: third-party ones count as marketing, first-party ones stay unknown. */
export const thirdPartyFallback: Fallback = (cookie, context, party) =>
  party === 'third' && cookie.name.startsWith('trk')
    ? {
        category: 'marketing',
        vendor: null,
        purpose: null,
        source: 'heuristic',
        confidence: 0.6,
        reason: `a third-party tracker on ${partyOf(cookie.domain, context.topLevelUrl)} ground`,
      }
    : null;

export function testLabeller(): Labeller {
  return createLabeller(TEST_ENTRIES, { fallbacks: [thirdPartyFallback] });
}
