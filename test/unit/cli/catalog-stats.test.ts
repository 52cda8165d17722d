import { describe, expect, it } from 'vitest';
import { catalogStats } from '../../../src/cli/commands/catalog';
import type { LabellingEntry } from '../../../src/core/catalog-schema';

function entry(vendor: string, origin: LabellingEntry['origin'] = 'vendor-documentation'): LabellingEntry {
  return {
    id: `${vendor}-x`,
    name: 'x',
    vendor,
    category: 'functional',
    purpose: 'p',
    lifetime: { kind: 'session' },
    party: 'first',
    domains: [],
    origin,
  };
}

describe('catalogStats', () => {
  it('counts vendors whose names are those of object properties like any other', () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'Acme'];
    const stats = catalogStats([...names.map((n) => entry(n)), entry('constructor')]);
    expect(stats.vendors).toBe(names.length);
    expect(stats.entries).toBe(names.length + 1);
    const counted = Object.entries(JSON.parse(JSON.stringify(stats.byVendor)) as Record<string, number>);
    expect(counted.sort()).toEqual(
      [
        ['constructor', 2],
        ['__proto__', 1],
        ['toString', 1],
        ['hasOwnProperty', 1],
        ['Acme', 1],
      ].sort(),
    );
  });

  it('counts every entry once per category and origin', () => {
    const stats = catalogStats([entry('A'), entry('B', 'open-cookie-database')]);
    expect(stats.byCategory.functional).toBe(2);
    expect(Object.values(stats.byOrigin).reduce((a, b) => a + b, 0)).toBe(2);
  });
});
