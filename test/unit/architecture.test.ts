import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers, LAYERS } from '../../scripts/lib/layers';

/**
 * The layers of src/ (scripts/lib/layers.ts): core ← shared ← background, ui ← popup, devtools;
 * core, shared ← node ← cli; src never imports scripts/ or test/; no import cycles.
 */

const ROOT = resolve(import.meta.dirname, '../..');

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the layers of src/', () => {
  it('hold on main', () => {
    expect(checkLayers(ROOT)).toEqual([]);
  });

  it('fail on a forbidden import, a package the layer may not use, a build script and a cycle', () => {
    const root = tree({
      'src/core/a.ts':
        "import { b } from '../background/b';\nimport browser from 'webextension-polyfill';\nexport const a = 1;",
      'src/background/b.ts': 'export const b = 1;',
      'src/ui/c.ts': "import { d } from '../../scripts/d';\nexport const c = d;",
      'scripts/d.ts': 'export const d = 1;',
      'src/shared/e.ts': "import { f } from './f';\nexport const e = f;",
      'src/shared/f.ts': "import { e } from './e';\nexport const f = e;",
      'src/core/a.test.ts': "import { d } from '../../scripts/d';",
    });
    try {
      const why = checkLayers(root).map((v) => `${v.file}: ${v.why}`);
      expect(why.sort()).toEqual(
        [
          'src/core/a.ts: core may not import background',
          'src/core/a.ts: core may not import the package webextension-polyfill',
          'src/shared/e.ts: import cycle: src/shared/e.ts -> src/shared/f.ts -> src/shared/e.ts',
          'src/ui/c.ts: src never imports scripts/',
        ].sort(),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('name every folder of src/', () => {
    expect(Object.keys(LAYERS).sort()).toEqual([
      'background',
      'cli',
      'core',
      'devtools',
      'node',
      'popup',
      'shared',
      'ui',
    ]);
  });
});
