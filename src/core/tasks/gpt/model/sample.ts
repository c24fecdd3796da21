import * as tf from '@tensorflow/tfjs';
import type { Stream } from '../../../random/philox';
import type { Gpt } from './gpt';

export interface SampleOptions {
  /** most tokens to add to each sequence (default: the model's context) */
  maxTokens?: number;
  /** a sequence ends when it draws this token (not included in the result) */
  stop?: number;
}

/**
 * `n` continuations of `prompt`, drawn token by token from softmax(logits / temperature) with one
 * uniform of `stream` per live sequence per step (inverse CDF, in float64): the same stream state
 * gives the same sequences. Temperature 0 takes the arg-max and draws nothing. The model sees the
 * last `context` tokens. Returns each continuation without the prompt.
 */
export function sample(gpt: Gpt, prompt: readonly number[], n: number, temperature: number, stream: Stream, options: SampleOptions = {}): number[][] {
  const { vocab: V, context } = gpt.config;
  const maxTokens = options.maxTokens ?? context;
  if (prompt.length < 1) throw new RangeError('gpt sample: the prompt needs at least one token');
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`gpt sample: n must be a positive integer (got ${n})`);
  if (!(temperature >= 0 && Number.isFinite(temperature))) throw new RangeError(`gpt sample: temperature must be ≥ 0 (got ${temperature})`);
  if (!Number.isInteger(maxTokens) || maxTokens < 0) throw new RangeError(`gpt sample: maxTokens must be an integer ≥ 0 (got ${maxTokens})`);
  for (const token of prompt) if (!Number.isInteger(token) || token < 0 || token >= V) throw new RangeError(`gpt sample: prompt token ${token} is outside 0–${V - 1}`);
  const rows = Array.from({ length: n }, () => [...prompt]);
  const out: number[][] = Array.from({ length: n }, () => []);
  const live = new Array<boolean>(n).fill(true);
  for (let step = 0; step < maxTokens && live.includes(true); step++) {
    const T = Math.min(rows[0].length, context);
    const windowRows = rows.map((r) => r.slice(r.length - T));
    const last = tf.tidy(() => {
      const logits = gpt.forward(tf.tensor2d(windowRows, [n, T], 'int32')); // [n, T, V]
      return tf.reshape(tf.slice(logits, [0, T - 1, 0], [n, 1, V]), [n, V]);
    });
    const values = last.dataSync() as Float32Array;
    last.dispose();
    for (let i = 0; i < n; i++) {
      const row = values.subarray(i * V, (i + 1) * V);
      // Every row advances (so windows keep one length); only live rows record and draw.
      const token = live[i] ? draw(row, temperature, stream) : 0;
      rows[i].push(token);
      if (!live[i]) continue;
      if (token === options.stop) live[i] = false;
      else out[i].push(token);
    }
  }
  return out;
}

function draw(logits: Float32Array, temperature: number, stream: Stream): number {
  let best = 0;
  for (let j = 1; j < logits.length; j++) if (logits[j] > logits[best]) best = j;
  if (temperature === 0) return best;
  const weights = Float64Array.from(logits, (l) => Math.exp((l - logits[best]) / temperature));
  let u = stream.uniform() * weights.reduce((a, w) => a + w, 0);
  for (let j = 0; j < weights.length; j++) {
    u -= weights[j];
    if (u < 0) return j;
  }
  return best; // rounding left u ≥ 0 at the end: the top token
}
