import * as tf from '@tensorflow/tfjs';
import { internals } from '../shared/internals';
import { batchRows } from '../shared/mlp';
import type { LossReference } from '../shared/spec';
import type { Batch, TaskFactory, TaskInstance } from '../types';
import { bpe, spam, type Corpus } from './data/assets';
import type { Gpt } from './model/gpt';
import { pretrainedGpt } from './pretrained/load';
import { spread } from './names';
import { PROMPT_CHECKPOINT, PROMPT_CLASSES, heldOut, kOf, kShot, labelWords, lengthChunks, pickRows, promptInput, promptRows, templateOf, type Example, type PromptRows, type PromptTokenizer } from './prompt';
import { PROMPT_CLASSIFY_SPEC } from './prompt-spec';
import { tuningOf } from './task';

/**
 * Each class's score [E, L]: the summed log-probability of its label word's tokens, where the
 * targets [R, L + 2, M] say (PromptRows); tokens [R, T] int32, R = E × perExample. The slots'
 * logits are picked by a batched matmul with one-hot positions (no gather: wasm has no gather
 * gradient) before the softmax over the vocabulary, so only R × M rows are normalised.
 */
export function labelScores(gpt: Gpt, tokens: tf.Tensor, targets: tf.Tensor, perExample: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [R, L2, M] = targets.shape;
    const [, T] = tokens.shape;
    const V = gpt.config.vocab;
    const slice = (i: number) => tf.reshape(tf.slice(targets, [0, i, 0], [R, 1, M]), [R, M]); // [R, M]
    const positions = tf.oneHot(slice(0), T); // [R, M, T]; oneHot of −1 (an unused slot) is all zeros
    const logProbs = tf.logSoftmax(tf.matMul(positions, gpt.forward(tokens as tf.Tensor2D))); // [R, M, V]
    const scores = Array.from({ length: L2 - 2 }, (_, c) => {
      const picked = tf.sum(tf.mul(tf.oneHot(slice(1 + c), V), logProbs), [1, 2]); // [R]
      return tf.sum(tf.reshape(picked, [R / perExample, perExample]), 1); // [E]
    });
    return tf.stack(scores, 1) as tf.Tensor2D; // [E, L]
  });
}

/** Each example's label [E] (slice L + 1 at slot 0, on the example's first row). */
export function labelsOf(targets: tf.Tensor, perExample: number): tf.Tensor1D {
  return tf.tidy(() => {
    const [R, L2] = targets.shape;
    const first = tf.reshape(tf.slice(targets, [0, L2 - 1, 0], [R, 1, 1]), [R / perExample, perExample]);
    return tf.reshape(tf.slice(first, [0, 0], [R / perExample, 1]), [R / perExample]) as tf.Tensor1D;
  });
}

/** Summed cross-entropy over the label words' scores (LM-BFF's loss) and the count of right argmaxes, over a set of rows. */
export function promptSums(gpt: Gpt, batch: Batch, perExample: number): { nats: tf.Scalar; right: tf.Scalar } {
  return tf.tidy(() => {
    const scores = labelScores(gpt, batch.x, batch.y, perExample);
    const labels = labelsOf(batch.y, perExample);
    const nats = tf.neg(tf.sum(tf.mul(tf.oneHot(labels, scores.shape[1]), tf.logSoftmax(scores)))) as tf.Scalar;
    const right = tf.sum(tf.cast(tf.equal(tf.argMax(scores, 1), labels), 'float32')) as tf.Scalar;
    return { nats, right };
  });
}

const rowsTensors = (rows: PromptRows): Batch => ({
  x: tf.tensor2d(rows.tokens, [rows.examples * rows.perExample, rows.time], 'int32'),
  y: tf.tensor3d(rows.targets, [rows.examples * rows.perExample, rows.classes + 2, rows.slots], 'int32'),
});

