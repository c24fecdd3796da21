import * as tf from '@tensorflow/tfjs';
import { internals } from '../shared/internals';
import { batchRows } from '../shared/mlp';
import type { LossReference } from '../shared/spec';
import type { Batch, TaskFactory, TaskInstance } from '../types';
import { names, type Corpus } from './data/assets';
import { nameReferenceLines } from './data/bigram';
import { TUNING_MODES, type GptConfig, type Tuning } from './model/config';
import { createGpt, type Gpt } from './model/gpt';
import { nameRow, nameRows, nameSets, type NameSets } from './names';
import { GPT_NAMES_SPEC } from './spec';

interface GptNamesState {
  gpt: Gpt;
  sets: NameSets;
  /** The training names, for the picture's "in the training set" marks. */
  trainSet: ReadonlySet<string>;
  seed: number;
}

/** What the picture reads from each lane's instance. */
export const gptNamesState = internals<GptNamesState>('gpt-names');

/** The tuning the settings ask for. */
export function tuningOf(settings: Readonly<Record<string, number>>): Tuning {
  const mode = TUNING_MODES[settings.tune ?? 0] ?? 'full';
  if (mode === 'lora') return { mode, rank: settings.rank };
  if (mode === 'prefix') return { mode, length: settings.prefix };
  return { mode };
}

/** The model of the settings; its position table has `context` rows, whatever the rows' length. */
export const gptConfigOf = (settings: Readonly<Record<string, number>>, vocab: number): GptConfig => ({
  vocab,
  layers: settings.layers,
  width: settings.width,
  heads: settings.heads,
  context: settings.context,
});

/** Mean −ln p of the targets, the padding (−1) masked out; tokens and targets int32 [B, T]. */
export function maskedLoss(gpt: Gpt, tokens: tf.Tensor, targets: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const mask = tf.cast(tf.greaterEqual(targets, 0), 'int32') as tf.Tensor2D;
    return gpt.loss(tokens as tf.Tensor2D, tf.maximum(targets, tf.zerosLike(targets)) as tf.Tensor2D, mask);
  });
}

/** A step's batch of `batchSize` training names drawn by the step's stream, one a row padded to `time` (names.ts). */
export function nameBatch(sets: NameSets, seed: number, batchSize: number): (step: number) => Batch {
  const { tokenizer: tok, time, train } = sets;
  return (step) => {
    const rows = batchRows(seed, step, batchSize, train.length);
    const tokens = new Int32Array(batchSize * time);
    const targets = new Int32Array(batchSize * time);
    rows.forEach((r, i) => nameRow(tok, train[r], time, tokens, targets, i * time));
    return { x: tf.tensor2d(tokens, [batchSize, time], 'int32'), y: tf.tensor2d(targets, [batchSize, time], 'int32') };
  };
}

/**
 * The language-model part of a GPT task: the loss of a batch, the eval set's loss and perplexity, and
 * a dispose that frees the model and the eval tensors it uploads here (it owns both).
 */
export function languageModel(
  gpt: Gpt,
  held: { tokens: Int32Array; targets: Int32Array; rows: number; time: number },
): Pick<TaskInstance, 'loss' | 'evaluate' | 'dispose'> {
  const evalTokens = tf.tensor2d(held.tokens, [held.rows, held.time], 'int32'); // [n, T]
  const evalTargets = tf.tensor2d(held.targets, [held.rows, held.time], 'int32'); // [n, T], −1 = padding
  return {
    loss: (batch) => maskedLoss(gpt, batch!.x, batch!.y),
    evaluate: () =>
      tf.tidy(() => {
        const ce = maskedLoss(gpt, evalTokens, evalTargets);
        return [ce, tf.exp(ce) as tf.Scalar];
      }),
    dispose() {
      gpt.dispose();
      tf.dispose([evalTokens, evalTargets]);
    },
  };
}

/**
 * makemore's task (Karpathy, https://github.com/karpathy/makemore): learn to make up names, here
 * with the tiny GPT (model/gpt.ts) from its seeded init. A batch is `batch` training names drawn by
 * the step's stream, one a row (names.ts); the loss is nats per predicted character. The eval set is
 * a fixed ≤ 256 held-out names; the metric is its perplexity e^loss. The loss chart's references are
 * the uniform model (ln V) and the add-one bigram, both scored on those held-out names.
 */
export function createGptNamesFrom(corpus: Corpus, settings: Record<string, number>, seed: number): TaskInstance {
  const sets = nameSets(corpus, settings.names ?? 0, settings.context);
  const { tokenizer: tok, time, train } = sets;
  const gpt = createGpt(gptConfigOf(settings, tok.vocab.length), seed, { tuning: tuningOf(settings) });
  const lines = nameReferenceLines(train, sets.eval);
  const references: LossReference[] = [
    { label: `uniform, ln ${lines.vocabSize}`, value: lines.uniform },
    { label: 'bigram (add-one)', value: lines.bigram },
  ];
  return gptNamesState.attach(
    {
      spec: GPT_NAMES_SPEC,
      params: gpt.trainable,
      numParams: gpt.numTrainable,
      numTotal: gpt.numTotal,
      references,
      batch: nameBatch(sets, seed, settings.batch),
      ...languageModel(gpt, { ...nameRows(tok, sets.eval, time), rows: sets.eval.length, time }),
    },
    { gpt, sets, trainSet: new Set(train), seed },
  );
}

export const createGptNames: TaskFactory = (settings, seed) => createGptNamesFrom(names(), settings, seed);
