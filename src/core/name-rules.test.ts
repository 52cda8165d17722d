import { describe, expect, it } from 'vitest';
import { NAME_RULES, nameClues, nameWords } from './name-rules';

describe('nameWords', () => {
  it.each([
    ['ASP.NET_SessionId', 'asp net session id'],
    ['_hjSessionUser_12', 'hj session user 12'],
    ['XMLHttpRequest', 'xml http request'],
    ['PHPSESSID', 'phpsessid'],
    ['wp-settings-1', 'wp settings 1'],
    ['_ga_ABC123', 'ga abc 123'],
    ['', ''],
  ])('%s -> %s', (name, words) => {
    expect(nameWords(name).join(' ')).toBe(words);
  });
});

describe('NAME_RULES', () => {
  it('are written in lower case, as names are compared after lower-casing', () => {
    for (const rule of NAME_RULES) {
      for (const text of [...(rule.words ?? []), ...(rule.contains ?? []), ...(rule.prefixes ?? [])]) {
        expect(text).toBe(text.toLowerCase());
        expect(text).not.toBe('');
      }
    }
  });

  it('each give a purpose and a confidence between the minimum and the ceiling', () => {
    for (const rule of NAME_RULES) {
      expect(rule.purpose).toMatch(/^Probably .+\.$/);
      expect(rule.confidence).toBeGreaterThanOrEqual(0.5);
      expect(rule.confidence).toBeLessThanOrEqual(0.85);
    }
  });
});

describe('nameClues', () => {
  it('names the word that fitted', () => {
    expect(nameClues('csrftoken', 'first').map((c) => c.reason)).toContain('name contains `csrf`');
  });

  it('skips rules meant for the other party', () => {
    expect(nameClues('visitor_id', 'first').map((c) => c.category)).toEqual(['analytics']);
    expect(nameClues('visitor_id', 'third').map((c) => c.category)).toEqual(['marketing']);
  });
});
