import * as tf from '@tensorflow/tfjs';
import { Purpose, Stream } from '../rng';

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
