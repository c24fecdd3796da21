/**
 * FZOO: Dang et al., "FZOO: Fast Zeroth-Order Optimizer for Fine-Tuning Large Language Models
 * towards Adam-Scale Speed", 2025. https://arxiv.org/abs/2506.09034
 *
 *   l₀ = L(θ),  lᵢ = L(θ + εuᵢ),  uᵢ ∈ {±1}^d Rademacher, i = 1..N      (one batch, one base)
 *   g = (1/(εN)) Σᵢ (lᵢ − l₀)·uᵢ
 *   σ = √( (1/(N−1)) Σᵢ (lᵢ − l̄)² ),  l̄ = (1/N) Σᵢ lᵢ                  (spread of the probe losses)
 *   θ ← θ − η·g/σ
 *
 * Since lᵢ − l₀ ≈ ε·uᵢᵀ∇L, σ ≈ ε‖∇L‖ and the step is a zeroth-order normalised SGD (the paper's
 * equivalence). σ is floored at 1e-30 only so that N identical losses give a zero step, not NaN.
 * Forward passes per step: N + 1. Memory: inference only: each uᵢ is regenerated from its key for
 * the probe, the way back and the update (seed trick), and the coefficients stay on the device.
 * Logged training loss: l₀ = L(θ). Gradient diagnostics and the variance panel see g, the estimate
 * of ∇L (σ rescales the step, not the direction), with slopes (lᵢ − l₀)/ε and κ = d − 1.
 */
import * as tf from '@tensorflow/tfjs';
import { perturb, perturbAll, type Direction, type DirectionKey } from '../../random/perturb';
import { disposeDirections } from '../../estimators/two-point';
import { directionKappa, numWeights, slopeVariance } from '../../estimators/variance';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';

/** The paper's σ of a batch of probe losses (sample standard deviation, N − 1 in the denominator). */
export function fzooSpread(losses: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const n = losses.size;
    const centred = tf.sub(losses, tf.mean(losses));
    return tf.sqrt(tf.div(tf.sum(tf.square(centred)), n - 1)) as tf.Scalar;
  });
}

export class Fzoo extends Optimizer {
  constructor(hyper?: HyperInput, seed?: number) {
    super('fzoo', hyper, seed);
  }

  protected ownedState(): null {
    return null;
  }

  /** The key of probe i at this step (Rademacher ±1). */
  private key(i: number): DirectionKey {
    return { seed: this.seed, step: this.iterations, query: i, dist: 'rademacher' };
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { lr, eps, n } = this.hyper;
    const l0 = tf.tidy(f);
    const probes: tf.Scalar[] = [];
    for (let i = 0; i < n; i++) {
      perturb(vars, this.key(i), eps);
      probes.push(tf.tidy(f));
      perturb(vars, this.key(i), -eps);
    }
    const losses = tf.stack(probes) as tf.Tensor1D;
    const sigma = fzooSpread(losses);
    const diffs = probes.map((li) => tf.sub(li, l0) as tf.Scalar);
    const scaledDirs = (gain: number, normalise: boolean): Direction[] =>
      diffs.map((diff, i) => ({
        key: this.key(i),
        coef: tf.tidy(() => {
          const c = tf.mul(diff, gain / (eps * n)) as tf.Scalar;
          return normalise ? (tf.div(c, tf.maximum(sigma, 1e-30)) as tf.Scalar) : c;
        }),
      }));
    if (this.captureEstimate) this.keepEstimate(scaledDirs(1, false));
    if (this.trackVariance) this.keepVariance(slopeVariance(diffs, eps, directionKappa('rademacher', numWeights(vars))));
    const dirs = scaledDirs(-lr, true);
    perturbAll(vars, dirs);
    disposeDirections(dirs);
    tf.dispose([...probes, ...diffs, losses, sigma]);
    return l0;
  }
}

export const createFzoo = (hyper?: HyperInput, seed?: number) => new Fzoo(hyper, seed);
