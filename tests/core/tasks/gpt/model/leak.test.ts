import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Stream } from '../../../../../src/core/random/philox';
import type { GptConfig, Tuning } from '../../../../../src/core/tasks/gpt/model/config';
import { createGpt } from '../../../../../src/core/tasks/gpt/model/gpt';
import { sample } from '../../../../../src/core/tasks/gpt/model/sample';
import { int2d, randomInts } from '../../../../helpers/gpt';
import { useCpu } from '../../../../helpers/optimizers';

beforeAll(useCpu);

const CONFIG: GptConfig = { vocab: 12, layers: 2, width: 16, heads: 2, context: 8 };

describe('GPT tensor ownership', () => {
  it.each<Tuning>([{ mode: 'full' }, { mode: 'lora', rank: 2 }, { mode: 'prefix', length: 2 }, { mode: 'bias' }, { mode: 'head' }])(
    'keeps numTensors flat over forward, loss, gradients, attention and sampling, and frees all on dispose ($mode)',
    (tuning) => {
      const before = tf.memory().numTensors;
      const gpt = createGpt(CONFIG, 1, { tuning });
      const owned = tf.memory().numTensors;
      expect(owned - before).toBe(Object.keys(gpt.params).length);
      const tokens = int2d(randomInts(2, 8, CONFIG.vocab, 0));
      const mask = tf.ones([2, 8]) as tf.Tensor2D;
      const stream = new Stream(0, 0);
      const round = () => {
        gpt.forward(tokens).dispose();
        gpt.loss(tokens, tokens, mask).dispose();
        const { value, grads } = tf.variableGrads(() => gpt.loss(tokens, tokens), gpt.trainable);
        tf.dispose([value, ...Object.values(grads)]);
        gpt.attention([1, 2, 3], 1, 1).dispose();
        sample(gpt, [1], 2, 1, stream, { maxTokens: 10 });
        return tf.memory().numTensors;
      };
      const first = round();
      for (let i = 0; i < 3; i++) expect(round()).toBe(first);
      expect(first).toBe(owned + 2);
      tf.dispose([tokens, mask]);
      gpt.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );
});
