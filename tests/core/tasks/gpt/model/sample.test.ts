import { beforeAll, describe, expect, it } from 'vitest';
import { Stream } from '../../../../../src/core/random/philox';
import type { GptConfig } from '../../../../../src/core/tasks/gpt/model/config';
import { createGpt } from '../../../../../src/core/tasks/gpt/model/gpt';
import { sample } from '../../../../../src/core/tasks/gpt/model/sample';
import { int2d, scrambledWeights } from '../../../../helpers/gpt';
import { useCpu } from '../../../../helpers/optimizers';
import * as tf from '@tensorflow/tfjs';

beforeAll(useCpu);

const CONFIG: GptConfig = { vocab: 6, layers: 1, width: 16, heads: 2, context: 8 };

describe('GPT sampling', () => {
  const gpt = () => createGpt(CONFIG, 0, { weights: scrambledWeights(CONFIG, { mode: 'full' }, 2) });

  it('is a function of the stream: the same seed gives the same sequences, another seed others', () => {
    const g = gpt();
    const draw = (seed: number) => sample(g, [0, 3], 6, 1, new Stream(seed, 1), { maxTokens: 20 });
    const a = draw(1);
    expect(a).toEqual(draw(1));
    expect(a).not.toEqual(draw(2));
    expect(a.every((s) => s.length === 20 && s.every((t) => t >= 0 && t < CONFIG.vocab))).toBe(true);
    g.dispose();
  });

  it('draws the next token with the model’s softmax(logits / T) probabilities, and the arg-max at T = 0', () => {
    const g = gpt();
    const prompt = [1, 4, 2];
    const logits = tf.tidy(() => g.forward(int2d([prompt])).arraySync()[0][prompt.length - 1]) as unknown as number[];
    const temperature = 1.5;
    const z = logits.map((l) => Math.exp(l / temperature));
    const p = z.map((v) => v / z.reduce((a, b) => a + b, 0));
    const n = 3000;
    const counts = new Array<number>(CONFIG.vocab).fill(0);
    for (const [token] of sample(g, prompt, n, temperature, new Stream(3, 0), { maxTokens: 1 })) counts[token]++;
    // each frequency within 4 standard errors of its probability
    counts.forEach((c, j) => expect(Math.abs(c / n - p[j])).toBeLessThan(4 * Math.sqrt((p[j] * (1 - p[j])) / n) + 1e-9));
    const greedy = sample(g, prompt, 2, 0, new Stream(0, 0), { maxTokens: 1 });
    expect(greedy).toEqual([[logits.indexOf(Math.max(...logits))], [logits.indexOf(Math.max(...logits))]]);
    g.dispose();
  });

  it('ends a sequence at the stop token and keeps its window to the context', () => {
    const g = gpt();
    const out = sample(g, [0], 40, 1, new Stream(5, 0), { stop: 0, maxTokens: 30 });
    expect(out.some((s) => s.length < 30)).toBe(true); // some drew the stop token (it is not included)
    expect(out.every((s) => !s.includes(0) && s.length <= 30)).toBe(true);
    expect(() => sample(g, [], 1, 1, new Stream(0, 0))).toThrow(RangeError);
    expect(() => sample(g, [6], 1, 1, new Stream(0, 0))).toThrow(/outside 0–5/);
    expect(() => sample(g, [1], 1, -1, new Stream(0, 0))).toThrow(/temperature/);
    g.dispose();
  });
});
