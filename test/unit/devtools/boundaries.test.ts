import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Source without comments: a comment may name an API it does not use. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

function using(pattern: RegExp, under = SRC): string[] {
  return files(under)
    .filter((f) => !/\.test\.tsx?$/.test(f))
    .filter((f) => pattern.test(code(f)))
    .map((f) => relative(SRC, f));
}

describe('the devtools panel’s boundaries', () => {
  it('touches chrome.devtools in exactly one file', () => {
    expect(using(/chrome\.devtools/)).toEqual(['devtools/devtools.ts']);
  });

  it('reaches the worker only through the Client: no runtime, cookies or tabs API elsewhere in the panel', () => {
    const panelFiles = using(/\b(chrome|browser)\.(runtime|cookies|tabs)/, join(SRC, 'devtools'));
    // panel.tsx hands the (polyfilled) runtime to the shared client, and nothing else does.
    expect(panelFiles).toEqual(['devtools/panel.tsx']);
    expect(readFileSync(join(SRC, 'devtools/panel.tsx'), 'utf8')).toMatch(
      /createRuntimeClient\((chrome|browser)\.runtime(, \{ permissions: (chrome|browser)\.permissions \})?\)/,
    );
  });

  it('never writes markup from strings and never imports the catalog', () => {
    expect(using(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/, join(SRC, 'devtools'))).toEqual([]);
    expect(using(/virtual:catalog|shared\/labeller|core\/label['"]/, join(SRC, 'devtools'))).toEqual([]);
  });

  it('keeps the export formats pure: no browser or Node APIs in src/core/export', () => {
    expect(using(/\b(chrome|browser|document|window|navigator)\.|from 'node:/, join(SRC, 'core/export'))).toEqual([]);
  });
});
