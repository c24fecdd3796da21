import * as tf from '@tensorflow/tfjs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGptCheckpoint } from '../../../../../src/core/tasks/gpt/model/checkpoint';
import { baseShapes, extraShapes, type GptConfig, type Tuning } from '../../../../../src/core/tasks/gpt/model/config';
import { createGpt } from '../../../../../src/core/tasks/gpt/model/gpt';
import torchGptPy from '../../../../../src/core/tasks/gpt/torch_gpt.py?raw';
import { useCpu } from '../../../../helpers/optimizers';
import { int2d, randomInts, scrambledWeights } from '../../../../helpers/gpt';
import { requireTorch, torchPython } from '../../../../helpers/python';

/**
 * The tfjs GPT against its PyTorch twin (torch_gpt.py, nanoGPT's module) loading the same checkpoint:
 * logits to float32 precision, and the gradients of the masked loss against torch autograd in float64.
 */
interface Case {
  label: string;
  config: GptConfig;
  tuning: Tuning;
  batch: number;
  time: number;
}

const CASES: Case[] = [
  { label: 'full, 2 heads', config: { vocab: 11, layers: 2, width: 16, heads: 2, context: 8 }, tuning: { mode: 'full' }, batch: 3, time: 8 },
  { label: 'lora r=3 α=6, 4 heads, T < context', config: { vocab: 13, layers: 2, width: 24, heads: 4, context: 12 }, tuning: { mode: 'lora', rank: 3, alpha: 6 }, batch: 2, time: 9 },
  { label: 'prefix k=3, 4 heads', config: { vocab: 11, layers: 2, width: 16, heads: 4, context: 8 }, tuning: { mode: 'prefix', length: 3 }, batch: 3, time: 8 },
  { label: 'bias (BitFit), 3 heads', config: { vocab: 9, layers: 2, width: 24, heads: 3, context: 8 }, tuning: { mode: 'bias' }, batch: 2, time: 6 },
];

const SCRIPT = `
import json, sys
import torch
from torch_gpt import GPT
cases = json.load(open(sys.argv[1]))
out = []
for case in cases:
    blob = open(case["checkpoint"], "rb").read()
    extras = {"lora_alpha": case["alpha"]} if case["alpha"] else {}
    model = GPT.from_checkpoint(blob, **extras)
    tokens = torch.tensor(case["tokens"])
    with torch.no_grad():
        logits32 = model(tokens)
    model = model.double()
    _, loss = model(tokens, torch.tensor(case["targets"]), torch.tensor(case["mask"], dtype=torch.float64))
    loss.backward()
    grads = {name: p.grad.flatten().tolist() for name, p in model.named_parameters()}
    out.append({"logits": logits32.flatten().tolist(), "loss": loss.item(), "grads": grads})
print(json.dumps(out))
`;

interface TorchResult {
  logits: number[];
  loss: number;
  grads: Record<string, number[]>;
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const maxAbs = (a: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
};

describe('GPT vs PyTorch (torch_gpt.py)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gpt-torch-'));
  let torch: TorchResult[] = [];
  const inputs = CASES.map((c, i) => ({
    weights: scrambledWeights(c.config, c.tuning, 10 + i),
    tokens: randomInts(c.batch, c.time, c.config.vocab, 20 + i),
    targets: randomInts(c.batch, c.time, c.config.vocab, 30 + i),
    // about a quarter of the positions masked out
    mask: randomInts(c.batch, c.time, 4, 40 + i).map((row) => row.map((v) => (v === 0 ? 0 : 1))),
  }));

  beforeAll(async () => {
    await useCpu();
    if (!torchPython) return;
    writeFileSync(join(dir, 'torch_gpt.py'), torchGptPy);
    writeFileSync(join(dir, 'check.py'), SCRIPT);
    const manifest = CASES.map((c, i) => {
      const shapes = new Map([...baseShapes(c.config), ...extraShapes(c.config, c.tuning)]);
      const tensors = Object.fromEntries(Object.entries(inputs[i].weights).map(([name, values]) => [name, { shape: shapes.get(name)!, values }]));
      const checkpoint = join(dir, `case${i}.bin`);
      writeFileSync(checkpoint, encodeGptCheckpoint(c.config, tensors));
      const { tokens, targets, mask } = inputs[i];
      return { checkpoint, tokens, targets, mask, alpha: c.tuning.mode === 'lora' ? c.tuning.alpha : null };
    });
    writeFileSync(join(dir, 'cases.json'), JSON.stringify(manifest));
    const stdout = execFileSync(torchPython, [join(dir, 'check.py'), join(dir, 'cases.json')], { cwd: dir, env: { ...process.env, PYTHONPATH: dir }, timeout: 120_000 });
    torch = JSON.parse(stdout.toString()) as TorchResult[];
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.for(CASES.map((c, i) => ({ label: c.label, i })))('$label: the same logits to float32 precision', ({ i }, ctx) => {
    requireTorch(ctx);
    const gpt = createGpt(CASES[i].config, 0, { tuning: CASES[i].tuning, weights: inputs[i].weights });
    let logits: Float32Array = new Float32Array();
    tf.tidy(() => {
      logits = gpt.forward(int2d(inputs[i].tokens)).dataSync() as Float32Array;
    });
    gpt.dispose();
    const reference = torch[i].logits;
    // Logits of order 10 (scrambled weights), agreeing to a few float32 ulps of the largest: < 1e-5 here.
    expect(maxAbs(reference)).toBeGreaterThan(1);
    expect(maxAbsDiff(logits, reference)).toBeLessThan(Math.min(1e-5, 2e-6 * maxAbs(reference)));
  });

  it.for(CASES.map((c, i) => ({ label: c.label, i })))('$label: the masked loss and its gradient w.r.t. every trainable tensor match torch autograd (float64)', ({ i }, ctx) => {
    requireTorch(ctx);
    const { config, tuning } = CASES[i];
    const gpt = createGpt(config, 0, { tuning, weights: inputs[i].weights });
    const { tokens, targets, mask } = inputs[i];
    let value = NaN;
    let grads: ArrayLike<number>[] = [];
    tf.tidy(() => {
      const maskT = tf.tensor2d(mask, [mask.length, mask[0].length], 'float32');
      const result = tf.variableGrads(() => gpt.loss(int2d(tokens), int2d(targets), maskT), gpt.trainable);
      value = result.value.dataSync()[0];
      grads = gpt.trainable.map((v) => result.grads[v.name].dataSync());
    });
    expect(value).toBeCloseTo(torch[i].loss, 5);
    expect(gpt.trainableNames.length).toBeGreaterThan(0);
    gpt.trainableNames.forEach((name, j) => {
      const reference = torch[i].grads[name];
      // float32 against float64: agreement to 1e-5 of the tensor's largest gradient entry
      expect(maxAbs(reference), name).toBeGreaterThan(1e-3);
      expect(maxAbsDiff(grads[j], reference), name).toBeLessThan(1e-5 * maxAbs(reference));
    });
    gpt.dispose();
  });
});
