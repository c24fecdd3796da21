import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules are enforced by lint (eslint.config.js); these cases prove the rules bite. */
const eslint = new ESLint();

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries', () => {
  it('src/core may not touch the DOM, worker globals, React or Math.random', async () => {
    expect(await ruleIds('export const w = window.innerWidth;\n', 'src/core/x.ts')).toContain('no-restricted-globals');
    expect(await ruleIds('export const s = self;\n', 'src/core/x.ts')).toContain('no-restricted-globals');
    expect(await ruleIds("import React from 'react';\nexport default React;\n", 'src/core/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds('export const r = Math.random();\n', 'src/core/x.ts')).toContain('no-restricted-properties');
  });

  it('src/ui may not import tfjs, directly or through a tfjs-backed core module', async () => {
    expect(await ruleIds("import * as tf from '@tensorflow/tfjs';\nexport default tf;\n", 'src/ui/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { Runner } from '../core/runner';\nexport default Runner;\n", 'src/ui/x.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import { decodeConfig } from '../core/codec';\nexport default decodeConfig;\n", 'src/ui/x.ts')).toEqual([]);
    // core/tasks is off limits except its specs and pure data modules, which the PyTorch export embeds.
    expect(await ruleIds("import { createDigitsMlp } from '../core/tasks/digits/task';\nexport default createDigitsMlp;\n", 'src/ui/x.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds("import { TASK_FACTORIES } from '../core/tasks';\nexport default TASK_FACTORIES;\n", 'src/ui/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds("import { LEXICON } from '../core/tasks/sentiment/lexicon';\nexport default LEXICON;\n", 'src/ui/x.ts')).toEqual([]);
    expect(await ruleIds("import { TASKS } from '../core/tasks/specs';\nexport default TASKS;\n", 'src/ui/x.ts')).toEqual([]);
    expect(await ruleIds("import { DIGITS_MLP_SPEC } from '../core/tasks/digits/spec';\nexport default DIGITS_MLP_SPEC;\n", 'src/ui/x.ts')).toEqual([]);
  });

  it('nobody may eval strings or render raw HTML', async () => {
    expect(await ruleIds("export const f = new Function('return 1');\n", 'src/worker/x.ts')).toContain('no-new-func');
    expect(await ruleIds("export const v = eval('1');\n", 'src/cli/x.ts')).toContain('no-eval');
    expect(await ruleIds('export const A = (p: { h: string }) => <div dangerouslySetInnerHTML={{ __html: p.h }} />;\n', 'src/ui/x.tsx')).toContain(
      'no-restricted-syntax',
    );
  });
});
