/**
 * Sparse-MeZO: Liu et al., "Sparse MeZO: Less Parameters for Better Performance in Zeroth-Order
 * LLM Fine-Tuning", 2024. https://arxiv.org/abs/2402.15751 (code: NUS-HPC-AI-Lab/SparseMeZO).
 *
 *   per tensor: k = max(1, round((1 − s)·n)),  h = the k-th smallest |θ|,  m = 1[|θ| ≤ h]
 *   g = (L(θ + ε·m⊙z) − L(θ − ε·m⊙z)) / 2ε,   z ~ N(0, I)
 *   θ ← θ − η·g·m⊙z
 *
 * The mask is computed from the weights at the start of the step (as the paper's on-the-fly mask)
 * and is discarded with the step: nothing is kept between steps. Forward passes per step: 2.
 * Memory: m⊙z is materialised during the step (1×d; z itself comes from the step's key, as in
 * MeZO). Logged training loss: (L₊ + L₋)/2 = L(θ) + O(ε²).
 */
import * as tf from '@tensorflow/tfjs';
import { addScaled, direction, type DirectionKey } from '../../random/perturb';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';

/** m = 1[|θ| ≤ h], h the k-th smallest |θ| of the tensor, k = max(1, round((1 − s)·n)). */
export function smallWeightMask(v: tf.Tensor, sparsity: number): tf.Tensor {
  return tf.tidy(() => {
    const k = Math.max(1, Math.round((1 - sparsity) * v.size));
    const absV = tf.abs(v);
    if (k >= v.size) return tf.onesLike(v);
    const h = tf.neg(tf.min(tf.topk(tf.neg(tf.reshape(absV, [-1])), k).values));
    return tf.cast(tf.lessEqual(absV, h), 'float32');
  });
}

export class SparseMezo extends Optimizer {
  constructor(hyper?: HyperInput, seed?: number) {
    super('sparse-mezo', hyper, seed);
  }

  protected ownedState(): null {
    return null;
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { lr, eps, sparsity } = this.hyper;
    const key: DirectionKey = { seed: this.seed, step: this.iterations, query: 0 };
    const mz = vars.map((v, i) => tf.tidy(() => tf.mul(smallWeightMask(v, sparsity), direction(v.shape, i, key))));
    addScaled(vars, mz, eps);
    const lossPlus = tf.tidy(f);
    addScaled(vars, mz, -2 * eps);
    const lossMinus = tf.tidy(f);
    addScaled(vars, mz, eps);
    const [slope, coef, loss] = tf.tidy(() => {
      const g = tf.div(tf.sub(lossPlus, lossMinus), 2 * eps) as tf.Scalar;
      return [g, tf.mul(g, -lr) as tf.Scalar, tf.mul(tf.add(lossPlus, lossMinus), 0.5) as tf.Scalar];
    });
    if (this.captureEstimate) {
      const grads = mz.map((t) => tf.mul(t, slope));
      this.keepGradient(grads);
      tf.dispose(grads);
    }
    addScaled(vars, mz, coef);
    tf.dispose([...mz, lossPlus, lossMinus, slope, coef]);
    return loss;
  }
}

export const createSparseMezo = (hyper?: HyperInput, seed?: number) => new SparseMezo(hyper, seed);
