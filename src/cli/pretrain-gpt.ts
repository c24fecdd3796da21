/**
 * The GPT steps of `npm run pretrain`: Adam with backprop (tf.train.adam, Kingma & Ba 2015,
 * https://arxiv.org/abs/1412.6980) on the wasm backend, from a fixed seed with fixed batches (each
 * step's rows are drawn from its own Philox stream), then the eval losses and the metadata.
 * Checkpoints and their settings: src/core/tasks/gpt/pretrained/checkpoints.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { uniformLoss } from '../core/tasks/gpt/data/bigram';
import { gptCheckpoint } from '../core/tasks/gpt/model/checkpoint';
import type { GptConfig } from '../core/tasks/gpt/model/config';
import { createGpt, type Gpt } from '../core/tasks/gpt/model/gpt';
import { META_FORMAT, PRETRAINED, type PretrainedId, type PretrainedMeta, type RecordedLoss } from '../core/tasks/gpt/pretrained/checkpoints';
import { pretrainData, type Rows } from '../core/tasks/gpt/pretrained/corpora';
import { bigramRowsLoss, modelLoss, perChar, perToken, type LossSum } from '../core/tasks/gpt/pretrained/evaluate';

/** One Adam step on `rows`; returns the batch's loss (masked mean, nats per token). */
export function adamStep(gpt: Gpt, optimizer: tf.Optimizer, rows: Rows): number {
  const [B, T] = [rows.tokens.length, rows.tokens[0].length];
  const loss = tf.tidy(() => {
    const t2 = (xs: number[][]) => tf.tensor2d(xs, [B, T], 'int32');
    const [tokens, targets, mask] = [t2(rows.tokens), t2(rows.targets), t2(rows.mask)];
    return optimizer.minimize(() => gpt.loss(tokens, targets, mask), true, gpt.trainable)!;
  });
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
}

/** Train a fresh GPT (seeded init) for `steps` Adam steps on batch(1) … batch(steps). */
export function trainGpt(config: GptConfig, seed: number, lr: number, steps: number, batch: (step: number) => Rows, log?: (step: number, loss: number) => void): Gpt {
  const gpt = createGpt(config, seed);
  const optimizer = tf.train.adam(lr);
  for (let step = 1; step <= steps; step++) {
    const loss = adamStep(gpt, optimizer, batch(step));
    log?.(step, loss);
  }
  optimizer.dispose();
  return gpt;
}

const recorded = (labels: readonly string[], s: LossSum): RecordedLoss => ({ labels: [...labels], split: 'eval', tokens: s.tokens, chars: s.chars, lossPerToken: perToken(s), lossPerChar: perChar(s) });

/** Pre-train checkpoint `id`; returns its ZOG1 bytes and metadata (`steps` overrides the spec's, for a quick look). */
export function pretrainGpt(id: PretrainedId, options: { steps?: number; log?: (line: string) => void } = {}): { bytes: Uint8Array; meta: PretrainedMeta } {
  const spec = PRETRAINED[id];
  const log = options.log ?? (() => {});
  const steps = options.steps ?? spec.training.steps;
  const data = pretrainData(spec);
  const vocab = data.tok.vocab;
  const started = performance.now();
  let running = 0;
  const gpt = trainGpt(spec.config, spec.training.seed, spec.training.lr, steps, data.batch, (step, loss) => {
    running = step === 1 ? loss : 0.98 * running + 0.02 * loss;
    if (step % 250 === 0 || step === steps) log(`${id} step ${step}: train loss ≈ ${running.toFixed(3)} (${((performance.now() - started) / step).toFixed(0)} ms/step)`);
  });
  const seconds = (performance.now() - started) / 1000;
  const evalLoss = modelLoss(gpt, data.eval, vocab);
  const shifted = modelLoss(gpt, data.shifted, vocab);
  const bytes = gptCheckpoint(gpt);
  gpt.dispose();
  const meta: PretrainedMeta = {
    format: META_FORMAT,
    id,
    checkpoint: spec.file,
    bytes: bytes.byteLength,
    config: { ...spec.config },
    tokenizer: spec.tokenizer === 'char' ? { kind: 'char', vocabulary: vocab.join('') } : { kind: 'bpe', file: 'bpe.json' },
    corpus: { file: spec.corpus.file, labels: [...spec.corpus.labels], split: 'train', tokens: data.trainTokens },
    training: { ...spec.training, steps, optimizer: 'adam', backend: tf.getBackend() },
    eval: recorded(spec.corpus.labels, evalLoss),
    shifted: recorded(spec.shifted, shifted),
    references: {
      uniform: uniformLoss(spec.config.vocab),
      bigram: perToken(bigramRowsLoss(data.trainSequences, data.eval, vocab)),
      shiftedBigram: perToken(bigramRowsLoss(data.trainSequences, data.shifted, vocab)),
    },
  };
  log(
    `${id}: ${steps} steps in ${seconds.toFixed(1)} s; eval ${meta.eval.lossPerToken.toFixed(4)} nats/token (${meta.eval.lossPerChar.toFixed(4)}/char), ` +
      `bigram ${meta.references.bigram.toFixed(4)}, uniform ${meta.references.uniform.toFixed(4)}; ` +
      `${spec.shifted.join('+')} ${meta.shifted.lossPerToken.toFixed(4)} (bigram ${meta.references.shiftedBigram.toFixed(4)}); ${bytes.byteLength} bytes`,
  );
  return { bytes, meta };
}
