/**
 * ZO-SGD-Cons (conservative ZO-SGD) as in ZO-Bench: Zhang et al., "Revisiting Zeroth-Order
 * Optimization for Memory-Efficient LLM Fine-Tuning: A Benchmark", ICML 2024.
 * https://arxiv.org/abs/2402.11592 (after Kim et al. 2021, "Curvature-aware derivative-free
 * optimization").
 *
 *   L₀ = L(θ);  ĝ = (1/q) Σₖ gₖ zₖ  (two-point)
 *   θ ← argmin over {θ, θ − ηĝ, θ + ηĝ} of L on this batch   (ties keep θ)
 *
 * Forward passes per step: 2q + 3 central (5 for q = 1, as ZO-Bench counts it), q + 3 one-sided (L₀ is
 * the shared base). Memory: inference only: the two trial points and the final move are seed-trick
 * perturbations, and the choice among the three is made on the device (tf.where), so nothing is
 * read back. Logged training loss: L₀ = L(θ) before the step.
 */
import * as tf from '@tensorflow/tfjs';
import { disposeDirections, disposeProbes, gradientDirections, probeTwoPoint, twoPointSettings, twoPointVariance } from '../../estimators/two-point';
import { perturbAll, type Direction } from '../../random/perturb';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';

export class ZoCons extends Optimizer {
  constructor(hyper?: HyperInput, seed?: number) {
    super('zo-cons', hyper, seed);
  }

  protected ownedState(): null {
    return null;
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const l0 = tf.tidy(f);
    const settings = twoPointSettings(this.hyper);
    const { probes, loss } = probeTwoPoint(f, vars, this.seed, this.iterations, settings, l0);
    loss.dispose();
    if (this.trackVariance) this.keepVariance(twoPointVariance(probes, settings.dist, vars));
    // Δ = −ηĝ as directions; try θ + Δ, then θ − Δ.
    if (this.captureEstimate) this.keepEstimate(gradientDirections(probes, 1));
    const delta = gradientDirections(probes, -this.hyper.lr);
    perturbAll(vars, delta);
    const lossDescent = tf.tidy(f);
    const back = scaled(delta, -2);
    perturbAll(vars, back);
    const lossAscent = tf.tidy(f);
    // Now at θ − Δ. Move by m·Δ with m = 2 (to θ + Δ), 1 (to θ) or 0 (stay).
    const move = tf.tidy(() =>
      tf.where(
        tf.logicalAnd(tf.less(lossDescent, l0), tf.less(lossDescent, lossAscent)),
        tf.scalar(2),
        tf.where(tf.less(lossAscent, l0), tf.scalar(0), tf.scalar(1)),
      ),
    ) as tf.Scalar;
    const final = scaled(delta, move);
    perturbAll(vars, final);
    tf.dispose([lossDescent, lossAscent, move]);
    disposeDirections(final);
    disposeDirections(back);
    disposeDirections(delta);
    disposeProbes(probes);
    return l0;
  }
}

function scaled(dirs: readonly Direction[], factor: number | tf.Scalar): Direction[] {
  return dirs.map(({ key, coef }) => ({ key, coef: tf.mul(coef, factor) as tf.Scalar }));
}

export const createZoCons = (hyper?: HyperInput, seed?: number) => new ZoCons(hyper, seed);
