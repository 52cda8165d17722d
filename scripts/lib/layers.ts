import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The architecture as data: which folder of `src/` may import which, and which packages. Checked
 * by `checkLayers` on every `npm test` (test/unit/architecture.test.ts), so a forbidden import
 * fails the build instead of waiting for a reviewer. Product code never imports `scripts/` or
 * `test/`, and no two modules import each other in a circle. Tests (`*.test.ts` beside the module
 * they test) are not shipped and may import anything: fakes from test/, the build's plugins.
 */

export interface LayerRule {
  /** Folders of src/ this layer may import from (its own included). */
  may: readonly string[];
  /** Packages it may import: a name, a prefix ending in `*`, or `*` for any. */
  packages: readonly string[];
}

const PAGE_PACKAGES = ['preact', 'preact/*', 'webextension-polyfill'];

export const LAYERS: Readonly<Record<string, LayerRule>> = {
  // Pure: no browser, DOM or Node API, so the worker, the pages, the CLI and the tests share it.
  core: { may: ['core'], packages: ['tldts', '@iabtcf/core', 'valibot'] },
  shared: { may: ['core', 'shared'], packages: ['virtual:catalog', 'virtual:domain-owners', 'valibot'] },
  background: { may: ['core', 'shared', 'background'], packages: ['webextension-polyfill', 'valibot'] },
  ui: { may: ['core', 'shared', 'ui'], packages: PAGE_PACKAGES },
  popup: { may: ['core', 'shared', 'ui', 'popup'], packages: PAGE_PACKAGES },
  devtools: { may: ['core', 'shared', 'ui', 'devtools'], packages: PAGE_PACKAGES },
  node: { may: ['core', 'shared', 'node'], packages: ['*'] },
  cli: { may: ['core', 'shared', 'node', 'cli'], packages: ['*'] },
};

export interface Violation {
  file: string;
  import: string;
  why: string;
}

/** Every import of every module under `src` that breaks a rule, and every import cycle. */
export function checkLayers(root: string, layers: Readonly<Record<string, LayerRule>> = LAYERS): Violation[] {
  const src = join(root, 'src');
  const violations: Violation[] = [];
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const rel = relative(root, file);
    const layer = relative(src, file).split('/')[0];
    const isTest = /\.test\.tsx?$/.test(file);
    const rule = layers[layer];
    if (!rule) {
      if (statSync(file).isFile() && dirname(file) !== src) {
        violations.push({ file: rel, import: '', why: `src/${layer} is not a layer: add it to LAYERS` });
      }
      continue;
    }
    const edges: string[] = [];
    graph.set(file, edges);
    if (isTest) continue;
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = resolveModule(dirname(file), spec);
        if (!target) continue;
        const targetRel = relative(root, target);
        if (!targetRel.startsWith('src/')) {
          violations.push({ file: rel, import: spec, why: `src never imports ${targetRel.split('/')[0]}/` });
          continue;
        }
        const targetLayer = relative(src, target).split('/')[0];
        if (!rule.may.includes(targetLayer)) {
          violations.push({ file: rel, import: spec, why: `${layer} may not import ${targetLayer}` });
        }
        edges.push(target);
      } else if (!packageAllowed(spec, rule.packages)) {
        violations.push({ file: rel, import: spec, why: `${layer} may not import the package ${spec}` });
      }
    }
  }
  for (const cycle of cycles(graph)) {
    violations.push({
      file: relative(root, cycle[0]),
      import: '',
      why: `import cycle: ${cycle.map((f) => relative(root, f)).join(' -> ')}`,
    });
  }
  return violations;
}

function packageAllowed(spec: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => a === '*' || a === spec || (a.endsWith('*') && spec.startsWith(a.slice(0, -1))));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Static and dynamic imports and re-exports, as TypeScript reads them; type-only imports count too. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function resolveModule(fromDir: string, spec: string): string | null {
  const base = resolve(fromDir, spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The strongly connected components with more than one module (Tarjan), each as a cycle to report. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, indices.get(w) as number));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push([...component.sort(), component[0]]);
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}
