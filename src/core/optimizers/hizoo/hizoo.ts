/**
 * HiZOO: Zhao et al., "Second-Order Fine-Tuning without Pain for LLMs: A Hessian Informed
 * Zeroth-Order Optimizer", ICLR 2025. https://arxiv.org/abs/2402.15173
 *
 * A diagonal Hessian estimate H (init 1) shapes the probe; in the paper's Σ = H⁻¹ notation:
 *   L₀ = L(θ),  L± = L(θ ± ε·z/√H)
 *   H ← (1−α)·H + α·|L₊ + L₋ − 2L₀| / (2ε²) · H ⊙ z ⊙ z
 *   θ ← θ − η·(L₊ − L₋)/(2ε) · z/√H          (with the updated H, as the paper's Algorithm 1)
 *
 * Forward passes per step: 3. Extra memory: H (1×d); z/√H is materialised during the step (1×d).
 * Nothing is read back. Logged training loss: L₀. Note: the authors' code keeps Σ in a variable
 * named Hessian_matrix and updates it with z²/Σ; this file follows the paper's equations
 * (its Algorithm 1), in which H is the Hessian and Σ^{1/2} = 1/√H scales z.
 */
import * as tf from '@tensorflow/tfjs';
import { addScaled, materialize, type DirectionKey } from '../../random/perturb';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';

export class HiZoo extends Optimizer {
  /** Diagonal Hessian estimate, one tensor per variable (created at the first step). */
  private H: tf.Variable[] | null = null;

  constructor(hyper?: HyperInput, seed?: number) {
    super('hizoo', hyper, seed);
  }

  protected ownedState(): tf.Variable[] | null {
    return this.H;
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { lr, eps, alpha } = this.hyper;
    this.H ??= vars.map((v) => tf.tidy(() => tf.variable(tf.onesLike(v), false)));
    const H = this.H;
    const key: DirectionKey = { seed: this.seed, step: this.iterations, query: 0 };
    const z = materialize([{ key, coef: 1 }], vars);
    // z is a variable (perturbation kernels write into one), which no tf scope tracks: free it on every exit.
    try {
      const dz = z.map((zi, i) => tf.tidy(() => tf.div(zi, tf.sqrt(H[i])))); // z/√H
      const shift = (scale: number) => addScaled(vars, dz, scale);
      const l0 = tf.tidy(f);
      shift(eps);
      const lossPlus = tf.tidy(f);
      shift(-2 * eps);
      const lossMinus = tf.tidy(f);
      shift(eps);
      const [g, curvature] = tf.tidy(() => [
        tf.div(tf.sub(lossPlus, lossMinus), 2 * eps),
        tf.div(tf.abs(tf.sub(tf.add(lossPlus, lossMinus), tf.mul(l0, 2))), 2 * eps * eps),
      ]);
      vars.forEach((v, i) => {
        const [hNew, next] = tf.tidy(() => {
          const h = tf.add(tf.mul(H[i], 1 - alpha), tf.mul(tf.mul(H[i], tf.square(z[i])), tf.mul(curvature, alpha)));
          return [h, tf.sub(v, tf.mul(tf.div(z[i], tf.sqrt(h)), tf.mul(g, lr)))];
        });
        H[i].assign(hNew);
        v.assign(next);
        tf.dispose([hNew, next]);
      });
      tf.dispose([...dz, lossPlus, lossMinus, g, curvature]);
      return l0;
    } finally {
      tf.dispose(z);
    }
  }

  dispose(): void {
    if (this.H) tf.dispose(this.H);
    this.H = null;
  }
}

export const createHiZoo = (hyper?: HyperInput, seed?: number) => new HiZoo(hyper, seed);
