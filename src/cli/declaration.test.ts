import { describe, expect, it } from 'vitest';
import { record } from '../../test/support/records';
import { formatCsv } from '../core/export/csv';
import { formatJson } from '../core/export/json';
import { formatMarkdownDeclaration } from '../core/export/markdown';
import { compareDeclaration, parseDeclaration } from './declaration';

const NOW = 1_750_000_000;
const DAY = 86_400;

const declared = [
  record('PHPSESSID', 'essential', { session: true, expirationDate: undefined }, { lifetime: { kind: 'session' } }),
  record(
    '_ga',
    'analytics',
    { expirationDate: NOW + 365 * DAY },
    { lifetime: { kind: 'duration', seconds: 365 * DAY } },
  ),
  record(
    '=cmd',
    'marketing',
    { expirationDate: NOW + 30 * DAY },
    { lifetime: { kind: 'duration', seconds: 30 * DAY } },
  ),
];

const summary = (text: string, file: string) =>
  parseDeclaration(text, file).map((d) => [d.name, d.category ?? null, d.lifetime ?? null]);

const EXPECTED = [
  ['PHPSESSID', 'essential', { kind: 'session' }],
  ['_ga', 'analytics', { kind: 'duration', seconds: 365.25 * DAY }],
  ['=cmd', 'marketing', { kind: 'duration', seconds: 30 * DAY }],
];

describe('parseDeclaration', () => {
  it('reads our Markdown declaration, names in code spans and all', () => {
    const text = formatMarkdownDeclaration(declared, { url: 'https://shop.test/', site: 'shop.test', now: NOW });
    const got = summary(text, 'd.md');
    expect(got.map(([name, category]) => [name, category]).sort()).toEqual(
      EXPECTED.map(([name, category]) => [name, category]).sort(),
    );
    expect(got.find(([name]) => name === '_ga')?.[2]).toEqual({ kind: 'duration', seconds: 365.25 * DAY });
  });

  it('reads our CSV export, undoing the guard against spreadsheet formulas', () => {
    const got = summary(formatCsv(declared), 'd.csv');
    expect(got.map(([name, category]) => [name, category])).toEqual(
      EXPECTED.map(([name, category]) => [name, category]),
    );
  });

  it('reads our JSON export and a plain list of names', () => {
    const json = summary(formatJson(declared, { now: NOW }), 'd.json');
    expect(json.map(([name, category]) => [name, category])).toEqual(
      EXPECTED.map(([name, category]) => [name, category]),
    );
    expect(summary('PHPSESSID\n\n_ga_*\r\n', 'names.txt')).toEqual([
      ['PHPSESSID', null, null],
      ['_ga_*', null, null],
    ]);
  });

  it('names the file and the line of a value it cannot read', () => {
    expect(() => parseDeclaration('name,category\n_ga,tasty\n', 'd.csv')).toThrow(
      /--declaration d\.csv, line 2: "tasty" is not a category/,
    );
    expect(() => parseDeclaration('{"cookies": 3}', 'd.json')).toThrow(/expected a list of cookies/);
    expect(() => parseDeclaration('\n\n', 'empty.txt')).toThrow(/declares no cookies/);
  });
});

describe('compareDeclaration', () => {
  it('finds cookies not declared, declared under another category, and kept longer than declared', () => {
    const set = [
      record('PHPSESSID', 'essential', { session: true, expirationDate: undefined }),
      record('_ga_X1', 'analytics', { expirationDate: NOW + 400 * DAY }),
      record('_fbp', 'marketing', { expirationDate: NOW + 90 * DAY }),
      record('lang', 'functional', { expirationDate: NOW + 400 * DAY }),
      record('mystery', 'unknown', { expirationDate: NOW + DAY }),
    ];
    const drift = compareDeclaration(
      parseDeclaration(
        'name,category,duration\nPHPSESSID,essential,session\n_ga_*,analytics,13 months\n_fbp,analytics,1 day\nlang,functional,session\nmystery,marketing,1 day\n',
        'd.csv',
      ),
      set,
      NOW,
    );
    expect(drift.undeclared).toEqual([]);
    // An unknown label is no evidence against what the site declared.
    expect(drift.otherCategory.map((o) => [o.record.cookie.name, o.declared])).toEqual([['_fbp', 'analytics']]);
    // 400 days is within the rounding of "13 months"; 90 days is not 1 day, nor a year a session.
    expect(drift.longer.map((l) => [l.record.cookie.name, l.declared, l.actual])).toEqual([
      ['_fbp', '1 day', '3 months'],
      ['lang', 'session', '13 months'],
    ]);
    expect(
      compareDeclaration(parseDeclaration('PHPSESSID', 'n.txt'), set, NOW).undeclared.map((r) => r.cookie.name),
    ).toEqual(['_ga_X1', '_fbp', 'lang', 'mystery']);
  });
});
