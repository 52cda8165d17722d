import { describe, expect, it } from 'vitest';
import { combine, fallbackConsequence, fromText, guessFromCookie } from './if-deleted';

describe('what deleting a cookie does, from its description', () => {
  it.each([
    ['essential', 'Records the consent choices the visitor made in the cookie banner.', 'x', 'asks-consent'],
    ['essential', 'Protects forms against cross-site request forgery.', 'x', 'security-check'],
    ['essential', 'Distinguishes humans from bots.', 'x', 'security-check'],
    ['essential', 'Keeps the contents of your shopping cart.', 'x', 'empties-cart'],
    ['essential', 'Keeps you signed in.', 'x', 'signs-out'],
    ['essential', 'Sends your requests to the same server (load balancing).', 'x', 'nothing'],
    ['essential', 'Something the site needs.', 'x', 'unknown'],
    ['functional', 'Remembers your language.', 'x', 'forgets-preference'],
    ['functional', 'Keeps the chat window open across pages.', 'x', 'resets-widget'],
    ['functional', 'Remember-me token that logs you back in.', 'x', 'signs-out'],
    ['functional', 'Something optional.', 'x', 'forgets-preference'],
    ['analytics', 'Counts visits.', 'x', 'nothing'],
    ['marketing', 'Google sign-in cookie also used for ads.', 'x', 'signs-out'],
    ['marketing', 'Shows ads to people who are not logged in.', 'x', 'nothing'],
    ['unknown', null, 'x', 'unknown'],
  ] as const)('%s: "%s" -> %s', (category, purpose, name, want) => {
    expect(fromText(category, purpose, name).ifDeleted).toBe(want);
  });

  it('falls back on the name when the purpose says nothing', () => {
    expect(fromText('essential', 'Needed by the site.', 'XSRF-TOKEN').ifDeleted).toBe('security-check');
    expect(fromText('essential', 'Needed by the site.', 'app_session').ifDeleted).toBe('signs-out');
    expect(fromText('essential', 'Needed by the site.', 'OptanonConsent').ifDeleted).toBe('asks-consent');
    expect(fromText('essential', 'Needed by the site.', 'app_session').ifDeletedReason).toContain('name');
  });
});

describe('a cookie nothing identifies: kept when it looks like a sign-in', () => {
  const base = { domain: 'shop.example', value: 'x' };
  it.each([
    [{ name: 'mysid' }, 'first', null],
    [{ name: 'my_sid' }, 'first', 'signs-out'],
    [{ name: 'userToken' }, 'third', 'signs-out'],
    [{ name: '__Host-x' }, 'third', 'signs-out'],
    [{ name: 'k', httpOnly: true }, 'first', 'signs-out'],
    [{ name: 'k', httpOnly: true }, 'third', null],
    [{ name: 'k', value: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig' }, 'first', 'signs-out'],
    [{ name: 'k', value: 'a8F3kQ9zP2mX7vL4tR6wY1nB5cD0eG' }, 'first', 'signs-out'],
    [{ name: 'k', value: 'a8F3kQ9zP2mX7vL4tR6wY1nB5cD0eG' }, 'third', null],
    [{ name: 'theme', value: 'dark' }, 'first', null],
  ] as const)('%o (%s party) -> %s', (cookie, party, want) => {
    expect(guessFromCookie({ ...base, ...cookie }, party)?.ifDeleted ?? null).toBe(want);
  });

  it('overrules a harmless-sounding guess, but not a vendor-free analytics guess without sign-in words', () => {
    expect(
      fallbackConsequence('unknown', null, { name: 'k', domain: 'a.example', httpOnly: true }, 'first').ifDeleted,
    ).toBe('signs-out');
    expect(
      fallbackConsequence('marketing', 'Probably used to show ads.', { name: 'ad_id', domain: 'ads.example' }, 'third')
        .ifDeleted,
    ).toBe('nothing');
    expect(
      fallbackConsequence(
        'marketing',
        'Probably used to show ads.',
        { name: 'ad_session', domain: 'ads.example' },
        'third',
      ).ifDeleted,
    ).toBe('signs-out');
  });
});

describe('several candidates', () => {
  it('takes the costliest consequence and says so', () => {
    const c = combine([
      { ifDeleted: 'nothing', ifDeletedReason: 'a' },
      { ifDeleted: 'signs-out', ifDeletedReason: 'b' },
    ]);
    expect(c.ifDeleted).toBe('signs-out');
    expect(c.ifDeletedReason).toContain('one of the vendors');
  });
});
