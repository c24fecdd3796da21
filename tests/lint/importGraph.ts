import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/**
 * The runtime import graph of a TypeScript entry: static imports and re-exports (type-only ones are
 * erased by the compiler, so they are skipped), side-effect imports and dynamic `import()`s. Relative
 * specifiers are resolved as Vite resolves them (.ts, .tsx, index files); a `?raw` import is a leaf;
 * anything else is a package, recorded by name. `new Worker(new URL(…))` is another thread and is not
 * followed.
 */
export interface ImportGraph {
  /** Module → the module that first imported it (the entry maps to null). */
  parents: Map<string, string | null>;
  /** Package specifier → the first module that imports it. */
  packages: Map<string, string>;
}

const STATIC = /^\s*(import|export)\s+(type\s+)?([^'";]*?\bfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolveRelative(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  for (const ext of EXTENSIONS) {
    const path = base + ext;
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  throw new Error(`${from}: cannot resolve '${specifier}'`);
}

/** The specifiers a module imports at run time. */
export function runtimeImports(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(STATIC)) {
    const typeOnly = m[2] !== undefined || /^\s*(import|export)\s+type\b/.test(m[0]);
    if (!typeOnly) out.push(m[4]);
  }
  for (const m of source.matchAll(DYNAMIC)) out.push(m[1]);
  return out;
}

export function importGraph(entry: string): ImportGraph {
  const parents = new Map<string, string | null>([[entry, null]]);
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        if (!packages.has(specifier)) packages.set(specifier, file);
        continue;
      }
      const [path, query] = specifier.split('?');
      const target = resolveRelative(file, path);
      if (parents.has(target)) continue;
      parents.set(target, file);
      if (query === undefined && /\.tsx?$/.test(target)) queue.push(target);
    }
  }
  return { parents, packages };
}

/** "a → b → c": how the entry reaches `file`, in paths relative to `root`. */
export function chainTo(graph: ImportGraph, file: string, root: string): string {
  const chain: string[] = [];
  for (let at: string | null | undefined = file; at; at = graph.parents.get(at)) chain.unshift(relative(root, at));
  return chain.join(' → ');
}
