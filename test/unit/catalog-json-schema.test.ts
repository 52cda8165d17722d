import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CATALOG_SCHEMA_FILE } from '../../src/core/catalog-format';
import {
  BAD_NAME_CHARS,
  DOMAIN,
  EMBEDDED_CATEGORIES,
  ENTRY_CATEGORIES,
  ENTRY_FIELDS,
  ENTRY_IF_DELETED,
  entrySchema,
  FILE_FIELDS,
  fileSchema,
  MAX_PURPOSE_LENGTH,
  ORIGINS,
  validateCatalogFile,
} from '../../src/core/catalog-schema';
import { parseLifetime } from '../../src/core/lifetime';
import { PARTIES } from '../../src/core/types';
import { readCatalogFiles } from '../../src/node/catalog-files';

/**
 * data/catalog-file.schema.json is what editors check a catalog file against as it is typed;
 * src/core/catalog-schema.ts is what the build checks. These tests keep the two saying the same.
 */

interface Node {
  type?: string;
  enum?: string[];
  pattern?: string;
  maxLength?: number;
  required?: string[];
  properties?: Record<string, Node>;
  items?: Node;
  not?: Node;
  oneOf?: Node[];
  allOf?: Array<{ if: Node; then: Node }>;
  definitions?: Record<string, Node>;
}

const DATA = resolve(import.meta.dirname, '../../data');
const schema = JSON.parse(readFileSync(resolve(DATA, CATALOG_SCHEMA_FILE), 'utf8')) as Node & {
  definitions: { entry: Node & { properties: Record<string, Node> } };
};
const file = schema.properties as Record<string, Node>;
const entry = schema.definitions.entry.properties;
// Editors run JSON Schema patterns as JavaScript regular expressions; draft 2020-12 asks for the u flag.
const regex = (node: Node) => new RegExp(node.pattern as string, 'u');
const files = readCatalogFiles(DATA);
const catalogEntries = files.flatMap(({ data }) => (data as { cookies: Array<Record<string, unknown>> }).cookies);

const VALID_ENTRY = {
  name: 'acme_id',
  category: 'functional',
  purpose: 'A choice.',
  lifetime: '1 year',
  party: 'first',
};
const VALID_FILE = { vendor: 'Acme', origin: 'vendor-documentation', source: 'seed:acme.txt', cookies: [VALID_ENTRY] };
const problemsOf = (data: unknown) => validateCatalogFile('data/vendors/acme.json', data).problems;
const entryProblems = (changes: Record<string, unknown>) =>
  problemsOf({ ...VALID_FILE, cookies: [{ ...VALID_ENTRY, ...changes }] });

