import * as tf from '@tensorflow/tfjs';
import { internals } from '../shared/internals';
import { batchRows, countParams, crossEntropy, glorotVariable, oneHot, zerosVariable } from '../shared/mlp';
import type { Batch, TaskFactory } from '../types';
import { CHAR_LM_SPEC } from './spec';
import { CHARS, TASK_KEY, encode, grammarText, windows } from './text';

interface CharLmState {
  params: tf.Variable[];
  context: number;
  seed: number;
  reference: string;
}

/** What the picture reads from each lane's instance. */
export const charLmState = internals<CharLmState>('char-lm');
const EVAL_SENTENCES = 100;
/** Characters of the eval text the picture scores character by character. */
const REFERENCE_CHARS = 120;

/**
 * A character-level language model in the form of Bengio, Ducharme, Vincent & Jauvin, "A Neural
 * Probabilistic Language Model", JMLR 2003 (https://www.jmlr.org/papers/v3/bengio03a.html): the
 * previous `context` characters' embeddings (dimension `embed`), concatenated, a tanh hidden layer,
 * softmax over the next character. Loss: cross-entropy per character (nats); metric: eval perplexity e^loss.
 */
export const createCharLm: TaskFactory = (settings, seed) => {
  const spec = CHAR_LM_SPEC;
  const { context, embed, hidden } = settings;
  const batchSize = settings.batch;
  const V = CHARS.length;
  const params = [
    glorotVariable([V, embed], embed, embed, seed, TASK_KEY, 0), // [chars, embed]
    glorotVariable([context * embed, hidden], context * embed, hidden, seed, TASK_KEY, 1),
    zerosVariable([hidden]),
    glorotVariable([hidden, V], hidden, V, seed, TASK_KEY, 2),
    zerosVariable([V]),
  ];
  const [emb, w1, b1, w2, b2] = params;
  const apply = (x: tf.Tensor) => {
    const vectors = tf.matMul(tf.reshape(x, [-1, V]) as tf.Tensor2D, emb as tf.Tensor2D); // [batch·context, embed]
    const flat = tf.reshape(vectors, [-1, context * embed]) as tf.Tensor2D; // [batch, context·embed]
    const h = tf.tanh(tf.add(tf.matMul(flat, w1 as tf.Tensor2D), b1)) as tf.Tensor2D;
    return tf.add(tf.matMul(h, w2 as tf.Tensor2D), b2); // [batch, chars]
  };
  const trainText = grammarText(settings.sentences, seed, 0);
  const trainIds = encode(trainText, context);
  const evalText = grammarText(EVAL_SENTENCES, seed, 1);
  const evalWindows = windows(encode(evalText, context), context, Array.from(evalText, (_, i) => i));
  const evalX = tf.tensor2d(evalWindows.x, [evalText.length, context * V]); // [n, context·V]
  const evalY = tf.tensor2d(oneHot(evalWindows.next, null, V), [evalText.length, V]);

  return charLmState.attach(
    {
      spec,
      params,
      numParams: countParams(params),
      batch(step: number): Batch {
        const w = windows(trainIds, context, batchRows(seed, step, batchSize, trainText.length));
        return {
          x: tf.tensor2d(w.x, [batchSize, context * V]), // [batch, context·V] one-hot
          y: tf.tensor2d(oneHot(w.next, null, V), [batchSize, V]), // [batch, chars]
        };
      },
      loss: (batch) => tf.tidy(() => crossEntropy(apply(batch!.x), batch!.y)),
      evaluate: () =>
        tf.tidy(() => {
          const ce = crossEntropy(apply(evalX), evalY);
          return [ce, tf.exp(ce) as tf.Scalar];
        }),
      dispose() {
        tf.dispose([...params, evalX, evalY]);
      },
    },
    { params, context, seed, reference: evalText.slice(0, REFERENCE_CHARS) },
  );
};

/** The model as plain numbers: log-probabilities of the next character after `ctx` (ids). */
export function charLogProbs(weights: Float32Array[], shape: { context: number; embed: number; hidden: number }, ctx: ArrayLike<number>): Float64Array {
  const [emb, w1, b1, w2, b2] = weights;
  const { context, embed, hidden } = shape;
  const V = b2.length;
  const h = Float64Array.from(b1);
  for (let k = 0; k < context; k++)
    for (let e = 0; e < embed; e++) {
      const v = emb[ctx[k] * embed + e];
      const row = (k * embed + e) * hidden;
      for (let j = 0; j < hidden; j++) h[j] += v * w1[row + j];
    }
  for (let j = 0; j < hidden; j++) h[j] = Math.tanh(h[j]);
  const logits = Float64Array.from(b2);
  for (let j = 0; j < hidden; j++) for (let c = 0; c < V; c++) logits[c] += h[j] * w2[j * V + c];
  const max = Math.max(...logits);
  const logZ = max + Math.log(logits.reduce((a, l) => a + Math.exp(l - max), 0));
  return logits.map((l) => l - logZ);
}
