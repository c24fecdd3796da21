import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkpointWeights, decodeGptCheckpoint, encodeGptCheckpoint, gptCheckpoint } from '../../../../../src/core/tasks/gpt/model/checkpoint';
import type { GptConfig, Tuning } from '../../../../../src/core/tasks/gpt/model/config';
import { createGpt } from '../../../../../src/core/tasks/gpt/model/gpt';
import { int2d, randomInts, scrambledWeights } from '../../../../helpers/gpt';
import { useCpu } from '../../../../helpers/optimizers';

beforeAll(useCpu);

const CONFIG: GptConfig = { vocab: 30, layers: 3, width: 24, heads: 3, context: 10 };
const bits = (x: Float32Array) => new Uint32Array(x.buffer, x.byteOffset, x.length);

describe('GPT checkpoint (ZOG1)', () => {
  it.each<Tuning>([{ mode: 'full' }, { mode: 'lora', rank: 2 }, { mode: 'prefix', length: 4 }])('round-trips every weight bit for bit, with the config ($mode)', (tuning) => {
    const gpt = createGpt(CONFIG, 5, { tuning, weights: scrambledWeights(CONFIG, tuning, 6) });
    const decoded = decodeGptCheckpoint(gptCheckpoint(gpt));
    expect(decoded.config).toEqual(CONFIG);
    const weights = gpt.weights();
    expect(Object.keys(decoded.tensors)).toEqual(Object.keys(weights));
    for (const [name, t] of Object.entries(decoded.tensors)) {
      expect(t.shape, name).toEqual(gpt.params[name].shape);
      expect(bits(t.values), name).toEqual(bits(weights[name]));
    }
    gpt.dispose();
  });

  it('loads as the frozen start of any tuning mode: the same logits as the model that wrote it', () => {
    const pretrained = createGpt(CONFIG, 5, { weights: scrambledWeights(CONFIG, { mode: 'full' }, 7) });
    const bytes = gptCheckpoint(pretrained);
    const rows = randomInts(2, CONFIG.context, CONFIG.vocab, 1);
    const read = (g: ReturnType<typeof createGpt>) => {
      const logits = tf.tidy(() => g.forward(int2d(rows)));
      const values = logits.dataSync();
      logits.dispose();
      return values;
    };
    const reference = read(pretrained);
    for (const tuning of [{ mode: 'lora', rank: 3 }, { mode: 'bias' }, { mode: 'head' }] as Tuning[]) {
      const { config, tensors } = decodeGptCheckpoint(bytes);
      const tuned = createGpt(config, 99, { tuning, weights: checkpointWeights({ config, tensors }) });
      expect(read(tuned), tuning.mode).toEqual(reference);
      tuned.dispose();
    }
    pretrained.dispose();
  });

  it('refuses a bad magic, trailing bytes, an out-of-domain config and weights that do not fit the model', () => {
    const gpt = createGpt(CONFIG, 0);
    const bytes = gptCheckpoint(gpt);
    expect(() => decodeGptCheckpoint(Uint8Array.from(bytes, (b, i) => (i === 0 ? 0x41 : b)))).toThrow(/bad magic/);
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expect(() => decodeGptCheckpoint(longer)).toThrow(/4 bytes after the last tensor/);
    const badLayers = bytes.slice();
    new DataView(badLayers.buffer).setUint32(8, 9, true); // layers
    expect(() => decodeGptCheckpoint(badLayers)).toThrow(/layers must be an integer in 1–4/);
    const weights = gpt.weights();
    expect(() => createGpt(CONFIG, 0, { weights: { ...weights, 'transformer.wte.weight': new Float32Array(3) } })).toThrow(/has 3 values/);
    const lacking = Object.fromEntries(Object.entries(weights).filter(([name]) => name !== 'transformer.ln_f.bias'));
    expect(() => createGpt(CONFIG, 0, { weights: lacking })).toThrow(/lack transformer.ln_f.bias/);
    expect(() => createGpt(CONFIG, 0, { weights: { ...weights, 'transformer.h.0.attn.lora_q_A': new Float32Array(48) } })).toThrow(/not part of this model/);
    expect(() => encodeGptCheckpoint(CONFIG, { 'wé': { shape: [1], values: new Float32Array(1) } })).toThrow(/ASCII/);
    gpt.dispose();
  });
});
