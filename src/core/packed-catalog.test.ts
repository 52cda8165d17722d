import { describe, expect, it } from 'vitest';
import type { LabellingEntry } from './catalog-schema';
import { packCatalog, unpackCatalog } from './packed-catalog';

const entry = (id: string, extra: Record<string, unknown>): LabellingEntry =>
  ({
    id,
    vendor: 'Acme',
    category: 'analytics',
    purpose: `Purpose of ${id}.`,
    lifetime: { kind: 'duration', seconds: 60 },
    party: 'first',
    domains: [],
    origin: 'vendor-documentation',
    ...extra,
  }) as unknown as LabellingEntry;

describe('the packed catalog', () => {
  const entries = [
    entry('acme/a', { name: 'a' }),
    entry('acme/b', { pattern: 'b_*', inferred: true }),
    entry('acme/c', { name: 'c', domains: ['acme.example'], embeddedCategory: 'marketing' }),
    entry('acme/d', { name: 'd', vendor: 'Other' }),
  ];

  it('gives back the same entries, an absent field still absent', () => {
    const back = unpackCatalog(JSON.parse(JSON.stringify(packCatalog(entries))));
    expect(back).toEqual(entries);
    expect(Object.hasOwn(back[0], 'pattern')).toBe(false);
  });

  it('writes repeated words once and a field of varied text as it is', () => {
    const many = Array.from({ length: 20 }, (_, i) => entry(`acme/n${i}`, { name: `n${i}` }));
    const packed = packCatalog(many);
    const worded = (field: string) => packed.worded[packed.fields.indexOf(field)];
    expect(worded('vendor')).toBe(true);
    expect(worded('origin')).toBe(true);
    expect(worded('purpose')).toBe(false);
    expect(worded('lifetime')).toBe(false);
    expect(packed.words.filter((w) => w === 'Acme')).toHaveLength(1);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(many).length * 0.7);
  });

  it('refuses a null value, which a row could not tell from an absent field', () => {
    expect(() => packCatalog([entry('acme/x', { name: 'x', purpose: null })])).toThrow(/acme\/x.*purpose.*null/);
  });
});
