import * as tf from '@tensorflow/tfjs';
import { taskSpec } from '../catalog/tasks';
import { Purpose, Stream, hashString } from '../rng';
import type { TextView } from '../views';
import { GRAMMAR } from './grammar';
import { internals } from './internals';
import { batchRows, countParams, crossEntropy, glorotVariable, oneHot, zerosVariable } from './mlp';
import type { Batch, TaskFactory, ViewBuilder } from './types';

const TASK_KEY = hashString('char-lm');

/** Characters of the corpus: space, full stop, then the letters it uses, sorted. */
export const CHARS: string = (() => {
  const letters = new Set(Object.values(GRAMMAR).flat().join(''));
  return ' .' + [...letters].sort().join('');
})();
const CHAR_INDEX = new Map([...CHARS].map((c, i) => [c, i]));

/** `sentences` sentences of the grammar, joined by spaces. */
export function grammarText(sentences: number, seed: number, stream: number): string {
  const rng = new Stream(seed, TASK_KEY, stream, 0, Purpose.data);
  const pick = (words: readonly string[]) => words[rng.int(words.length)];
  const np = () => [pick(GRAMMAR.det), ...(rng.uniform() < 0.5 ? [pick(GRAMMAR.adj)] : []), pick(GRAMMAR.noun)].join(' ');
  const vp = () =>
    rng.uniform() < 0.6
      ? `${pick(GRAMMAR.verb)} ${np()}`
      : [pick(GRAMMAR.intransitive), ...(rng.uniform() < 0.5 ? [pick(GRAMMAR.adverb)] : [])].join(' ');
  return Array.from({ length: sentences }, () => `${np()} ${vp()}.`).join(' ');
}

/** Character ids of a text, preceded by `context` spaces so every character has a full context. */
const encode = (text: string, context: number) => Int32Array.from(' '.repeat(context) + text, (c) => CHAR_INDEX.get(c)!);

/**
 * One-hot contexts [n × context·V] and next characters [n] for the characters at `positions` of
 * encode(text). One-hot rows times E is the embedding lookup without a gather (whose gradient is
 * a slow scatter on tfjs's cpu backend).
 */
function windows(ids: Int32Array, context: number, positions: ArrayLike<number>) {
  const V = CHARS.length;
  const x = new Float32Array(positions.length * context * V);
  const next = new Uint8Array(positions.length);
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i] + context;
    for (let k = 0; k < context; k++) x[(i * context + k) * V + ids[p - context + k]] = 1;
    next[i] = ids[p];
  }
  return { x, next };
}

interface CharLmState {
  params: tf.Variable[];
  context: number;
  seed: number;
  reference: string;
}

const state = internals<CharLmState>('char-lm');
const EVAL_SENTENCES = 100;
const REFERENCE_CHARS = 120;
const SAMPLE_CHARS = 100;
const PROMPT = 'the ';
const TEMPERATURE = 0.7;

/**
 * A character-level language model in Bengio et al.'s (2003) form: the previous `context`
 * characters' embeddings (dimension `embed`), concatenated, a tanh hidden layer, softmax over the
 * next character. Loss: cross-entropy per character (nats); metric: eval perplexity e^loss.
 */
export const createCharLm: TaskFactory = (settings, seed) => {
  const spec = taskSpec('char-lm')!;
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

  return state.attach(
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

export const charLmView: ViewBuilder = async (lanes, step) => {
  const first = state.of(lanes[0]);
  const { context, reference } = first;
  const refIds = encode(reference, context);
  const perLane = await Promise.all(
    lanes.map(async (lane) => {
      const s = state.of(lane);
      const weights = (await Promise.all(s.params.map((p) => p.data()))) as Float32Array[];
      const shape = { context, embed: s.params[0].shape[1]!, hidden: s.params[2].shape[0]! };
      const charLoss = Float32Array.from(reference, (_, i) => -charLogProbs(weights, shape, refIds.subarray(i, i + context))[refIds[i + context]]);
      // Same random stream in every lane (and a new one each picture): samples differ only by the model.
      const rng = new Stream(s.seed, TASK_KEY, step, 1, Purpose.data);
      const ids = Array.from(encode(PROMPT, context));
      for (let i = 0; i < SAMPLE_CHARS; i++) {
        const logp = charLogProbs(weights, shape, ids.slice(ids.length - context));
        const p = logp.map((l) => Math.exp(l / TEMPERATURE));
        let u = rng.uniform() * p.reduce((a, b) => a + b, 0);
        let c = 0;
        while (c < p.length - 1 && (u -= p[c]) > 0) c++;
        ids.push(c);
      }
      const sample = ids.slice(context).map((c) => CHARS[c]).join('');
      return { sample, charLoss };
    }),
  );
  const view: TextView = {
    kind: 'text',
    step,
    prompt: PROMPT,
    samples: perLane.map((l) => l.sample),
    reference,
    charLoss: perLane.map((l) => l.charLoss),
  };
  return view;
};
