import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { record } from '../../test/support/records';
import { compareByName, compareText, firstByName } from './name-order';

describe('the order by name', () => {
  it('orders numbers in names by value and ignores case, with a fixed order for ties', () => {
    expect(['c10', 'c9', 'C9', 'b'].sort(compareText)).toEqual(['b', 'C9', 'c9', 'c10']);
  });

  it('breaks ties of name by domain, then by key', () => {
    const a = record('sid', 'analytics', { domain: 'b.test' });
    const b = record('sid', 'analytics', { domain: 'a.test' });
    expect([a, b].sort(compareByName)).toEqual([b, a]);
  });

  it('picks the same first records as sorting them all would', () => {
    const names = fc.array(fc.string({ maxLength: 4 }), { maxLength: 60 });
    fc.assert(
      fc.property(names, fc.integer({ min: 0, max: 70 }), (list, count) => {
        const records = list.map((name, i) => record(name, 'analytics', { domain: `d${i % 3}.test`, path: `/${i}` }));
        const expected = [...records].sort(compareByName).slice(0, count);
        expect(firstByName(records, count).map((r) => r.key)).toEqual(expected.map((r) => r.key));
      }),
    );
  });
});
