import { describe, expect, it } from 'vitest';
import { cookie } from '../../test/support/records';
import { cookieFlags, cookieSize, formatExpiry, formatLifetime, labelBasis, partyName } from './format';

const NOW = 1_700_000_000;

describe('formatLifetime', () => {
  it('calls a session cookie a session cookie', () => {
    expect(formatLifetime({ session: true }, NOW)).toBe('Until the browser closes');
  });

  it.each([
    [31_557_600, '1 year'],
    [13 * 2_629_800, '13 months'],
    [2 * 86_400 + 100, '2 days'],
    [20 * 60, '20 minutes'],
    [59, '59 seconds'],
    [0, 'Expires now'],
  ])('says %i seconds left as "%s"', (left, text) => {
    expect(formatLifetime({ session: false, expirationDate: NOW + left }, NOW)).toBe(text);
  });
});

describe('cookie facts', () => {
  it('lists flags, leaving out an unspecified SameSite', () => {
    expect(cookieFlags(cookie({ name: 'a', secure: true, httpOnly: true, sameSite: 'unspecified' }))).toEqual([
      'Secure',
      'HttpOnly',
    ]);
    expect(
      cookieFlags(
        cookie({
          name: 'a',
          secure: true,
          sameSite: 'no_restriction',
          partitionKey: { topLevelSite: 'https://a.test' },
        }),
      ),
    ).toEqual(['Secure', 'SameSite=None', 'Partitioned']);
  });

  it('says how a label was found and how sure it is', () => {
    expect(labelBasis('exact', 0.95)).toBe('Known name, 95% sure');
    expect(labelBasis('heuristic', 0.4)).toBe('Guessed from the name, 40% sure');
    expect(labelBasis('none', 0)).toBe('Not identified');
  });

  it('counts size in UTF-8 bytes of name and value', () => {
    expect(cookieSize({ name: 'ab', value: 'é' })).toBe(4);
  });

  it('gives a session cookie no date', () => {
    expect(formatExpiry({ session: true })).toMatch(/browser closes/);
    expect(formatExpiry({ session: false, expirationDate: NOW })).toMatch(/2023/);
  });

  it('names each party', () => {
    expect([partyName('first'), partyName('third'), partyName('unknown')]).toEqual([
      'First party',
      'Third party',
      'Party unknown',
    ]);
  });
});
