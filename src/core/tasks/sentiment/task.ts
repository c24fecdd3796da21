import * as tf from '@tensorflow/tfjs';
import { hashString } from '../../random/philox';
import { asset } from '../shared/assets';
import { internals } from '../shared/internals';
import { accuracy, batchRows, crossEntropy, glorotVariable, oneHot, zerosVariable } from '../shared/mlp';
import type { TaskSpec } from '../shared/spec';
import type { Batch, TaskFactory, TaskInstance } from '../types';
import { CHECKPOINT_FILE, decodeCheckpoint, type CheckpointTensor } from './checkpoint';
import { FIRST_RATED, MAX_WORDS, PAD, flippedWords, makeCorpus, ratedWords, vocabulary, type Corpus } from './corpus';
import { SENTIMENT_FINETUNE_SPEC, SENTIMENT_SPEC } from './spec';

const TASK_KEY = hashString('sentiment');
const EVAL_SENTENCES = 500;

/**
 * Bag of embeddings (fastText-like): the mean of the sentence's word vectors E[w] ∈ ℝᴰ, then a
 * linear layer to 2 logits; softmax cross-entropy. Params [E (V × D), W (D × 2), b (2)].
 * The mean of the word vectors is the sentence's normalised bag of words times E, so inputs are
 * bags of words [batch, V] and the model is two matrix products (no gather, whose gradient is a
 * slow scatter on tfjs's cpu backend).
 */
export function bagOfEmbeddings(params: tf.Variable[]) {
  const [embedding, w, b] = params;
  return (bags: tf.Tensor) => {
    const mean = tf.matMul(bags as tf.Tensor2D, embedding as tf.Tensor2D); // [batch, D]
    return tf.add(tf.matMul(mean, w as tf.Tensor2D), b); // [batch, 2]
  };
}

/** Normalised bags of words [rows.length × V] of the corpus's sentences at `rows`. */
export function bagsOfWords(corpus: Corpus, rows: ArrayLike<number>, V: number): Float32Array {
  const out = new Float32Array(rows.length * V);
  for (let i = 0; i < rows.length; i++) {
    const tokens = corpus.tokens.subarray(rows[i] * MAX_WORDS, (rows[i] + 1) * MAX_WORDS);
    const length = tokens.reduce((a, t) => a + (t === PAD ? 0 : 1), 0);
    tokens.forEach((t) => {
      if (t !== PAD) out[i * V + t] += 1 / length;
    });
  }
  return out;
}

export function randomInit(vocabSize: number, dim: number, seed: number): tf.Variable[] {
  return [glorotVariable([vocabSize, dim], dim, dim, seed, TASK_KEY, 0), glorotVariable([dim, 2], dim, 2, seed, TASK_KEY, 1), zerosVariable([2])];
}

interface SentimentState {
  apply: (tokens: tf.Tensor) => tf.Tensor;
  evalSet: Corpus;
  vocab: string[];
  evalX: tf.Tensor;
  evalY: tf.Tensor;
  shifted: string[];
}

/** What the picture reads from each lane's instance. */
export const sentimentState = internals<SentimentState>('sentiment');

/** The task over a corpus of the `rated` words, with given initial parameters (owned by the instance). */
export function sentimentTask(
  spec: TaskSpec,
  params: tf.Variable[],
  settings: Record<string, number>,
  seed: number,
  rated: readonly number[],
  flipped: Set<number>,
): TaskInstance {
  const batchSize = settings.batch;
  const vocab = vocabulary(rated);
  const V = vocab.length;
  const train = makeCorpus(settings.sentences, seed, TASK_KEY, 0, rated, flipped);
  const evalSet = makeCorpus(EVAL_SENTENCES, seed, TASK_KEY, 1, rated, flipped);
  const allEval = Array.from({ length: EVAL_SENTENCES }, (_, i) => i);
  const evalX = tf.tensor2d(bagsOfWords(evalSet, allEval, V), [EVAL_SENTENCES, V]); // [n, V]
  const evalY = tf.tensor2d(oneHot(evalSet.labels, null, 2), [EVAL_SENTENCES, 2]); // [n, 2]
  const apply = bagOfEmbeddings(params);
  return sentimentState.attach(
    {
      spec,
      params,
      numParams: params.reduce((a, p) => a + p.size, 0),
      batch(step: number): Batch {
        const rows = batchRows(seed, step, batchSize, settings.sentences);
        return {
          x: tf.tensor2d(bagsOfWords(train, rows, V), [batchSize, V]), // [batch, V]
          y: tf.tensor2d(oneHot(train.labels, rows, 2), [batchSize, 2]), // [batch, 2]
        };
      },
      loss: (batch) => tf.tidy(() => crossEntropy(apply(batch!.x), batch!.y)),
      evaluate: () =>
        tf.tidy(() => {
          const logits = apply(evalX);
          return [crossEntropy(logits, evalY), accuracy(logits, evalY)];
        }),
      dispose() {
        tf.dispose([...params, evalX, evalY]);
      },
    },
    { apply, evalSet, vocab, evalX, evalY, shifted: [...flipped].map((j) => vocab[FIRST_RATED + j]).sort() },
  );
}

/** Sentiment from scratch: `words` rated words, random embeddings of dimension `dim`. */
export const createSentiment: TaskFactory = (settings, seed) => {
  const rated = ratedWords(settings.words);
  return sentimentTask(SENTIMENT_SPEC, randomInit(FIRST_RATED + rated.length, settings.dim, seed), settings, seed, rated, new Set());
};

/** The pre-trained checkpoint's tensors (from `npm run pretrain`): [E (V × D), W (D × 2), b (2)]. */
export function pretrainedTensors(): CheckpointTensor[] {
  const tensors = decodeCheckpoint(asset(CHECKPOINT_FILE));
  if (tensors.length !== 3 || tensors[0].shape[0] <= FIRST_RATED) throw new Error(`${CHECKPOINT_FILE} is not a sentiment checkpoint: run 'npm run pretrain'.`);
  return tensors;
}

/**
 * MeZO's setting in miniature: start every lane from the checkpoint pre-trained with backprop on
 * the base domain, and fine-tune on a shifted domain where a fraction `shift` of the rated words
 * has the opposite polarity.
 */
export const createSentimentFinetune: TaskFactory = (settings, seed) => {
  const tensors = pretrainedTensors();
  const rated = ratedWords(tensors[0].shape[0] - FIRST_RATED);
  const params = tensors.map((t) => tf.tidy(() => tf.variable(tf.tensor(t.values, t.shape), true, undefined, 'float32')));
  return sentimentTask(SENTIMENT_FINETUNE_SPEC, params, settings, seed, rated, flippedWords(settings.shift, rated));
};
