import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainTo, importGraph, runtimeImports } from './importGraph';

/**
 * The main thread stays light: tfjs lives only in the worker. Lint keeps the layers apart by folder;
 * this test follows every import the page's entry makes at run time (export menus' dynamic imports
 * included) and fails, naming the chain, if any of them reaches a tfjs package.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const entry = /<script type="module" src="\/([^"]+)"/.exec(readFileSync(join(ROOT, 'index.html'), 'utf8'))?.[1];

function tfjsReached(entryFile: string, root: string): string[] {
  const graph = importGraph(entryFile);
  return [...graph.packages]
    .filter(([name]) => name.startsWith('@tensorflow/'))
    .map(([name, file]) => `${chainTo(graph, file, root)} → ${name}`);
}

describe('no tfjs on the main thread', () => {
  it('the page entry named by index.html reaches the UI, the pure core modules and the exports, and no tfjs package', () => {
    expect(entry, 'index.html names its module script').toBeDefined();
    const graph = importGraph(join(ROOT, entry!));
    const files = [...graph.parents.keys()].map((f) => f.slice(ROOT.length + 1));
    // The walk really covers the page: the store, a core module the UI uses, and the lazily loaded export.
    expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/^src\/ui\/store\//), expect.stringMatching(/^src\/core\/run\/codec\.ts$/), expect.stringMatching(/^src\/export\/pytorch\//)]));
    expect([...graph.packages.keys()]).toEqual(expect.arrayContaining(['react', 'zustand']));
    expect(tfjsReached(join(ROOT, entry!), ROOT)).toEqual([]);
  });

  it('names the chain when a UI module reaches tfjs through a core module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zo-graph-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('ui/main.tsx', "import type { Spec } from '../core/types';\nimport { run } from '../core/run';\nexport const x = run;\n");
    write('core/types.ts', "import type * as tf from '@tensorflow/tfjs';\nexport type Spec = tf.Tensor;\n");
    write('core/run.ts', "export { run } from './run/index';\n");
    write('core/run/index.ts', "import * as tf from '@tensorflow/tfjs';\nexport const run = () => import('./lazy');\nexport default tf;\n");
    write('core/run/lazy.ts', 'export const lazy = 1;\n');
    expect(tfjsReached(join(dir, 'ui/main.tsx'), dir)).toEqual(['ui/main.tsx → core/run.ts → core/run/index.ts → @tensorflow/tfjs']);
  });

  it('counts runtime imports only: type-only imports and re-exports are erased', () => {
    const source = [
      "import type { A } from './a';",
      "import { type B, c } from './b';",
      "export type { D } from './d';",
      "export * from './e';",
      "import './side-effect';",
      "const lazy = () => import('./lazy');",
      "import code from './torch.py?raw';",
    ].join('\n');
    expect(runtimeImports(source)).toEqual(['./b', './e', './side-effect', './torch.py?raw', './lazy']);
  });
});