/** Mean loss and accuracy over the evaluation chunks (E examples in all). */
export function evaluateChunks(gpt: Gpt, chunks: readonly Batch[], perExample: number, examples: number): [tf.Scalar, tf.Scalar] {
  return tf.tidy(() => {
    const sums = chunks.map((c) => promptSums(gpt, c, perExample));
    const mean = (xs: tf.Scalar[]) => tf.div(tf.addN(xs), examples) as tf.Scalar;
    return [mean(sums.map((s) => s.nats)), mean(sums.map((s) => s.right))];
  });
}

interface PromptState {
  gpt: Gpt;
  evalSet: readonly Example[];
  /** the held-out examples in chunks of similar length, as tensors */
  evalChunks: readonly Batch[];
  perExample: number;
  /** the picture's messages (indices into evalSet) and their rows */
  shown: readonly number[];
  shownBatch: Batch;
  template: string;
}

/** What the picture reads from each lane's instance. */
export const promptState = internals<PromptState>('prompt-classify');

/** Held-out messages the picture shows per class. */
const SHOWN_PER_CLASS = 4;

export function createPromptClassifyFrom(corpus: Corpus, tok: PromptTokenizer, settings: Record<string, number>, seed: number): TaskInstance {
  const { gpt } = pretrainedGpt(PROMPT_CHECKPOINT, seed, tuningOf(settings));
  const context = gpt.config.context;
  const template = templateOf(settings);
  const wordTokens = labelWords().map((w) => tok.encode(w));
  const rowsOf = (examples: readonly Example[]) => promptRows(tok, examples, template, wordTokens, context);
  const train = rowsOf(kShot(corpus, kOf(settings), seed));
  const evalSet = heldOut(corpus, settings.held);
  const lengths = evalSet.map((ex) => promptInput(tok, ex.text, template, context, wordTokens).length);
  const evalChunks = lengthChunks(lengths).map((idx) => rowsTensors(rowsOf(idx.map((i) => evalSet[i]))));
  const shown = PROMPT_CLASSES.flatMap((_, label) => spread(evalSet.flatMap((ex, i) => (ex.label === label ? [i] : [])), SHOWN_PER_CLASS));
  const shownBatch = rowsTensors(rowsOf(shown.map((i) => evalSet[i])));
  const batchSize = settings.batch;
  const owned = [...evalChunks, shownBatch].flatMap((b) => [b.x, b.y]);
  // The checkpoint's own eval loss and accuracy (zero-shot: no example read yet) as the loss chart's
  // reference line, so the step-0 value stays in view whatever the lanes do.
  const [zeroShotLoss, zeroShotAccuracy] = evaluateChunks(gpt, evalChunks, train.perExample, evalSet.length).map((t) => {
    const v = t.dataSync()[0];
    t.dispose();
    return v;
  });
  const references: LossReference[] = [{ label: `checkpoint, zero-shot (accuracy ${(100 * zeroShotAccuracy).toFixed(1)}%)`, value: zeroShotLoss }];
  return promptState.attach(
    {
      spec: PROMPT_CLASSIFY_SPEC,
      params: gpt.trainable,
      numParams: gpt.numTrainable,
      numTotal: gpt.numTotal,
      references,
      batch: (step: number): Batch => rowsTensors(pickRows(train, batchRows(seed, step, batchSize, train.examples))),
      loss: (batch) => tf.tidy(() => tf.div(promptSums(gpt, batch!, train.perExample).nats, batchSize) as tf.Scalar),
      evaluate: () => evaluateChunks(gpt, evalChunks, train.perExample, evalSet.length),
      dispose() {
        gpt.dispose();
        tf.dispose(owned);
      },
    },
    { gpt, evalSet, evalChunks, perExample: train.perExample, shown, shownBatch, template },
  );
}
/**
 * MeZO's prompt-based fine-tuning in miniature: every lane starts from the Brown GPT with what the
 * `tune` setting trains as tf.Variables (d = those) and the rest frozen, and learns to say " spam" or
 * " mail" after "⟨message⟩ This is" from k examples per class.
 */
export const createPromptClassify: TaskFactory = (settings, seed) => createPromptClassifyFrom(spam(), bpe(), settings, seed);
