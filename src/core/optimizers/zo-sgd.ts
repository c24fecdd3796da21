/**
 * ZO-SGD with MeZO's seed trick.
 * Malladi et al., "Fine-Tuning Language Models with Just Forward Passes", NeurIPS 2023.
 * https://arxiv.org/abs/2305.17333 (estimator: Spall 1992, SPSA).
 *
 *   for k = 1..q:  zₖ from seed (run seed, step, k)   (Gaussian | Rademacher | √d-sphere)
 *                  gₖ = (L(θ + εzₖ) − L(θ − εzₖ)) / 2ε      central
 *                  gₖ = (L(θ + εzₖ) − L(θ)) / ε             one-sided, L(θ) shared
 *   θ ← θ − η · (1/q) Σₖ gₖ zₖ
 *
 * Forward passes per step: 2q (central) or q + 1 (one-sided). Memory: inference only. zₖ is
 * regenerated from its key for the +ε, −2ε, +ε perturbations and for the update
 * (princeton-nlp/MeZO `zo_perturb_parameters`), so no d-sized direction is ever kept. gₖ stays on
 * the device: the step never reads back. Logged training loss: mean over k of (L₊ + L₋)/2, which
 * equals L(θ) + O(ε²) (central), or L(θ) (one-sided).
 */
import * as tf from '@tensorflow/tfjs';
import { Optimizer } from './base';
import { perturbAll, type Direction } from '../perturb';
import { disposeDirections, disposeProbes, gradientDirections, probeTwoPoint, twoPointSettings, type Probe } from './two-point';

/** The step's directions from its probes, each scaled by `gain` (−η for the update, 1 for diagnostics). */
type Directions = (probes: readonly Probe[], gain: number) => Direction[];

/**
 * A seed-trick step: θ ← θ + Σₖ (−η·sₖ/q)·zₖ, one seed at a time, where sₖ is what `directions`
 * makes of the slope gₖ (gₖ itself for ZO-SGD, sign(gₖ) for ZO-SGD-Sign). No d-sized tensor is kept.
 */
export class SeedTrickOptimizer extends Optimizer {
  constructor(
    id: string,
    private readonly directions: Directions,
    hyper?: Record<string, number>,
    seed?: number,
  ) {
    super(id, hyper, seed);
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { probes, loss } = probeTwoPoint(f, vars, this.seed, this.iterations, twoPointSettings(this.hyper));
    if (this.captureEstimate) this.keepEstimate(this.directions(probes, 1));
    const dirs = this.directions(probes, -this.hyper.lr);
    perturbAll(vars, dirs);
    disposeDirections(dirs);
    disposeProbes(probes);
    return loss;
  }
}

export const createZoSgd = (hyper?: Record<string, number>, seed?: number) => new SeedTrickOptimizer('zo-sgd', gradientDirections, hyper, seed);
