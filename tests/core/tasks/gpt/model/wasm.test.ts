import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { GptConfig, Tuning } from '../../../../../src/core/tasks/gpt/model/config';
import { createGpt } from '../../../../../src/core/tasks/gpt/model/gpt';
import { int2d, randomInts, scrambledWeights } from '../../../../helpers/gpt';

/**
 * The CLI and pretraining run on the wasm backend, which lacks some kernels' gradients (tf.gather's,
 * hence the one-hot embeddings): the forward pass and every trainable gradient run there and agree
 * with the cpu backend.
 */
const CONFIG: GptConfig = { vocab: 11, layers: 2, width: 16, heads: 4, context: 8 };

function run(tuning: Tuning): { logits: Float32Array; grads: Float32Array[] } {
  const gpt = createGpt(CONFIG, 0, { tuning, weights: scrambledWeights(CONFIG, tuning, 1) });
  const out: { logits: Float32Array; grads: Float32Array[] } = { logits: new Float32Array(), grads: [] };
  tf.tidy(() => {
    const tokens = int2d(randomInts(2, 8, CONFIG.vocab, 2));
    const targets = int2d(randomInts(2, 8, CONFIG.vocab, 3));
    out.logits = gpt.forward(tokens).dataSync() as Float32Array;
    const { grads } = tf.variableGrads(() => gpt.loss(tokens, targets, tf.ones([2, 8]) as tf.Tensor2D), gpt.trainable);
    out.grads = gpt.trainable.map((v) => grads[v.name].dataSync() as Float32Array);
  });
  gpt.dispose();
  return out;
}

describe('GPT on the wasm backend', () => {
  it.each<Tuning>([{ mode: 'full' }, { mode: 'lora', rank: 2 }, { mode: 'prefix', length: 2 }])('runs forward and backward and matches the cpu backend ($mode)', async (tuning) => {
    await tf.setBackend('cpu');
    const cpu = run(tuning);
    setWasmPaths(fileURLToPath(new URL('../../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
    expect(await tf.setBackend('wasm')).toBe(true);
    const wasm = run(tuning);
    await tf.setBackend('cpu');
    const close = (a: Float32Array, b: Float32Array) => a.every((v, i) => Math.abs(v - b[i]) <= 1e-5 * (1 + Math.abs(b[i])));
    expect(close(wasm.logits, cpu.logits)).toBe(true);
    expect(wasm.grads.length).toBe(cpu.grads.length);
    wasm.grads.forEach((g, j) => expect(close(g, cpu.grads[j]), String(j)).toBe(true));
  });
});
