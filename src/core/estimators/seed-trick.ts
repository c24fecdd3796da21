import * as tf from '@tensorflow/tfjs';
import type { HyperInput } from '../optimizers/hyper';
import { Optimizer } from '../optimizers/optimizer';
import type { OptimizerId } from '../optimizers/specs';
import { perturbAll, type Direction } from '../random/perturb';
import { disposeDirections, disposeProbes, gradientDirections, probeTwoPoint, twoPointSettings, twoPointVariance, type Probe } from './two-point';

/** The step's directions from its probes, each scaled by `gain` (−η for the update, 1 for diagnostics). */
export type Directions = (probes: readonly Probe[], gain: number) => Direction[];

/**
 * A seed-trick step (MeZO, Malladi et al. 2023, https://arxiv.org/abs/2305.17333, Algorithm 1):
 * θ ← θ + Σₖ (−η·sₖ/q)·zₖ, one seed at a time, where sₖ is what `directions` makes of the slope gₖ
 * (gₖ itself for ZO-SGD, sign(gₖ) for ZO-SGD-Sign). No d-sized tensor is kept: the state is empty.
 */
export class SeedTrickOptimizer extends Optimizer {
  constructor(
    id: OptimizerId,
    private readonly directions: Directions,
    hyper?: HyperInput,
    seed?: number,
  ) {
    super(id, hyper, seed);
  }

  protected ownedState(): null {
    return null;
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const settings = twoPointSettings(this.hyper);
    const { probes, loss } = probeTwoPoint(f, vars, this.seed, this.iterations, settings);
    // ZO-SGD-Sign's sign(gₖ)·zₖ does not estimate ∇L's scale: only the gradient estimate reports its variance.
    if (this.trackVariance && this.directions === gradientDirections) this.keepVariance(twoPointVariance(probes, settings.dist, vars));
    if (this.captureEstimate) this.keepEstimate(this.directions(probes, 1));
    const dirs = this.directions(probes, -this.hyper.lr);
    perturbAll(vars, dirs);
    disposeDirections(dirs);
    disposeProbes(probes);
    return loss;
  }
}
