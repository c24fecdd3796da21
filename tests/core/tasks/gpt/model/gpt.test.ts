import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TUNING_MODES, parameterCounts, type GptConfig, type Tuning } from '../../../../../src/core/tasks/gpt/model/config';
import { createGpt, type Gpt } from '../../../../../src/core/tasks/gpt/model/gpt';
import { int2d, randomInts, scrambledWeights } from '../../../../helpers/gpt';
import { useCpu } from '../../../../helpers/optimizers';

beforeAll(useCpu);

const CONFIG: GptConfig = { vocab: 27, layers: 2, width: 32, heads: 4, context: 16 };
const TUNINGS: Tuning[] = [{ mode: 'full' }, { mode: 'lora', rank: 4 }, { mode: 'prefix', length: 5 }, { mode: 'bias' }, { mode: 'head' }];

function logitsOf(gpt: Gpt, rows: number[][]): Float32Array {
  let out: Float32Array = new Float32Array();
  tf.tidy(() => {
    out = gpt.forward(int2d(rows)).dataSync() as Float32Array;
  });
  return out;
}

const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('tiny GPT', () => {
  it.each(TUNINGS)('is causal ($mode): changing token t moves no logit before t, and moves those from t on', (tuning) => {
    const weights = scrambledWeights(CONFIG, tuning, 3);
    const gpt = createGpt(CONFIG, 0, { tuning, weights });
    const rows = randomInts(2, CONFIG.context, CONFIG.vocab, 4);
    const t = 9;
    const changed = rows.map((r) => r.map((v, i) => (i === t ? (v + 1) % CONFIG.vocab : v)));
    const [a, b] = [logitsOf(gpt, rows), logitsOf(gpt, changed)];
    const V = CONFIG.vocab;
    for (let row = 0; row < 2; row++) {
      const slice = (x: Float32Array, from: number, to: number) => x.subarray((row * CONFIG.context + from) * V, (row * CONFIG.context + to) * V);
      expect(maxAbsDiff(slice(a, 0, t), slice(b, 0, t))).toBe(0);
      expect(maxAbsDiff(slice(a, t, CONFIG.context), slice(b, t, CONFIG.context))).toBeGreaterThan(1e-3);
    }
    gpt.dispose();
  });

  it('with LoRA at init (B = 0) gives the base model exactly; a non-zero B changes it', () => {
    const base = createGpt(CONFIG, 7);
    const lora = createGpt(CONFIG, 7, { tuning: { mode: 'lora', rank: 4 } });
    const rows = randomInts(3, 12, CONFIG.vocab, 5);
    expect(maxAbsDiff(logitsOf(base, rows), logitsOf(lora, rows))).toBe(0);
    const b = lora.trainableNames.indexOf('transformer.h.1.attn.lora_v_B');
    lora.trainable[b].assign(tf.fill(lora.trainable[b].shape, 0.05));
    expect(maxAbsDiff(logitsOf(base, rows), logitsOf(lora, rows))).toBeGreaterThan(1e-4);
    base.dispose();
    lora.dispose();
  });

  it('counts the parameters of each tuning mode by their closed forms, and freezes the rest as plain tensors', () => {
    const { vocab: V, layers: L, width: C, context: T } = CONFIG;
    const base = V * C + T * C + L * (12 * C * C + 13 * C) + 2 * C; // nanoGPT's layout with biases, tied head
    const expected: Record<string, { trainable: number; total: number }> = {
      full: { trainable: base, total: base },
      lora: { trainable: L * 2 * 4 * (C + C), total: base + L * 2 * 4 * (C + C) }, // r = 4 on query and value
      prefix: { trainable: L * 2 * 5 * C, total: base + L * 2 * 5 * C }, // k = 5 keys and values per layer
      bias: { trainable: L * 13 * C + 2 * C, total: base }, // 9C of biases and 4C of LayerNorm per block, ln_f
      head: { trainable: 12 * C * C + 13 * C + 2 * C, total: base }, // the last block and ln_f
    };
    for (const tuning of TUNINGS) {
      const gpt = createGpt(CONFIG, 1, { tuning });
      expect({ trainable: gpt.numTrainable, total: gpt.numTotal }, tuning.mode).toEqual(expected[tuning.mode]);
      expect(parameterCounts(CONFIG, tuning), tuning.mode).toEqual(expected[tuning.mode]);
      expect(gpt.trainable.reduce((a, v) => a + v.size, 0)).toBe(gpt.numTrainable);
      for (const [name, tensor] of Object.entries(gpt.params)) {
        const trained = gpt.trainableNames.includes(name);
        expect(tensor instanceof tf.Variable, `${tuning.mode}: ${name}`).toBe(trained);
      }
      gpt.dispose();
    }
  });

  it('draws nanoGPT’s init from the seed: N(0, 0.02²) matrices, residual projections 0.02/√(2·layers), zero biases, unit gains', () => {
    const big: GptConfig = { vocab: 64, layers: 4, width: 64, heads: 4, context: 64 };
    const a = createGpt(big, 11);
    const b = createGpt(big, 11);
    const c = createGpt(big, 12);
    const [wa, wb, wc] = [a.weights(), b.weights(), c.weights()];
    const std = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);
    for (const name of Object.keys(wa)) {
      expect(wb[name], name).toEqual(wa[name]);
      if (name.endsWith('c_proj.weight')) expect(std(wa[name])).toBeCloseTo(0.02 / Math.sqrt(8), 3);
      else if (/ln_(1|2|f)\.weight$/.test(name)) expect(wa[name].every((v) => v === 1)).toBe(true);
      else if (name.endsWith('.bias')) expect(wa[name].every((v) => v === 0)).toBe(true);
      else {
        expect(std(wa[name]), name).toBeCloseTo(0.02, 3);
        expect(wc[name]).not.toEqual(wa[name]);
      }
    }
    [a, b, c].forEach((g) => g.dispose());
  });

  it('starts the prefix from the base model’s own keys and values (MeZO), so a fresh prefix run is not the base model', () => {
    const base = createGpt(CONFIG, 2);
    const prefix = createGpt(CONFIG, 2, { tuning: { mode: 'prefix', length: 3 } });
    const k = prefix.params['transformer.h.0.attn.prefix_k'].dataSync();
    expect(k.some((v) => v !== 0)).toBe(true);
    const rows = randomInts(1, 6, CONFIG.vocab, 8);
    expect(maxAbsDiff(logitsOf(base, rows), logitsOf(prefix, rows))).toBeGreaterThan(0);
    base.dispose();
    prefix.dispose();
  });

  it('returns attention rows that are causal distributions over prefix + tokens', () => {
    const gpt = createGpt(CONFIG, 0, { tuning: { mode: 'prefix', length: 2 }, weights: scrambledWeights(CONFIG, { mode: 'prefix', length: 2 }, 9) });
    const att = gpt.attention([1, 2, 3, 4, 5], 1, 3);
    expect(att.shape).toEqual([5, 7]);
    const rows = att.arraySync();
    rows.forEach((row, t) => {
      expect(row.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 5);
      row.forEach((v, s) => (s > 2 + t ? expect(v).toBe(0) : expect(v).toBeGreaterThan(0)));
    });
    att.dispose();
    expect(() => gpt.attention([1, 2], 2, 0)).toThrow(RangeError);
    expect(() => gpt.attention([1, 2], 0, 4)).toThrow(RangeError);
    gpt.dispose();
  });

  it('refuses settings outside their domains with a RangeError naming the domain', () => {
    expect(() => createGpt({ ...CONFIG, layers: 5 }, 0)).toThrow(/layers must be an integer in 1–4/);
    expect(() => createGpt({ ...CONFIG, width: 8 }, 0)).toThrow(/width must be an integer in 16–128/);
    expect(() => createGpt({ ...CONFIG, heads: 9 }, 0)).toThrow(/heads must be an integer in 1–8/);
    expect(() => createGpt({ ...CONFIG, context: 65 }, 0)).toThrow(/context must be an integer in 8–64/);
    expect(() => createGpt({ ...CONFIG, width: 36, heads: 8 }, 0)).toThrow(/divisible by heads/);
    expect(() => createGpt(CONFIG, 0, { tuning: { mode: 'lora', rank: 9 } })).toThrow(/lora rank must be an integer in 1–8/);
    expect(() => createGpt(CONFIG, 0, { tuning: { mode: 'prefix', length: 0 } })).toThrow(/prefix length must be an integer in 1–8/);
    expect(() => createGpt({ ...CONFIG, vocab: 1 }, 0)).toThrow(/vocab must be an integer in 2–1024/);
    expect(() => createGpt(CONFIG, 0, { tuning: { mode: 'adapter' } as unknown as Tuning })).toThrow(new RegExp(`one of ${TUNING_MODES.join(', ')}`));
    const gpt = createGpt(CONFIG, 0);
    expect(() => gpt.forward(int2d(randomInts(1, 17, 27, 0)))).toThrow(/sequence length must be in 1–16/);
    gpt.dispose();
  });
});