describe('data/catalog-file.schema.json says what src/core/catalog-schema.ts checks', () => {
  it('has the same fields, in canonical order, and no others', () => {
    expect(Object.keys(file)).toEqual([...FILE_FIELDS]);
    expect(Object.keys(entry)).toEqual([...ENTRY_FIELDS]);
    expect(schema).toMatchObject({ additionalProperties: false });
    expect(schema.definitions.entry).toMatchObject({ additionalProperties: false });
  });

  it('has the same lists of values', () => {
    expect(file.origin.enum).toEqual([...ORIGINS]);
    expect(entry.category.enum).toEqual([...ENTRY_CATEGORIES]);
    expect(entry.party.enum).toEqual([...PARTIES]);
    expect(entry.ifDeleted.enum).toEqual([...ENTRY_IF_DELETED]);
    expect(entry.embeddedCategory.enum).toEqual([...EMBEDDED_CATEGORIES]);
    expect(entry.purpose.maxLength).toBe(MAX_PURPOSE_LENGTH);
    expect(entry.domains.items?.pattern).toBe(DOMAIN.source);
  });

  it('requires, and types, each field as the valibot schema does', () => {
    type Field = v.GenericSchema & { wrapped?: Field; options?: readonly string[] };
    // What a JSON Schema node says of a valibot field: whether it may be left out, and its type.
    const describe = (field: Field) => {
      const inner = field.type === 'optional' && field.wrapped ? field.wrapped : field;
      return {
        required: field.type !== 'optional',
        type: inner.type === 'picklist' ? { enum: inner.options } : { type: inner.type },
      };
    };
    const check = (fields: Record<string, Field>, node: Node & { properties: Record<string, Node> }) => {
      for (const [key, field] of Object.entries(fields)) {
        const { required, type } = describe(field);
        expect(node.required?.includes(key) ?? false, key).toBe(required);
        expect(node.properties[key], key).toMatchObject(type);
      }
    };
    check(fileSchema.entries, schema as Node & { properties: Record<string, Node> });
    check(entrySchema.entries, schema.definitions.entry);
  });

  it('requires the fields the validator requires', () => {
    for (const field of FILE_FIELDS) {
      const { [field]: _dropped, ...rest } = VALID_FILE as Record<string, unknown>;
      expect(problemsOf(rest).length > 0, field).toBe(schema.required?.includes(field));
    }
    for (const field of ENTRY_FIELDS) {
      if (field === 'name' || field === 'pattern') continue;
      expect(entryProblems({ [field]: undefined }).length > 0, field).toBe(
        schema.definitions.entry.required?.includes(field),
      );
    }
    // Exactly one of name and pattern.
    expect(schema.definitions.entry.oneOf).toEqual([{ required: ['name'] }, { required: ['pattern'] }]);
    expect(entryProblems({ name: undefined })).not.toEqual([]);
    expect(entryProblems({ pattern: 'acme_*' })).not.toEqual([]);
  });

  it('asks for domains on a generic entry and an essential or functional category beside embeddedCategory', () => {
    const rules = schema.definitions.entry.allOf ?? [];
    const generic = rules.find((r) => r.if.required?.includes('generic'));
    expect(generic?.then).toEqual({ required: ['domains'], properties: { domains: { minItems: 1 } } });
    expect(entryProblems({ generic: true })).not.toEqual([]);
    expect(entryProblems({ generic: true, domains: ['acme.com'] })).toEqual([]);
    const embedded = rules.find((r) => r.if.required?.includes('embeddedCategory'));
    const allowed = embedded?.then.properties?.category.enum ?? [];
    for (const category of ENTRY_CATEGORIES) {
      expect(entryProblems({ category, embeddedCategory: 'marketing' }).length === 0, category).toBe(
        allowed.includes(category),
      );
    }
  });

  it('compiles every pattern as a JavaScript regular expression with the u flag', () => {
    const patterns: string[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === 'object' && value !== null) {
        for (const [key, child] of Object.entries(value)) {
          if (key === 'pattern' && typeof child === 'string') patterns.push(child);
          else walk(child);
        }
      }
    };
    walk(schema);
    expect(patterns.length).toBeGreaterThan(5);
    for (const p of patterns) expect(() => new RegExp(p, 'u'), p).not.toThrow();
  });

  it('accepts the lifetimes the validator accepts', () => {
    const samples = [
      ...new Set(catalogEntries.map((e) => e.lifetime as string)),
      ...['session', 'unknown', 'variable: x', 'variable: ', 'variable:x', 'Session', '1 Year', '20 mins'],
      ...['0 days', '00 days', '0.0 hours', '0.5 days', '1.25 years', '01 day', '1 days', '1 year ', ' 1 year'],
      ...['1e3 days', '-1 day', '1. day', '.5 day', '1  year', '2 fortnights', '', 'variable: two\nlines'],
    ];
    const pattern = regex(entry.lifetime);
    // Where they could differ: a positive duration so short it rounds to 0 seconds, which no one writes.
    for (const text of samples) expect(pattern.test(text), JSON.stringify(text)).toBe(parseLifetime(text) !== null);
  });

  it('rejects the characters the validator rejects in a name, and names that are patterns', () => {
    const name = regex(entry.name);
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const text = `a${String.fromCharCode(code)}b`;
      expect(name.test(text), `U+${code.toString(16)}`).toBe(!BAD_NAME_CHARS.test(text));
    }
    const notPattern = regex(entry.name.not as Node);
    for (const text of ['_ga', 'a*', '*', 'LPSID-{siteId}', '{x}', 'a{1}', 'a{}', 'a}', 'a{b']) {
      expect(!notPattern.test(text), text).toBe(entryProblems({ name: text }).length === 0);
    }
  });

  it('accepts the patterns the validator accepts', () => {
    const pattern = regex(entry.pattern);
    const samples = [
      ...catalogEntries.flatMap((e) => (typeof e.pattern === 'string' ? [e.pattern] : [])),
      ...['_ga_*', '*-lpuw', 'LPSID-{siteId}', '{userId}_spring_*', 'a*b*c', 'x{a}y{b}z', 'a{b-c_1}*'],
      ...['*', '{id}', '**', 'a**', 'a*{id}', '{id}*a', 'acme', 'LPSID-{siteId', 'a}*', 'a{1x}*', 'a{}*'],
      ...['a b*', 'a;*', 'a=*', 'a"*', 'a\\*', '\u200ba*', 'a*\u00ad', 'a*\t', '*{a}b', 'a*\u00e9'],
    ];
    for (const text of samples) {
      expect(pattern.test(text), text).toBe(entryProblems({ name: undefined, pattern: text }).length === 0);
    }
  });

  it('accepts every file of the catalog by these rules: its fields, values and patterns', () => {
    for (const { path, data } of files) {
      const top = data as Record<string, unknown>;
      expect(
        Object.keys(top).filter((k) => !(k in file)),
        path,
      ).toEqual([]);
      for (const e of top.cookies as Array<Record<string, unknown>>) {
        const where = `${path}: ${e.name ?? e.pattern}`;
        expect(
          Object.keys(e).filter((k) => !(k in entry)),
          where,
        ).toEqual([]);
        for (const [key, value] of Object.entries(e)) {
          const rule = entry[key];
          if (rule.enum) expect(rule.enum, where).toContain(value);
          if (rule.pattern) expect(regex(rule).test(value as string), `${where}: ${key}`).toBe(true);
        }
      }
    }
  });
});
