/**
 * ZO-SGD with MeZO's seed trick.
 * Malladi et al., "Fine-Tuning Language Models with Just Forward Passes", NeurIPS 2023.
 * https://arxiv.org/abs/2305.17333 (estimator: Spall 1992, SPSA).
 *
 *   for k = 1..q:  z_k ~ N(0, I) from seed (run seed, step, k)
 *                  g_k = (L(θ + εz_k) − L(θ − εz_k)) / 2ε
 *   θ ← θ − η · (1/q) Σ_k g_k z_k
 *
 * Forward passes per step: 2q. Memory: inference only. z_k is regenerated from its key for the
 * +ε, −2ε, +ε perturbations and for the update (princeton-nlp/MeZO `zo_perturb_parameters`), so
 * no d-sized direction is ever kept. g_k stays on the device: the step never reads back.
 * Logged training loss: mean over k of (L₊ + L₋)/2, which equals L(θ) + O(ε²).
 */
import * as tf from '@tensorflow/tfjs';
import { Optimizer } from './base';
import { perturb, type DirectionKey } from '../perturb';

export class ZoSgd extends Optimizer {
  constructor(hyper?: Record<string, number>, seed?: number) {
    super('zo-sgd', hyper, seed);
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { lr, eps, q } = this.hyper;
    const t = this.iterations;
    const coefficients: { key: DirectionKey; coef: tf.Scalar }[] = [];
    let lossSum: tf.Scalar = tf.scalar(0);
    for (let k = 0; k < q; k++) {
      const key: DirectionKey = { seed: this.seed, step: t, query: k };
      perturb(vars, key, eps);
      const lossPlus = tf.tidy(f);
      perturb(vars, key, -2 * eps);
      const lossMinus = tf.tidy(f);
      perturb(vars, key, eps);
      const [coef, sum] = tf.tidy(() => [
        tf.mul(tf.sub(lossPlus, lossMinus), -lr / (2 * eps * q)) as tf.Scalar,
        tf.add(lossSum, tf.mul(tf.add(lossPlus, lossMinus), 0.5 / q)) as tf.Scalar,
      ]);
      tf.dispose([lossPlus, lossMinus, lossSum]);
      lossSum = sum;
      coefficients.push({ key, coef });
    }
    for (const { key, coef } of coefficients) {
      perturb(vars, key, coef);
      coef.dispose();
    }
    return lossSum;
  }
}

export const createZoSgd = (hyper?: Record<string, number>, seed?: number) => new ZoSgd(hyper, seed);
