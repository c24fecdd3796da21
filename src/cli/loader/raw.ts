/**
 * Node module hooks for Vite's `?raw` imports (`import code from './task.py?raw'`): the module's
 * default export is the file's text, as Vite gives it in the browser and in vitest. Registered by
 * register.ts (`node --import tsx --import ./src/cli/loader/register.ts …`, the `zo` script).
 * https://nodejs.org/api/module.html#customization-hooks
 */
import { readFile } from 'node:fs/promises';

type Resolved = { url: string; format?: string | null; shortCircuit?: boolean };
type Loaded = { format: string; source?: string | ArrayBuffer | Uint8Array | null; shortCircuit?: boolean };
type NextResolve = (specifier: string, context?: unknown) => Promise<Resolved>;
type NextLoad = (url: string, context?: unknown) => Promise<Loaded>;

const RAW = /\?raw$/;

export async function resolve(specifier: string, context: { parentURL?: string }, nextResolve: NextResolve): Promise<Resolved> {
  if (!RAW.test(specifier)) return nextResolve(specifier, context);
  const url = new URL(specifier.replace(RAW, ''), context.parentURL);
  url.search = '?raw';
  return { url: url.href, shortCircuit: true };
}

export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<Loaded> {
  const parsed = new URL(url);
  if (parsed.search !== '?raw') return nextLoad(url, context);
  parsed.search = '';
  const text = await readFile(parsed, 'utf8');
  return { format: 'module', source: `export default ${JSON.stringify(text)};\n`, shortCircuit: true };
}
