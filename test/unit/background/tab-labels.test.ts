import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CookieMirror } from '../../../src/background/cookie-mirror';
import { labelsForTab } from '../../../src/background/tab-labels';
import { createLabeller } from '../../../src/core/label';
import { loadCatalog } from '../../../src/node/catalog-files';
import type { BrowserCookie } from '../../../src/shared/protocol';
import { testLabeller } from '../../fakes/test-labeller';
import { storedCookie } from './helpers';

const labeller = testLabeller();

const cookieArb = fc.record({
  name: fc.constantFrom('_ga', '_gid', '_ga_X1', 'IDE', 'shared_id', 'chat_state', 'sid', 'lang', 'trk_1', 'other'),
  domain: fc.constantFrom('shop.test', '.shop.test', 'adnet.test', '.tracker.test', 'chat.test'),
  expires: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: undefined }),
});

describe('labels as a tab sees them', () => {
  it('equal labelling each cookie afresh with the tab’s page, whatever the cookie and page', () => {
    fc.assert(
      fc.property(
        fc.array(cookieArb, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('https://shop.test/', 'https://www.adnet.test/', 'https://tracker.test/x', undefined),
        fc.integer({ min: 0, max: 100_000 }),
        (specs, topLevelUrl, elapsed) => {
          const labelledAt = 1_700_000_000;
          const now = labelledAt + elapsed;
          const mirror = new CookieMirror(labeller, () => labelledAt);
          const cookies: BrowserCookie[] = specs.map((s, i) => ({
            name: s.name,
            value: String(i),
            domain: s.domain,
            path: `/${i}`,
            secure: true,
            httpOnly: false,
            sameSite: 'lax',
            hostOnly: !s.domain.startsWith('.'),
            session: s.expires === undefined,
            ...(s.expires === undefined ? {} : { expirationDate: labelledAt + s.expires }),
            storeId: '0',
          }));
          mirror.replaceAll(cookies);
          const entries = [...mirror.values()];
          const derived = labelsForTab(entries, labeller, { topLevelUrl, now }).map(({ label }) => label);
          const vendorsOnPage = [
            ...new Set(derived.filter((l) => l.vendor && !l.ambiguous).map((l) => l.vendor as string)),
          ];
          entries.forEach((entry, i) => {
            const fresh = labeller.label(entry.cookie, { topLevelUrl, now, vendorsOnPage });
            expect(derived[i]).toEqual(fresh);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('labels a cookie no catalog entry fits once, with the tab’s page, and a listed one once without it', () => {
    const calls: Array<{ name: string; page: string | undefined }> = [];
    const counting = {
      ...labeller,
      label: (cookie: Parameters<typeof labeller.label>[0], context?: Parameters<typeof labeller.label>[1]) => {
        calls.push({ name: String(cookie.name), page: context?.topLevelUrl });
        return labeller.label(cookie, context);
      },
    };
    const mirror = new CookieMirror(counting, () => 0);
    mirror.replaceAll([storedCookie('unlisted_pref', 'shop.test'), storedCookie('_ga', 'shop.test')]);
    // The mirror labels when a label is first read, not when the cookie arrives.
    expect(calls).toEqual([]);
    const page = 'https://shop.test/';
    const labels = labelsForTab([...mirror.values()], counting, { topLevelUrl: page, now: 0 });
    expect(calls).toEqual([
      { name: '_ga', page: undefined },
      { name: 'unlisted_pref', page },
    ]);
    expect(labels.map(({ label }) => label.source)).toEqual([expect.not.stringMatching(/exact|pattern/), 'exact']);
  });

  it('settles a name two vendors share by the vendors present on the tab', () => {
    const mirror = new CookieMirror(labeller, () => 0);
    const base = {
      value: '',
      path: '/',
      secure: true,
      httpOnly: false,
      sameSite: 'lax' as const,
      hostOnly: true,
      session: true,
      storeId: '0',
    };
    mirror.replaceAll([
      { ...base, name: 'shared_id', domain: 'x.test' },
      { ...base, name: 'IDE', domain: 'adnet.test' },
    ]);
    const entries = [...mirror.values()];
    expect(entries[0].label.ambiguous).toHaveLength(2);
    const [{ label: shared }] = labelsForTab(entries, labeller, { topLevelUrl: 'https://shop.test/', now: 0 });
    expect(shared).toMatchObject({ vendor: 'AdNet', category: 'marketing' });
    expect(shared.ambiguous).toBeUndefined();
  });

  it('takes the words of the company on the tab that lists a cookie (Creatio for Google’s `_ga`)', () => {
    const real = createLabeller(loadCatalog(resolve(import.meta.dirname, '../../../data')));
    const cookie = (name: string) => storedCookie(name, '.crm.test');
    const labelsOf = (names: string[]) => {
      const mirror = new CookieMirror(real, () => 0);
      mirror.replaceAll(names.map(cookie));
      const entries = [...mirror.values()];
      const labelled = labelsForTab(entries, real, { topLevelUrl: 'https://crm.test/', now: 0 });
      const ga = labelled.find(({ entry }) => entry.cookie.name === '_ga');
      if (!ga) throw new Error('_ga is not among the tab’s cookies');
      return ga.label;
    };
    const alone = labelsOf(['_ga']);
    expect(alone).toMatchObject({ vendor: 'Google Analytics', entryId: 'google-analytics/_ga' });
    expect(alone.alsoListedBy).toEqual(['Creatio']);
    const withCreatio = labelsOf(['_ga', 'BPMCSRF']);
    expect(withCreatio).toMatchObject({ vendor: 'Google Analytics', listedBy: 'Creatio', entryId: 'creatio/_ga' });
  });
});
