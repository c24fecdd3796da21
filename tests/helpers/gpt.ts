import * as tf from '@tensorflow/tfjs';
import { Stream } from '../../src/core/random/philox';
import { baseShapes, extraShapes, sizeOf, type GptConfig, type Tuning } from '../../src/core/tasks/gpt/model/config';

/**
 * Weights far from the init (every tensor non-zero: gains around 1, biases, LoRA B and prefixes
 * included), so the reference comparisons exercise every term with logits of order 1.
 */
export function scrambledWeights(config: GptConfig, tuning: Tuning, seed: number): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  [...baseShapes(config), ...extraShapes(config, tuning)].forEach(([name, shape], index) => {
    const rng = new Stream(seed, 0x7e57, index);
    const gain = /\.ln_(1|2|f)\.weight$/.test(name);
    const scale = gain || name.endsWith('.bias') ? 0.2 : name.includes('wte') || name.includes('wpe') || name.includes('prefix') ? 0.8 : 0.5 / Math.sqrt(shape[0]);
    out[name] = Float32Array.from({ length: sizeOf(shape) }, () => (gain ? 1 : 0) + scale * rng.normal());
  });
  return out;
}

/** Integer matrix [rows, cols] of values in [0, n) from a seeded stream. */
export function randomInts(rows: number, cols: number, n: number, seed: number): number[][] {
  const rng = new Stream(seed, 0x1d5);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(n)));
}

export const int2d = (rows: number[][]) => tf.tensor2d(rows, [rows.length, rows[0].length], 'int32');
