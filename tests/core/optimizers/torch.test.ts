import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TORCH_OPTIMIZERS } from '../../../src/core/optimizers/torch';
import { CMA_ES_MAX_DIM, OPTIMIZER_IDS, optimizerSpec } from '../../../src/core/optimizers/specs';
import { python } from '../../helpers/python';

/**
 * The optimizers' PyTorch templates are real Python files (src/core/optimizers/<id>/torch.py and the
 * shared pieces in src/core/estimators/torch/): each parses by itself, defines what the script's
 * loop calls, and reads only hyperparameters its optimizer has. (The exported scripts are compiled
 * and run in tests/export/pytorch/script.test.ts.)
 */

const root = (path: string) => fileURLToPath(new URL(`../../../src/core/${path}`, import.meta.url));
const templates = OPTIMIZER_IDS.map((id) => ({ id, file: root(`optimizers/${id}/torch.py`) }));
const shared = readdirSync(root('estimators/torch')).map((name) => root(`estimators/torch/${name}`));

/** Top-level function names of each file, by Python's own parser (a syntax error fails the call). */
function topLevelFunctions(files: string[]): Record<string, string[]> {
  if (!python) throw new Error('python3 is required to parse the PyTorch templates (it is installed on the CI image)');
  const program = [
    'import ast, json, sys',
    'out = {}',
    'for path in sys.argv[1:]:',
    '    tree = ast.parse(open(path, encoding="utf-8").read(), path)',
    '    out[path] = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync(python, ['-c', program, ...files], { stdio: 'pipe' }).toString());
}

describe('PyTorch templates as Python files', () => {
  it('every template and shared piece parses by itself; each template defines init_state and its step', () => {
    const defs = topLevelFunctions([...templates.map((t) => t.file), ...shared]);
    expect(shared.length).toBeGreaterThan(0);
    for (const file of shared) expect(defs[file].length, file).toBeGreaterThan(0);
    for (const { id, file } of templates) {
      expect(defs[file], id).toContain('init_state');
      // Rules that only transform the estimate define `update` and take the shared SPSA train_step.
      const step = TORCH_OPTIMIZERS[id].code.includes('def update(params, slopes, hyper, state)') ? 'update' : 'train_step';
      expect(defs[file], id).toContain(step);
    }
  });

  it('each template reads only hyperparameters its optimizer has', () => {
    for (const id of OPTIMIZER_IDS) {
      const names = new Set(optimizerSpec(id)!.hypers.map((h) => h.name));
      const read = [...TORCH_OPTIMIZERS[id].code.matchAll(/hyper(?:\["|\.get\(")(\w+)"/g)].map((m) => m[1]);
      for (const name of read) expect(names.has(name), `${id} reads hyper["${name}"]`).toBe(true);
    }
    // and OpenAI-ES's rules read their own: no constant betas.
    expect(TORCH_OPTIMIZERS['openai-es'].code).toMatch(/hyper\["beta1"\], hyper\["beta2"\]/);
  });

  it("cma-es's template refuses models at the playground's limit", () => {
    const text = readFileSync(root('optimizers/cma-es/torch.py'), 'utf8');
    expect(text).toMatch(new RegExp(`^CMA_ES_MAX_DIM = ${CMA_ES_MAX_DIM}\\b`, 'm'));
  });
});
