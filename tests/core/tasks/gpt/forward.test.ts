import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsGpt } from '../../../../src/core/tasks/gpt/forward';
import type { GptConfig, Tuning } from '../../../../src/core/tasks/gpt/model/config';
import { createGpt } from '../../../../src/core/tasks/gpt/model/gpt';
import { useCpu } from '../../../helpers/optimizers';

beforeAll(useCpu);

const CONFIG: GptConfig = { vocab: 11, layers: 2, width: 16, heads: 4, context: 8 };
const TOKENS = [0, 3, 7, 7, 1, 10];

/** Move every weight off its init (LoRA's B starts at 0, LayerNorm gains at 1) so each one matters. */
function perturbed(tuning: Tuning) {
  const gpt = createGpt(CONFIG, 3, { tuning });
  Object.values(gpt.params).forEach((t, i) => {
    if (t instanceof tf.Variable) t.assign(tf.tidy(() => tf.add(t, tf.mul(0.3, tf.randomNormal(t.shape, 0, 1, 'float32', 100 + i)))));
  });
  return gpt;
}

describe('the picture’s plain-arithmetic GPT', () => {
  it.each<Tuning>([{ mode: 'full' }, { mode: 'lora', rank: 2 }, { mode: 'prefix', length: 3 }])('gives the tfjs model’s log-probabilities and attention ($mode)', (tuning) => {
    const gpt = perturbed(tuning);
    const model = jsGpt(gpt.config, gpt.tuning, gpt.weights());
    const logits = gpt.forward(tf.tensor2d([TOKENS], [1, TOKENS.length], 'int32'));
    const expected = tf.tidy(() => tf.logSoftmax(logits).dataSync());
    const got = model.logProbs(TOKENS);
    expect(got.length).toBe(expected.length);
    got.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 4));
    for (const [layer, head] of [[0, 0], [1, 3]]) {
      const att = gpt.attention(TOKENS, layer, head);
      const want = att.dataSync();
      model.attention(TOKENS, layer, head).forEach((v, i) => expect(v).toBeCloseTo(want[i], 5));
      att.dispose();
    }
    logits.dispose();
    gpt.dispose();
  });
});
