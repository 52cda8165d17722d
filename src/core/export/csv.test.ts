import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, formatCsv } from './csv';
import { cookieSize, type LabelledCookie } from './labelled-cookie';
import { HOSTILE_TEXT, labelledCookieArb, makeCookie } from './test-support';

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

  it.each(HOSTILE_TEXT.map((t) => [JSON.stringify(t.slice(0, 30)), t]))(
    'round-trips %s in every text column',
    (_, t) => {
      const [row] = rowsOf([
        makeCookie({ name: t, value: t, domain: t, path: t }, { vendor: t, purpose: t, reason: t }),
      ]);
      for (const column of ['name', 'value', 'domain', 'path', 'vendor', 'purpose', 'reason'])
        expect(row[column]).toBe(t);
    },
  );

  it('round-trips any cookie (property)', () => {
    fc.assert(
      fc.property(fc.array(labelledCookieArb, { maxLength: 8 }), (cookies) => {
        const rows = rowsOf(cookies);
        expect(rows).toHaveLength(cookies.length);
        rows.forEach((row, i) => {
          const { cookie, label } = cookies[i];
          expect(row.name).toBe(cookie.name);
          expect(row.value).toBe(cookie.value);
          expect(row.domain).toBe(cookie.domain);
          expect(row.path).toBe(cookie.path);
          expect(row.vendor).toBe(label.vendor ?? '');
          expect(row.purpose).toBe(label.purpose ?? '');
          expect(row.category).toBe(label.category);
          expect(row.http_only).toBe(String(cookie.httpOnly));
          expect(row.size).toBe(String(cookieSize(cookie)));
        });
      }),
      { numRuns: 300 },
    );
  });
});
