import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../src/core/run/codec';
import { bpe, spam } from '../../../src/core/tasks/gpt/data/assets';
import { PROMPT_CHECKPOINT_FILE, heldOut, kShot, labelWords, promptInput, templateOf, type Example } from '../../../src/core/tasks/gpt/prompt';
import { GPT_BROWN_CONFIG } from '../../../src/core/tasks/gpt/pretrained/checkpoints';
import { pytorchScript, scriptAssets } from '../../../src/export/pytorch/script';
import { python, requireTorch, torchPython } from '../../helpers/python';
import { make, setUpTasks, value } from '../../helpers/tasks';

/**
 * prompt-classify's script against the playground: the embedded checkpoint is the committed file to
 * the bit, the embedded k-shot set is the run's (its seed's) and the held-out messages are all of
 * them, as the playground's BPE ids; with torch, the script's step-0 eval loss and accuracy are the
 * playground's (the same weights: the checkpoint, LoRA's B = 0) and its d is the playground's.
 */
const dir = mkdtempSync(join(tmpdir(), 'zo-torch-prompt-'));
const dataFile = (name: string) => new Uint8Array(readFileSync(join('public', 'data', name)));

function writeScript(hash: string): string {
  const { config } = decodeConfig(hash);
  const script = pytorchScript(config, 0, Object.fromEntries(scriptAssets(config.task.id).map((n) => [n, dataFile(n)])));
  if (!script.ok) throw new Error(script.reason);
  const file = join(dir, `${createHash('sha1').update(hash).digest('hex')}.py`);
  writeFileSync(file, script.text);
  return file;
}

/** A module-level expression of the script, evaluated from its assignments alone (no torch needed). */
function evalInScript(file: string, expression: string): unknown {
  const evaluate = [
    'import ast, base64, hashlib, json, sys',
    'tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())',
    'body = [n for n in tree.body if isinstance(n, ast.Assign) and not any(isinstance(x, ast.Call) for x in ast.walk(n.value))]',
    'scope = {"base64": base64, "hashlib": hashlib}',
    'exec(compile(ast.Module(body=body, type_ignores=[]), sys.argv[1], "exec"), scope)',
    'print(json.dumps(eval(sys.argv[2], scope)))',
  ].join('\n');
  return JSON.parse(execFileSync(python!, ['-c', evaluate, file, expression], { stdio: 'pipe', maxBuffer: 64 << 20 }).toString());
}

const rows = (examples: readonly Example[], template: string) => {
  const tok = bpe();
  const words = labelWords().map((w) => tok.encode(w));
  return examples.map((ex) => [ex.label, ex.text, promptInput(tok, ex.text, template, GPT_BROWN_CONFIG.context, words)]);
};

beforeAll(setUpTasks);

describe('PyTorch export: prompt-classify', () => {
  it('embeds the checkpoint to the bit, the run’s k-shot set and every held-out message as the playground’s BPE ids', () => {
    if (!python) throw new Error('python3 is required to read the exported script');
    const hash = '#task=prompt-classify&t.k=64&t.template=it-is&seed=7&lane=zo-sgd';
    const file = writeScript(hash);
    const settings = decodeConfig(hash).config.task.settings;
    const template = templateOf(settings);
    expect(template).toBe(' It is');
    expect(evalInScript(file, 'TRAIN')).toEqual(rows(kShot(spam(), 64, 7), template));
    expect(evalInScript(file, 'EVAL')).toEqual(rows(heldOut(spam()), template));
    expect(evalInScript(file, 'LABEL_TOKENS')).toEqual(labelWords().map((w) => bpe().encode(w)[0]));
    const sha = createHash('sha256').update(dataFile(PROMPT_CHECKPOINT_FILE)).digest('hex');
    expect(evalInScript(file, 'hashlib.sha256(base64.b64decode(CHECKPOINT)).hexdigest()')).toBe(sha);
  });

  it.for(['full', 'lora&t.rank=2'])('tune=%s: the playground’s d, and at step 0 the playground’s eval loss and zero-shot accuracy', (tune, ctx) => {
    requireTorch(ctx);
    const hash = `#task=prompt-classify&t.tune=${tune}&seed=3&lane=zo-sgd`;
    const { config } = decodeConfig(hash);
    const task = make('prompt-classify', config.task.settings, config.seed);
    const [loss, accuracy] = task.evaluate().map(value);
    const d = task.numParams;
    task.dispose();
    const driver = [
      'import importlib.util, json, sys',
      'import torch',
      'spec = importlib.util.spec_from_file_location("exported", sys.argv[1])',
      'm = importlib.util.module_from_spec(spec)',
      'spec.loader.exec_module(m)',
      'task = m.Task(3, torch.device("cpu"))',
      'print(json.dumps([sum(p.numel() for p in task.params), *task.evaluate()]))',
    ].join('\n');
    const out = JSON.parse(execFileSync(torchPython!, ['-c', driver, writeScript(hash)], { stdio: 'pipe', timeout: 120_000, env: { ...process.env, OMP_NUM_THREADS: '1' } }).toString()) as number[];
    expect(out[0]).toBe(d);
    expect(Math.abs(out[1] - loss) / loss).toBeLessThan(1e-4);
    expect(out[2]).toBeCloseTo(accuracy, 6);
  });
});
