import { describe, expect, it } from 'vitest';
import { collectClues, decide, heuristicFallback, MIN_CONFIDENCE } from './heuristics';
import type { CookieLike, Party } from './types';
import { looksLikeIdentifier } from './value-shape';

const NOW = 1_700_000_000;
const DAY = 86_400;

function guess(cookie: Partial<CookieLike> & { name: string }, party: Party = 'first') {
  return heuristicFallback({ domain: 'www.example.com', ...cookie }, { now: NOW }, party);
}

describe('looksLikeIdentifier', () => {
  it.each([
    ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', true],
    ['lfpsc155y5kyjl45fkf4vfbq', true],
    ['1234567890123456789', true],
    ['a1b2a1b2a1b2a1b2', false], // too few distinct characters to be random
    ['true', false],
    ['en-US', false],
    ['isIABGlobal=false&datestamp=Sat', false],
    [undefined, false],
  ])('%s -> %s', (value, expected) => {
    expect(looksLikeIdentifier(value)).toBe(expected);
  });
});

describe('name rules', () => {
  it.each([
    ['csrftoken', 'essential', '`csrf`'],
    ['XSRF-TOKEN', 'essential', '`xsrf`'],
    ['__RequestVerificationToken', 'essential', '`requestverification`'],
    ['PHPSESSID', 'essential', '`sessid`'],
    ['JSESSIONID', 'essential', '`session`'],
    ['connect.sid', 'essential', '`sid`'],
    ['remember_user_token', 'essential', ''],
    ['auth_state', 'essential', '`auth`'],
    ['cookie_consent_status', 'essential', '`consent`'],
    ['AWSALB', 'essential', '`awsalb`'],
    ['shop_cart', 'essential', '`cart`'],
    ['wordpress_test_cookie', 'essential', '`test_cookie`'],
    ['site_lang', 'functional', '`lang`'],
    ['preferred_currency', 'functional', '`currency`'],
    ['ui_theme', 'functional', '`theme`'],
    ['recently_viewed', 'functional', '`recently`'],
    ['xf_notice_dismiss', 'functional', '`notice`'],
    ['productListFilter', 'functional', '`filter`'],
    ['cookie_notice_accepted', 'essential', '`cookie` and `notice`'],
    ['viewed_cookie_policy', 'essential', '`cookie` and `policy`'],
    ['hidePrivacyBanner', 'essential', '`privacy` and `hide`'],
    ['ad_optout', 'essential', '`optout`'],
    ['__hs_do_not_track', 'essential', '`do_not_track`'],
    ['__utmz', 'analytics', '`utmz`'],
    ['_hjSessionUser_12', 'analytics', '`hj`'],
    ['site_stats', 'analytics', '`stats`'],
    ['_gcl_xx', 'marketing', '`gcl`'],
    ['ad_segment', 'marketing', '`ad`'],
  ])('%s is %s', (name, category, word) => {
    const label = guess({ name });
    expect(label?.category).toBe(category);
    expect(label?.source).toBe('heuristic');
    expect(label?.reason).toContain(word ? `name contains ${word}` : 'name contains');
    expect(label?.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    expect(label?.purpose).toEqual(expect.any(String));
  });

  it('does not read `author` as a sign-in word', () => {
    expect(guess({ name: 'author_bio' })).toBeNull();
  });

  it('calls a visitor id analytics on the site itself and marketing on a third party', () => {
    expect(guess({ name: 'visitor_id' }, 'first')?.category).toBe('analytics');
    expect(guess({ name: 'visitor_id', domain: 'tracker.example' }, 'third')?.category).toBe('marketing');
  });

  it('trusts a session cookie of an embedded service less than one of the site', () => {
    const own = guess({ name: 'sessionid' }, 'first');
    const embedded = guess({ name: 'sessionid', domain: 'widget.example' }, 'third');
    expect(own?.category).toBe('essential');
    expect(embedded?.category).toBe('essential');
    expect(embedded?.confidence).toBeLessThan(own?.confidence ?? 0);
  });

  it('lets a vendor namespace outweigh a generic word after it', () => {
    expect(guess({ name: '_hjSession_42' })?.category).toBe('analytics');
  });

  it('gives unknown, with both reasons, when an essential and an optional word are close', () => {
    const label = guess({ name: 'cart_currency' });
    expect(label?.category).toBe('unknown');
    expect(label?.reason).toMatch(/`cart`.*essential.*`currency`.*functional/);
  });

  it('picks the stronger of two optional categories without hesitating', () => {
    // Both would be deleted, so the choice between them cannot sign anyone out.
    expect(guess({ name: 'gcl_stats' })?.category).toBe('marketing');
  });

  it('needs both words for a cookie-banner record', () => {
    expect(guess({ name: 'cookie_jar' })).toBeNull();
    expect(guess({ name: 'privacy_page_views' })?.category).not.toBe('essential');
  });

  it('keeps a dismissed cookie notice, not the page-state reading of `notice`', () => {
    expect(guess({ name: 'cookie_notice_dismissed' })?.category).toBe('essential');
  });

  it('never calls an opt-out record optional: deleting it would turn tracking back on', () => {
    for (const name of ['optout', 'ad_opt_out', 'ToptOut']) expect(guess({ name })?.category, name).toBe('essential');
    // A tracker's own off switch: its namespace says analytics, the opt-out says keep it.
    expect(guess({ name: 'optimizelyOptOut' })?.category).toBe('unknown');
  });

  it('returns null when nothing is convincing', () => {
    expect(guess({ name: 'x7', value: 'abc' })).toBeNull();
  });
});

describe('value and attribute rules', () => {
  it('recognises formats that give the tool away', () => {
    expect(guess({ name: 'custom', value: 'GA1.2.123456789.1613223185' })?.category).toBe('analytics');
    expect(guess({ name: 'custom', value: 'fb.1.1613223185000.123456789' })?.category).toBe('marketing');
    expect(guess({ name: 'custom', value: 'GCL.1613223185.abc' })?.category).toBe('marketing');
    expect(guess({ name: 'custom', value: 'de-DE' })?.category).toBe('functional');
  });

  it('does not read a bare two-letter value as a preference without a name that says so', () => {
    // `nl` may be a country found from the address as well as a chosen language.
    expect(guess({ name: 'geo_cc', value: 'nl' })).toBeNull();
    const label = guess({ name: 'site_lang', value: 'nl' });
    expect(label?.category).toBe('functional');
    expect(label?.reason).toContain('language code');
  });

  it('reads a signed token (JWT) on the site as sign-in, not on a third party', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    expect(guess({ name: 'x', value: jwt })?.category).toBe('essential');
    expect(guess({ name: 'x', value: jwt, domain: 'other.example' }, 'third')).toBeNull();
  });

  it('takes an HttpOnly cookie of the site as essential', () => {
    const label = guess({ name: 'zz', httpOnly: true });
    expect(label?.category).toBe('essential');
    expect(label?.reason).toContain('HttpOnly');
  });

  it('takes a long-lived random identifier on a third party as marketing', () => {
    const label = guess(
      { name: 'zz', domain: 'ads.example', value: 'a8Fk2LmQ9xZ1pR7tY3wB', expirationDate: NOW + 365 * DAY },
      'third',
    );
    expect(label?.category).toBe('marketing');
    expect(label?.reason).toContain('365 days');
  });

  it('does not turn a long-lived first-party identifier into an optional category', () => {
    const label = guess({ name: 'zz', value: 'a8Fk2LmQ9xZ1pR7tY3wB', expirationDate: NOW + 365 * DAY });
    expect(label).toBeNull();
  });

  it('holds back an optional name when the server alone reads the cookie', () => {
    // `visits` says analytics, HttpOnly says a server-side cookie: too close to delete it.
    expect(guess({ name: 'visits', httpOnly: true })?.category).toBe('unknown');
  });

  it('ignores a weak optional clue once the name speaks', () => {
    const label = guess({ name: 'AWSALB', domain: 'lb.example', expirationDate: NOW + 7 * DAY }, 'third');
    expect(label?.category).toBe('essential');
  });
});

