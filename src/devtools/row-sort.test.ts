import { describe, expect, it } from 'vitest';
import { record } from '../../test/support/records';
import { COLUMNS, type ColumnId } from './columns';
import { type SortDirection, sortRows } from './row-sort';

const rows = [
  record('b10', 'marketing', { value: 'xx', domain: 'b.test', session: true, expirationDate: undefined }),
  record('a2', 'essential', { value: 'xxxxxx', domain: 'a.test', expirationDate: 1_900_000_000 }),
  record('B1', 'analytics', { value: 'x', domain: 'c.test', expirationDate: 1_800_000_000, httpOnly: true }),
  record('a10', 'analytics', { value: 'xxx', domain: 'a.test', expirationDate: 1_700_000_000 }),
];

function sorted(column: ColumnId, direction: SortDirection = 'ascending'): string[] {
  const col = COLUMNS.find((c) => c.id === column);
  if (!col) throw new Error(column);
  return sortRows(rows, (r) => r, col, direction).map((r) => r.cookie.name);
}

describe('sortRows', () => {
  it('sorts text naturally and without regard to case', () => {
    expect(sorted('name')).toEqual(['a2', 'a10', 'B1', 'b10']);
    expect(sorted('name', 'descending')).toEqual(['b10', 'B1', 'a10', 'a2']);
  });

  it('sorts numbers as numbers and puts session cookies last by expiry', () => {
    expect(sorted('size')).toEqual(['B1', 'b10', 'a10', 'a2']);
    expect(sorted('expires')).toEqual(['a10', 'B1', 'a2', 'b10']);
  });

  it('sorts categories in the product order and breaks ties by name then domain', () => {
    expect(sorted('category')).toEqual(['a2', 'a10', 'B1', 'b10']);
    expect(sorted('domain')).toEqual(['a2', 'a10', 'b10', 'B1']);
    expect(sorted('httpOnly', 'descending')).toEqual(['B1', 'a2', 'a10', 'b10']);
  });

  it('does not change its input', () => {
    const before = rows.map((r) => r.cookie.name);
    sorted('size');
    expect(rows.map((r) => r.cookie.name)).toEqual(before);
  });
});
