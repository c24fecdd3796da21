import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adamStep, trainGpt } from '../../src/cli/pretrain-gpt';
import { Stream } from '../../src/core/random/philox';
import { gptCheckpoint } from '../../src/core/tasks/gpt/model/checkpoint';
import type { GptConfig } from '../../src/core/tasks/gpt/model/config';
import { createGpt } from '../../src/core/tasks/gpt/model/gpt';
import type { Rows } from '../../src/core/tasks/gpt/pretrained/corpora';

/** The pre-training step on a tiny model: a few Adam steps, reproducible bit for bit from the seed. */
const CONFIG: GptConfig = { vocab: 9, layers: 1, width: 16, heads: 2, context: 8 };

/** Batch `step`: rows of a repeating pattern (learnable), drawn from the step's own stream. */
function batch(dataSeed: number) {
  return (step: number): Rows => {
    const rng = new Stream(dataSeed, step);
    const rows: Rows = { tokens: [], targets: [], mask: [] };
    for (let b = 0; b < 4; b++) {
      const start = rng.int(CONFIG.vocab);
      const seq = Array.from({ length: CONFIG.context + 1 }, (_, t) => (start + 2 * t) % CONFIG.vocab);
      rows.tokens.push(seq.slice(0, -1));
      rows.targets.push(seq.slice(1));
      rows.mask.push(seq.slice(1).map((_, t) => (t < CONFIG.context - b ? 1 : 0)));
    }
    return rows;
  };
}

const train = (seed: number, dataSeed: number, steps: number) => {
  const gpt = trainGpt(CONFIG, seed, 1e-2, steps, batch(dataSeed));
  const bytes = gptCheckpoint(gpt);
  gpt.dispose();
  return bytes;
};

async function backend(name: 'cpu' | 'wasm') {
  if (name === 'wasm') setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  expect(await tf.setBackend(name)).toBe(true);
  await tf.ready();
}

afterAll(() => backend('cpu'));

describe.each(['cpu', 'wasm'] as const)('GPT pre-training step (%s)', (name) => {
  it('the same seed gives the same weights, bit for bit; another init or data seed does not', async () => {
    await backend(name);
    const a = train(1, 2, 4);
    expect(train(1, 2, 4)).toEqual(a);
    expect(train(3, 2, 4)).not.toEqual(a);
    expect(train(1, 5, 4)).not.toEqual(a);
  });

  it('is a tf.train.adam step on the masked loss: the loss falls, no tensor is left behind', async () => {
    await backend(name);
    const gpt = createGpt(CONFIG, 1);
    const optimizer = tf.train.adam(1e-2);
    const rows = batch(2)(1);
    const before = tf.memory().numTensors;
    const first = adamStep(gpt, optimizer, rows);
    const afterFirst = tf.memory().numTensors; // Adam's moments appear on the first step
    let last = first;
    for (let i = 0; i < 30; i++) last = adamStep(gpt, optimizer, rows);
    expect(tf.memory().numTensors).toBe(afterFirst);
    expect(afterFirst - before).toBeLessThanOrEqual(2 * gpt.trainable.length + 2);
    expect(first).toBeCloseTo(Math.log(CONFIG.vocab), 1); // nanoGPT's init: near-uniform predictions
    expect(last).toBeLessThan(first / 2);
    optimizer.dispose();
    gpt.dispose();
  });
});
