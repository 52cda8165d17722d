import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExecutable } from '../../src/node/find-executable';

describe('finding a browser binary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'find-executable-'));
  const present = join(dir, 'browser');
  writeFileSync(present, '');
  const missing = join(dir, 'nothing-here');
  const notFound = () => new Error('install one');

  it('takes the environment variable first, and says when it points nowhere', () => {
    expect(findExecutable('BROWSER_PATH', [missing], notFound, { BROWSER_PATH: present })).toBe(present);
    expect(() => findExecutable('BROWSER_PATH', [present], notFound, { BROWSER_PATH: missing })).toThrow(
      `BROWSER_PATH points at ${missing}, which does not exist.`,
    );
  });

  it('otherwise takes the first candidate that exists, else says how to get one', () => {
    expect(findExecutable('BROWSER_PATH', [missing, present], notFound, {})).toBe(present);
    expect(() => findExecutable('BROWSER_PATH', [missing], notFound, {})).toThrow('install one');
  });
});
