import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The pages get labels from the worker: they must not pull the catalog or the labelling code into
 * their bundle, and cookie text must never reach the DOM as HTML.
 */

const SRC = resolve(import.meta.dirname, '../../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'messages' ? [] : sources(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

// Core modules with no data and no dependencies, cheap enough to share with the pages.
const PAGE_SAFE_CORE = ['/core/lifetime', '/core/deletion-policy', '/core/types', '/core/cookie-key'];

const files = [...sources(join(SRC, 'ui')), ...sources(join(SRC, 'popup'))];

describe.each(files.map((f) => [relative(SRC, f), readFileSync(f, 'utf8')]))('%s', (_, text) => {
  it('imports only types and the small pure helpers from src/core, never the catalog', () => {
    expect(text).not.toMatch(/virtual:catalog/);
    for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)) {
      if (m[2].includes('/core/') && !PAGE_SAFE_CORE.some((safe) => m[2].endsWith(safe))) {
        expect(m[1], `import from ${m[2]}`).toBe('type ');
      }
    }
  });

  it('never writes HTML', () => {
    expect(text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/);
  });
});

it('finds the page sources', () => {
  expect(files.length).toBeGreaterThan(10);
});
