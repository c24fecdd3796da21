import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules are enforced by lint (eslint.config.js): dependencies point one way, ui → worker
 * protocol → core, with src/export pure. These cases prove each rule bites, and that what a layer
 * may use stays allowed. (tfjs off the main thread is checked on the import graph: main-thread.test.ts.)
 */
const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}
const importing = (what: string, from: string) => `import * as m from '${from}';\nexport default m;\n${what}`;

describe('layer boundaries', () => {
  it('src/core may not touch the DOM, worker globals, React, Math.random, or the layers above it', async () => {
    expect(await ruleIds('export const w = window.innerWidth;\n', 'src/core/x.ts')).toContain('no-restricted-globals');
    expect(await ruleIds('export const s = self;\n', 'src/core/x.ts')).toContain('no-restricted-globals');
    expect(await ruleIds('export const r = Math.random();\n', 'src/core/x.ts')).toContain('no-restricted-properties');
    for (const from of ['react', 'zustand', '../ui/store', '../worker/protocol', '../export/csv', '../cli/args'])
      expect(await ruleIds(importing('', from), 'src/core/run/x.ts'), from).toContain('no-restricted-imports');
    expect(await ruleIds(importing('', '@tensorflow/tfjs'), 'src/core/x.ts')).toEqual([]);
  });

  it('src/export is pure: core only, no tfjs, no UI or worker', async () => {
    for (const from of ['@tensorflow/tfjs', 'react', '../ui/store', '../worker/protocol'])
      expect(await ruleIds(importing('', from), 'src/export/x.ts'), from).toContain('no-restricted-imports');
    expect(await ruleIds(importing('', '../core/run/codec'), 'src/export/x.ts')).toEqual([]);
  });

  it('src/worker hosts core and never imports the UI or the exports', async () => {
    for (const from of ['../ui/store', 'react', '../export/json'])
      expect(await ruleIds(importing('', from), 'src/worker/x.ts'), from).toContain('no-restricted-imports');
    expect(await ruleIds(importing('', '../core/run/runner'), 'src/worker/x.ts')).toEqual([]);
  });

  it('src/ui may not import tfjs, and sees the worker only through its protocol', async () => {
    expect(await ruleIds(importing('', '@tensorflow/tfjs'), 'src/ui/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(importing('', '../worker/host'), 'src/ui/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(importing('', '../cli/zo'), 'src/ui/x.ts')).toContain('no-restricted-imports');
    for (const from of ['../worker/protocol', '../worker/dataFiles', '../core/run/codec', '../export/json'])
      expect(await ruleIds(importing('', from), 'src/ui/x.ts'), from).toEqual([]);
  });

  it('src/cli runs core and the exports in Node, never the UI or the worker', async () => {
    for (const from of ['../ui/store', '../worker/host', 'react'])
      expect(await ruleIds(importing('', from), 'src/cli/x.ts'), from).toContain('no-restricted-imports');
    expect(await ruleIds(importing('', '../export/pytorch/script'), 'src/cli/x.ts')).toEqual([]);
  });

  it('nobody may eval strings or render raw HTML', async () => {
    expect(await ruleIds("export const f = new Function('return 1');\n", 'src/worker/x.ts')).toContain('no-new-func');
    expect(await ruleIds("export const v = eval('1');\n", 'src/cli/x.ts')).toContain('no-eval');
    expect(await ruleIds('export const A = (p: { h: string }) => <div dangerouslySetInnerHTML={{ __html: p.h }} />;\n', 'src/ui/x.tsx')).toContain(
      'no-restricted-syntax',
    );
  });
});
