/**
 * Shared pieces of the population strategies (openai-es, snes, cma-es): fitness shaping by ranks,
 * computed on the device so a step need not read its losses back.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * Ascending ranks 0..n−1 of x [n] (0 = lowest loss = best), ties broken by index:
 * rᵢ = #{j : xⱼ < xᵢ} + #{j < i : xⱼ = xᵢ}. Caller owns the result [n].
 */
export function ranks(x: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const n = x.shape[0];
    const xi = x.reshape([n, 1]); // [n, 1]
    const xj = x.reshape([1, n]); // [1, n]
    const before = tf.linalg.bandPart(tf.ones([n, n]), 0, -1).sub(tf.eye(n)).transpose(); // [i, j] = 1 if j < i
    const less = tf.cast(tf.less(xj, xi), 'float32');
    const tiesBefore = tf.mul(tf.cast(tf.equal(xj, xi), 'float32'), before);
    return tf.sum(tf.add(less, tiesBefore), 1) as tf.Tensor1D;
  });
}

/** Salimans et al.'s centered ranks: rank/(n−1) − ½ ∈ [−½, ½] (invariant to monotone transforms of L). */
export function centeredRanks(x: tf.Tensor1D): tf.Tensor1D {
  const n = x.shape[0];
  return tf.tidy(() => tf.sub(tf.div(ranks(x), Math.max(n - 1, 1)), 0.5) as tf.Tensor1D);
}

/** Total number of parameters. */
export const sizeOf = (vars: readonly tf.Variable[]) => vars.reduce((n, v) => n + v.size, 0);
