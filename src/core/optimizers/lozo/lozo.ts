/**
 * LOZO: Chen, Zhang, Cao, Yuan, Wen, "Enhancing Zeroth-order Fine-tuning for Language Models with
 * Low-rank Structures", ICLR 2025. https://arxiv.org/abs/2410.07698
 *
 * For each 2-D weight X (m×n) the direction is low-rank, Z = U Vᵀ with U ~ N(0, I_{m×r}) fresh each
 * step and V ~ N(0, I_{n×r}) resampled every ν steps ("lazy sampling"); 1-D tensors (biases, and the
 * test functions' vectors) use an ordinary Gaussian z:
 *   g = (L(θ + εZ) − L(θ − εZ)) / 2ε;   θ ← θ − η·g·Z
 * No 1/r factor, as in the authors' code (optsuite/LOZO `lowrank_zo_update`); with the default r = 1
 * this is also the paper's estimator.
 *
 * Forward passes per step: 2. Extra memory: none kept between steps: U comes from (seed, step) and
 * V from (seed, ⌊step/ν⌋), regenerated rather than stored; Z is materialised during the step (1×d).
 * Logged training loss: (L₊ + L₋)/2 = L(θ) + O(ε²).
 */
import * as tf from '@tensorflow/tfjs';
import { Purpose, fillNormal } from '../../random/philox';
import { addScaled, direction } from '../../random/perturb';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';

export class Lozo extends Optimizer {
  constructor(hyper?: HyperInput, seed?: number) {
    super('lozo', hyper, seed);
  }

  protected ownedState(): null {
    return null;
  }

  /** Z for variable i at step t: U Vᵀ for matrices, z for the rest. */
  private directionOf(v: tf.Variable, i: number, t: number): tf.Tensor {
    const { rank, nu } = this.hyper;
    if (v.shape.length !== 2) return direction(v.shape, i, { seed: this.seed, step: t, query: 0 });
    const [m, n] = v.shape;
    const u = fillNormal(new Float32Array(m * rank), this.seed, t, i, 0, Purpose.lowRank);
    const w = fillNormal(new Float32Array(n * rank), this.seed, Math.floor(t / nu), i, 1, Purpose.lowRank);
    return tf.tidy(() => tf.matMul(tf.tensor2d(u, [m, rank]), tf.tensor2d(w, [n, rank]), false, true));
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { lr, eps } = this.hyper;
    const Z = vars.map((v, i) => this.directionOf(v, i, this.iterations));
    const shift = (scale: number | tf.Scalar) => addScaled(vars, Z, scale);
    shift(eps);
    const lossPlus = tf.tidy(f);
    shift(-2 * eps);
    const lossMinus = tf.tidy(f);
    shift(eps);
    const [coef, loss] = tf.tidy(() => [
      tf.mul(tf.sub(lossPlus, lossMinus), -lr / (2 * eps)) as tf.Scalar,
      tf.mul(tf.add(lossPlus, lossMinus), 0.5) as tf.Scalar,
    ]);
    shift(coef);
    tf.dispose([...Z, lossPlus, lossMinus, coef]);
    return loss;
  }
}

export const createLozo = (hyper?: HyperInput, seed?: number) => new Lozo(hyper, seed);
