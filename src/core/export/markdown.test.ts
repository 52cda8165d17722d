import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, labelledCookieArb, makeCookie } from '../../../test/support/export-records';
import { CATEGORIES } from '../types';
import type { LabelledCookie } from './labelled-cookie';
import { codeSpan, ENGLISH_DECLARATION, escapeCellText, formatMarkdownDeclaration } from './markdown';

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const MUST_ESCAPE = /[\\`*_[\]<>|~&]/;

/**
 * Reads a cell the way GitHub does: cells split at pipes not preceded by a backslash, `\|` becomes
 * `|` before inline parsing, then either a code span (literal text) or text with backslash escapes
 * and `<br>`. Text holding an unescaped Markdown character throws: the writer must have escaped it.
 */
function readCell(raw: string): string {
  const cell = raw.replace(/^[ \t]+|[ \t]+$/g, '').replaceAll('\\|', '|');
  const span = /^(`+)([\s\S]*?)\1$/.exec(cell);
  if (span && !new RegExp(`(^|[^\`])${span[1]}([^\`]|$)`).test(span[2])) {
    const inner = span[2];
    return inner.startsWith(' ') && inner.endsWith(' ') && !/^ +$/.test(inner) ? inner.slice(1, -1) : inner;
  }
  let out = '';
  for (let i = 0; i < cell.length; i++) {
    if (cell[i] === '\\' && ESCAPABLE.test(cell[i + 1] ?? '')) out += cell[++i];
    else if (cell.startsWith('<br>', i)) {
      out += '\n';
      i += 3;
    } else if (MUST_ESCAPE.test(cell[i]) && cell[i] !== '|') throw new Error(`unescaped ${cell[i]} in ${cell}`);
    else out += cell[i];
  }
  return out;
}

function splitRow(line: string): string[] {
  if (!line.startsWith('| ') || !line.endsWith(' |')) throw new Error(`not a table row: ${line}`);
  const cells: string[] = [];
  let current = '';
  const body = line.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '|' && body[i - 1] !== '\\') {
      cells.push(current);
      current = '';
    } else current += body[i];
  }
  cells.push(current);
  return cells;
}

interface Section {
  heading: string;
  rows: string[][];
}