describe('decide', () => {
  const clue = (category: 'essential' | 'analytics', confidence: number, weak?: boolean) => ({
    category,
    confidence,
    reason: `${category} ${confidence}`,
    purpose: 'p',
    ...(weak ? { weak } : {}),
  });

  it('needs a 0.15 lead for an optional call over an essential clue', () => {
    expect(decide([clue('analytics', 0.7), clue('essential', 0.56)])?.category).toBe('unknown');
    expect(decide([clue('analytics', 0.7), clue('essential', 0.55)])?.category).toBe('analytics');
  });

  it('raises the confidence when clues agree, up to a ceiling below the catalog', () => {
    const label = decide([
      clue('essential', 0.8),
      clue('essential', 0.7),
      clue('essential', 0.6),
      clue('essential', 0.6),
    ]);
    expect(label?.confidence).toBe(0.85);
  });

  it('returns null below the minimum confidence', () => {
    expect(decide([clue('essential', 0.4)])).toBeNull();
    expect(decide([])).toBeNull();
  });

  it('collects clues strongest first', () => {
    const clues = collectClues({ name: 'csrf_lang', domain: 'example.com' }, 'first', NOW);
    expect(clues.map((c) => c.confidence)).toEqual([...clues.map((c) => c.confidence)].sort((a, b) => b - a));
  });
});
