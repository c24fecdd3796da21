/**
 * The ask/tell bookkeeping the population strategies share (openai-es, snes, cma-es; the shape of
 * evosax's strategies, https://github.com/RobertTLange/evosax):
 *   ask:  the step's members as seed-trick keys, evaluated one at a time (antithetic pairs θ ± σz
 *         for OpenAI-ES), their losses stacked on the device;
 *   tell: fitness shaping by ranks (computed on the device, so a step need not read its losses
 *         back), and for a strategy that forms a gradient estimate, that estimate applied with the
 *         update rule it is given.
 */
import * as tf from '@tensorflow/tfjs';
import { materialize, perturb, perturbAll, type Direction, type DirectionKey } from '../random/perturb';
import type { AppliedRule } from './rules';
import { disposeDirections } from './two-point';

/** ask: the keys of the step's n members; member k's noise is z(seed, step, k), regenerated, never stored. */
export function memberKeys(seed: number, step: number, n: number): DirectionKey[] {
  return Array.from({ length: n }, (_, k) => ({ seed, step, query: k }));
}

/**
 * Evaluate n members one at a time: `enter(k)` moves the weights to member k, the loss is taken
 * there, `leave(k)` (if given) moves them back. Returns the losses [n] (caller owns).
 */
export function evaluateMembers(f: () => tf.Scalar, n: number, enter: (k: number) => void, leave?: (k: number) => void): tf.Tensor1D {
  const losses: tf.Scalar[] = [];
  try {
    for (let k = 0; k < n; k++) {
      enter(k);
      try {
        losses.push(tf.tidy(f));
      } finally {
        leave?.(k);
      }
    }
  } catch (e) {
    tf.dispose(losses); // a loss that throws (e.g. not a scalar) leaves no tensor behind
    throw e;
  }
  const stacked = tf.stack(losses) as tf.Tensor1D;
  tf.dispose(losses);
  return stacked;
}

/**
 * Antithetic pairs θ ± σz(keyⱼ), probed +σ, −2σ, +σ so the weights end where they started.
 * Returns the losses [2·pairs] (caller owns): L(θ + σzⱼ) for every j, then L(θ − σzⱼ).
 */
export function evaluateAntithetic(f: () => tf.Scalar, vars: readonly tf.Variable[], keys: readonly DirectionKey[], sigma: number): tf.Tensor1D {
  const plus: tf.Scalar[] = [];
  const minus: tf.Scalar[] = [];
  for (const key of keys) {
    perturb(vars, key, sigma);
    plus.push(tf.tidy(f));
    perturb(vars, key, -2 * sigma);
    minus.push(tf.tidy(f));
    perturb(vars, key, sigma);
  }
  const losses = tf.tidy(() => tf.concat([tf.stack(plus), tf.stack(minus)]) as tf.Tensor1D);
  tf.dispose([...plus, ...minus]);
  return losses;
}

/**
 * tell, for a strategy whose update is a gradient estimate ĝ = Σⱼ coefⱼ·z(keyⱼ) (borrowed): with no
 * rule, θ ← θ − η·ĝ by the seed trick (no d-sized tensor); otherwise ĝ is materialised and fed to
 * the rule, which keeps its own state.
 */
export function applyEstimate(
  vars: readonly tf.Variable[],
  dirs: readonly Direction[],
  rule: AppliedRule | null,
  hyper: Readonly<Record<string, number>>,
): void {
  if (rule) {
    const gHat = materialize(dirs, vars);
    rule.apply(vars, gHat, hyper);
    tf.dispose(gHat);
  } else {
    const descent = dirs.map(({ key, coef }) => ({ key, coef: tf.mul(coef, -hyper.lr) as tf.Scalar }));
    perturbAll(vars, descent);
    disposeDirections(descent);
  }
}

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