function parseDeclaration(markdown: string): { title: string; sections: Section[] } {
  const lines = markdown.split('\n');
  const title = lines[0].replace(/^# /, '');
  const sections: Section[] = [];
  for (const line of lines.slice(1)) {
    if (line.startsWith('## ')) sections.push({ heading: readCell(line.slice(3)), rows: [] });
    else if (line.startsWith('|')) {
      const cells = splitRow(line);
      if (cells.length !== 6) throw new Error(`expected 6 cells, got ${cells.length}: ${line}`);
      sections.at(-1)?.rows.push(cells.map(readCell));
    } else if (sections.length > 0 && line !== '') throw new Error(`stray line in a section: ${line}`);
  }
  for (const s of sections) {
    expect(s.rows[0]).toEqual(ENGLISH_DECLARATION.columns);
    expect(s.rows[1]).toEqual(['---', '---', '---', '---', '---', '---']);
    s.rows = s.rows.slice(2);
  }
  return { title, sections };
}

/** What a reader sees in a text cell: line breaks as one kind, edge blanks trimmed. */
function asText(text: string): string {
  return text.replace(/\r\n|\r/g, '\n').replace(/^[ \t]+|[ \t]+$/g, '');
}

function expectedName(name: string): string {
  if (name === '') return ENGLISH_DECLARATION.emptyName;
  return /[\r\n]/.test(name) ? asText(name) : name;
}

function expectedRow({ cookie, label }: LabelledCookie): string[] {
  const s = ENGLISH_DECLARATION;
  return [
    expectedName(cookie.name),
    asText(label.vendor ?? s.unknownVendor),
    s.categories[label.category],
    asText(label.purpose ?? s.unknownPurpose),
    s.duration(label.lifetime),
    s.parties[label.party],
  ];
}

const context = { now: 1_750_000_000, url: 'https://shop.test/', site: 'shop.test' };

describe('codeSpan', () => {
  it('uses a fence longer than any backtick run and pads edges', () => {
    expect(codeSpan('_ga')).toBe('`_ga`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(codeSpan(' a ')).toBe('`  a  `');
    expect(codeSpan('a|b')).toBe('`a\\|b`');
  });
});

describe('escapeCellText', () => {
  it('escapes Markdown and keeps line breaks as <br>', () => {
    expect(escapeCellText('a|b*c*')).toBe('a\\|b\\*c\\*');
    expect(escapeCellText('<img src=x>')).toBe('\\<img src=x\\>');
    expect(escapeCellText('one\r\ntwo\nthree')).toBe('one<br>two<br>three');
  });
});

describe('formatMarkdownDeclaration', () => {
  it('writes one table per category, in the product order, without values', () => {
    const markdown = formatMarkdownDeclaration(
      [
        makeCookie({ name: '_acme', value: 'SECRET-VALUE' }),
        makeCookie(
          { name: 'sid' },
          { category: 'essential', vendor: 'Shop', purpose: 'Keeps you logged in.', lifetime: { kind: 'session' } },
        ),
      ],
      context,
    );
    expect(markdown).toBe(
      [
        '# Cookie declaration for shop.test',
        '',
        'Cookies found on https://shop.test/ on 2025-06-15 by Cookie Inspector.',
        '',
        '## Essential (1)',
        '',
        '| Name | Vendor | Category | Purpose | Duration | Party |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `sid` | Shop | Essential | Keeps you logged in. | Session | First party |',
        '',
        '## Analytics (1)',
        '',
        '| Name | Vendor | Category | Purpose | Duration | Party |',
        '| --- | --- | --- | --- | --- | --- |',
        '| `_acme` | Acme Analytics | Analytics | Counts visits. | 2 years | First party |',
        '',
      ].join('\n'),
    );
    expect(markdown).not.toContain('SECRET-VALUE');
  });

  it('lists a cookie seen on several paths once, sorted by name', () => {
    const { sections } = parseDeclaration(
      formatMarkdownDeclaration(
        [makeCookie({ name: 'b', path: '/x' }), makeCookie({ name: 'b', path: '/y' }), makeCookie({ name: 'a' })],
        context,
      ),
    );
    expect(sections.map((s) => s.heading)).toEqual(['Analytics (2)']);
    expect(sections[0].rows.map((r) => r[0])).toEqual(['a', 'b']);
  });

  it('says so when there are no cookies', () => {
    expect(formatMarkdownDeclaration([], context)).toContain(ENGLISH_DECLARATION.noCookies);
  });

  it('uses the strings it is given', () => {
    const markdown = formatMarkdownDeclaration([makeCookie()], context, {
      ...ENGLISH_DECLARATION,
      title: () => 'Informasjonskapsler',
      categories: { ...ENGLISH_DECLARATION.categories, analytics: 'Statistikk' },
    });
    expect(markdown).toMatch(/^# Informasjonskapsler\n/);
    expect(markdown).toContain('## Statistikk (1)');
  });

  it.each(HOSTILE_TEXT.map((t) => [JSON.stringify(t.slice(0, 30)), t]))('keeps %s intact in every cell', (_, t) => {
    const cookie = makeCookie({ name: t }, { vendor: t, purpose: t });
    const { sections } = parseDeclaration(formatMarkdownDeclaration([cookie], context));
    expect(sections).toHaveLength(1);
    expect(sections[0].rows).toEqual([expectedRow(cookie)]);
  });

  it('gives every cookie its row under its category (property)', () => {
    fc.assert(
      fc.property(fc.array(labelledCookieArb, { maxLength: 10 }), (cookies) => {
        const { title, sections } = parseDeclaration(formatMarkdownDeclaration(cookies, context));
        expect(title).toBe('Cookie declaration for shop.test');
        const present = CATEGORIES.filter((c) => cookies.some((k) => k.label.category === c));
        expect(sections.map((s) => s.heading.replace(/ \(\d+\)$/, ''))).toEqual(
          present.map((c) => ENGLISH_DECLARATION.categories[c]),
        );
        for (const cookie of cookies) {
          const section = sections[present.indexOf(cookie.label.category)];
          expect(section.rows).toContainEqual(expectedRow(cookie));
        }
        for (const section of sections) expect(section.heading).toContain(`(${section.rows.length})`);
      }),
      { numRuns: 300 },
    );
  });
});
