import * as tf from '@tensorflow/tfjs';
import { Purpose, Stream } from '../../random/philox';

/** A dense tanh MLP whose weights are tf.Variables initialised from a seeded stream. */
export interface Mlp {
  params: tf.Variable[]; // [W1, b1, W2, b2, …]
  numParams: number;
  /** logits [batch, outputs] for x [batch, inputs] */
  apply(x: tf.Tensor): tf.Tensor;
}

/** Glorot-normal weights (std √(2/(fan_in+fan_out))), zero biases. */
export function createMlp(sizes: number[], seed: number, taskKey: number): Mlp {
  const params: tf.Variable[] = [];
  let numParams = 0;
  for (let layer = 0; layer + 1 < sizes.length; layer++) {
    const fanIn = sizes[layer];
    const fanOut = sizes[layer + 1];
    const std = Math.sqrt(2 / (fanIn + fanOut));
    const rng = new Stream(seed, taskKey, layer, 0, Purpose.init);
    const w = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < w.length; i++) w[i] = std * rng.normal();
    // tidy disposes the initial values; the variables keep their own reference to the data.
    params.push(tf.tidy(() => tf.variable(tf.tensor2d(w, [fanIn, fanOut]), true, undefined, 'float32')));
    params.push(tf.tidy(() => tf.variable(tf.zeros([fanOut]), true, undefined, 'float32')));
    numParams += w.length + fanOut;
  }
  const apply = (x: tf.Tensor) => {
    let h = x;
    for (let i = 0; i < params.length; i += 2) {
      const z = tf.add(tf.matMul(h as tf.Tensor2D, params[i] as tf.Tensor2D), params[i + 1]);
      h = i + 2 < params.length ? tf.tanh(z) : z;
    }
    return h;
  };
  return { params, numParams, apply };
}

/** Mean softmax cross-entropy of logits [batch, classes] against one-hot y [batch, classes]. */
export function crossEntropy(logits: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(logits)), -1))) as tf.Scalar;
}

/** Fraction of rows whose arg-max logit is the labelled class. */
export function accuracy(logits: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.mean(tf.cast(tf.equal(tf.argMax(logits, -1), tf.argMax(y, -1)), 'float32')) as tf.Scalar;
}

/** One-hot rows [n, classes] for the labels at `rows` (all labels when rows is null). */
export function oneHot(labels: Uint8Array, rows: ArrayLike<number> | null, classes: number): Float32Array {
  const n = rows ? rows.length : labels.length;
  const y = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) y[i * classes + labels[rows ? rows[i] : i]] = 1;
  return y;
}

/** `count` row indices drawn with replacement from [0, n) by the step's own stream (same in every lane). */
export function batchRows(seed: number, step: number, count: number, n: number): Int32Array {
  const rng = new Stream(seed, step, 0, 0, Purpose.batch);
  return Int32Array.from({ length: count }, () => rng.int(n));
}

/** Rows of a row-major [n, width] array, gathered into [rows.length, width]. */
export function gatherRows<T extends Float32Array | Int32Array>(src: T, width: number, rows: ArrayLike<number>): T {
  const out = new (src.constructor as { new (n: number): T })(rows.length * width);
  for (let i = 0; i < rows.length; i++) out.set(src.subarray(rows[i] * width, (rows[i] + 1) * width), i * width);
  return out;
}

/**
 * A trainable variable of Glorot-normal values (std √(2/(fan_in+fan_out))) from stream
 * (seed, taskKey, index, 0, init): each tensor of a task has its own index.
 */
export function glorotVariable(shape: number[], fanIn: number, fanOut: number, seed: number, taskKey: number, index: number): tf.Variable {
  const size = shape.reduce((a, b) => a * b, 1);
  const std = Math.sqrt(2 / (fanIn + fanOut));
  const rng = new Stream(seed, taskKey, index, 0, Purpose.init);
  const values = Float32Array.from({ length: size }, () => std * rng.normal());
  return tf.tidy(() => tf.variable(tf.tensor(values, shape), true, undefined, 'float32'));
}

export function zerosVariable(shape: number[]): tf.Variable {
  return tf.tidy(() => tf.variable(tf.zeros(shape), true, undefined, 'float32'));
}

/** Total number of values in a list of tensors. */
export const countParams = (params: readonly tf.Tensor[]) => params.reduce((a, p) => a + p.size, 0);
