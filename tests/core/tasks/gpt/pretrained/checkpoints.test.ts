import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bigramCounts, bigramLoss, nameReferenceLines } from '../../../../../src/core/tasks/gpt/data/bigram';
import { bpe, brown, names } from '../../../../../src/core/tasks/gpt/data/assets';
import { parameterCounts, type Tuning } from '../../../../../src/core/tasks/gpt/model/config';
import { PRETRAINED, PRETRAINED_IDS, parsePretrainedMeta, pretrainedFiles, type PretrainedId } from '../../../../../src/core/tasks/gpt/pretrained/checkpoints';
import { pretrainedGpt } from '../../../../../src/core/tasks/gpt/pretrained/load';
import { pretrainData, textStream } from '../../../../../src/core/tasks/gpt/pretrained/corpora';
import { modelLoss } from '../../../../../src/core/tasks/gpt/pretrained/evaluate';
import { asset, loadAssets, setAssetFetcher } from '../../../../../src/core/tasks/shared/assets';

/**
 * The committed checkpoints (`npm run pretrain`, trained on the wasm backend) give back the eval
 * losses their metadata records: the names GPT on tfjs's cpu backend, the Brown GPT on wasm (its 10k
 * eval tokens take half a minute on cpu; ./torch.test.ts checks both against PyTorch). The backends
 * compute the same float32 ops in different orders (logits agree to ~1e-6 relative,
 * tests/core/tasks/gpt/model/wasm.test.ts), so a mean over thousands of predictions agrees far inside 1e-4 nats.
 */
const DATA = new URL('../../../../../public/data/', import.meta.url);
const TOLERANCE = 1e-4;

async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
  if (name === 'wasm') setWasmPaths(fileURLToPath(new URL('../../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  expect(await tf.setBackend(name)).toBe(true);
  await tf.ready();
}

beforeAll(async () => {
  await useBackend('cpu');
  setAssetFetcher((name) => readFile(new URL(name, DATA)));
  await loadAssets([...new Set(PRETRAINED_IDS.flatMap(pretrainedFiles))]);
});

const meta = (id: PretrainedId) => parsePretrainedMeta(asset(PRETRAINED[id].metaFile), id);

describe.each(PRETRAINED_IDS)('checkpoint %s', (id) => {
  const spec = PRETRAINED[id];

  it("its metadata matches the spec's config, tokenizer, corpus and file", () => {
    const m = meta(id);
    expect(m.config).toEqual(spec.config);
    expect(m.tokenizer.kind).toBe(spec.tokenizer);
    expect(m.corpus.labels).toEqual(spec.corpus.labels);
    expect(m.corpus.file).toBe(spec.corpus.file);
    expect(m.eval.labels).toEqual(spec.corpus.labels);
    expect(m.shifted.labels).toEqual(spec.shifted);
    expect(m.bytes).toBe(asset(spec.file).byteLength);
    expect(m.training.seed).toBe(spec.training.seed);
    expect(m.training.steps).toBe(spec.training.steps);
    const vocab = spec.tokenizer === 'char' ? [...m.tokenizer.vocabulary!] : bpe().vocab;
    expect(vocab.length).toBe(spec.config.vocab);
  });

  it('gives back its recorded eval losses, per token and per character', async () => {
    await useBackend(id === 'gpt-brown' ? 'wasm' : 'cpu');
    const m = meta(id);
    const data = pretrainData(spec);
    const { gpt } = pretrainedGpt(id, 0);
    for (const [rows, recorded] of [
      [data.eval, m.eval],
      [data.shifted, m.shifted],
    ] as const) {
      const s = modelLoss(gpt, rows, data.tok.vocab);
      expect(s.tokens).toBe(recorded.tokens);
      expect(s.chars).toBe(recorded.chars);
      expect(Math.abs(s.nats / s.tokens - recorded.lossPerToken)).toBeLessThan(TOLERANCE);
      expect(Math.abs(s.nats / s.chars - recorded.lossPerChar)).toBeLessThan(TOLERANCE);
    }
    gpt.dispose();
    await useBackend('cpu');
  });

  it('is clearly better than the uniform and the add-one bigram models on its own held-out text', () => {
    const m = meta(id);
    let bigram: number;
    if (spec.tokenizer === 'char') {
      // The names task's own reference lines (gpt/data/bigram.ts), computed from counts.
      const lines = nameReferenceLines(names().train('male'), names().eval('male'));
      expect(lines.uniform).toBeCloseTo(Math.log(27), 12);
      bigram = lines.bigram;
    } else {
      const tok = bpe();
      const train = textStream(tok, spec.corpus.labels.flatMap((g) => brown().train(g)));
      const held = textStream(tok, spec.corpus.labels.flatMap((g) => brown().eval(g)));
      bigram = bigramLoss(bigramCounts([train], tok.vocab.length), [held], 1);
    }
    expect(m.references.bigram).toBeCloseTo(bigram, 9);
    expect(m.eval.lossPerToken).toBeLessThan(bigram - 0.2);
    expect(m.eval.lossPerToken).toBeLessThan(Math.log(spec.config.vocab) - 1);
  });

  it.each<Tuning>([{ mode: 'full' }, { mode: 'lora', rank: 4 }, { mode: 'bias' }, { mode: 'head' }, { mode: 'prefix', length: 2 }])('loads under $mode tuning: the frozen checkpoint weights, the trainable count of the mode', (tuning) => {
    const { gpt: full } = pretrainedGpt(id, 0);
    const { gpt } = pretrainedGpt(id, 3, tuning);
    expect(gpt.numTrainable).toBe(parameterCounts(spec.config, tuning).trainable);
    const reference = full.weights();
    const weights = gpt.weights();
    for (const name of Object.keys(reference)) expect(weights[name], name).toEqual(reference[name]);
    if (tuning.mode !== 'prefix') {
      // LoRA starts with B = 0: every mode but prefix begins as the checkpoint itself.
      const tokens = tf.tensor2d([[0, 1, 2, 3]], [1, 4], 'int32');
      const [a, b] = [full.forward(tokens), gpt.forward(tokens)];
      expect(b.dataSync()).toEqual(a.dataSync());
      tf.dispose([tokens, a, b]);
    }
    full.dispose();
    gpt.dispose();
  });

  it('loading and evaluating leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    const { gpt } = pretrainedGpt(id, 0, { mode: 'lora', rank: 2 });
    const data = pretrainData(spec);
    modelLoss(gpt, { tokens: data.eval.tokens.slice(0, 8), targets: data.eval.targets.slice(0, 8), mask: data.eval.mask.slice(0, 8) }, data.tok.vocab);
    gpt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('checkpoint metadata', () => {
  it('is rejected when it describes another config or file', () => {
    const text = new TextDecoder().decode(asset(PRETRAINED['gpt-male-names'].metaFile));
    const other = JSON.parse(text) as { config: { width: number } };
    other.config.width = 64;
    expect(() => parsePretrainedMeta(new TextEncoder().encode(JSON.stringify(other)), 'gpt-male-names')).toThrow(/npm run pretrain -- gpt-male-names/);
    expect(() => parsePretrainedMeta(asset(PRETRAINED['gpt-male-names'].metaFile), 'gpt-brown')).toThrow(/not gpt-brown/);
  });
});
