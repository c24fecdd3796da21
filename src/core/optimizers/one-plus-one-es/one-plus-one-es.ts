/**
 * (1+1)-ES with the 1/5th success rule: Rechenberg 1973; in the form of Hansen, Arnold & Auger,
 * "Evolution Strategies", Springer Handbook of Computational Intelligence, 2015, Sect. 3.1
 * (https://hal.inria.fr/hal-01155533), after Kern et al. 2004.
 *
 *   x' = θ + σz, z ~ N(0, I)
 *   success = L(x') ≤ L(θ)            (both on this step's batch)
 *   σ ← σ·exp((1[success] − 1/5)/D),  D = √(d + 1)
 *   θ ← x' on success
 *
 * Forward passes per step: 2 with reeval on (the offspring, and the parent re-evaluated on the
 * step's batch, as minibatch losses are noisy); 1 with reeval off (deterministic tasks: the accepted
 * loss is kept on the device; after a rejected step the weights are θ + σz − σz, equal to θ up to
 * float rounding). Memory: inference only: z is a seed-trick direction, and acceptance
 * and σ are decided on the device (tf.where), so nothing is read back. Logged training loss: L(θ), the
 * incumbent's loss on this batch before the step. σ starts at the hyperparameter `sigma`; changing it
 * live restarts σ there. With adaptation off this is the random search of ../random-search/.
 */
import * as tf from '@tensorflow/tfjs';
import { sizeOf } from '../../estimators/population';
import { perturb, type DirectionKey } from '../../random/perturb';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';
import type { OptimizerId } from '../specs';

export class OnePlusOneEs extends Optimizer {
  /** Current step size σ, on the device. */
  private sigma: tf.Variable<tf.Rank.R0> | null = null;
  private sigmaInit = NaN;
  /** With reeval off: the incumbent's loss, kept on the device instead of measured again. */
  private parentLoss: tf.Variable<tf.Rank.R0> | null = null;
  /** Passes of the step just taken (the first step with reeval off still measures the parent). */
  private lastPasses = NaN;

  constructor(
    id: OptimizerId = 'one-plus-one-es',
    /** The 1/5th rule on (true) or a fixed σ (random search). */
    private readonly adapt = true,
    hyper?: HyperInput,
    seed?: number,
  ) {
    super(id, hyper, seed);
  }

  protected ownedState(): tf.Variable[] {
    const state: tf.Variable[] = [];
    if (this.sigma) state.push(this.sigma);
    if (this.parentLoss) state.push(this.parentLoss);
    return state;
  }

  forwardPassesPerStep(): number {
    return Number.isNaN(this.lastPasses) ? this.spec.forwardPasses(this.hyper) : this.lastPasses;
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    if (this.hyper.sigma !== this.sigmaInit) {
      this.dispose();
      this.sigmaInit = this.hyper.sigma;
      this.sigma = tf.tidy(() => tf.variable(tf.scalar(this.sigmaInit), false));
    }
    const sigma = this.sigma!;
    const key: DirectionKey = { seed: this.seed, step: this.iterations, query: 0 };
    const keep = this.hyper.reeval === 0;
    if (!keep && this.parentLoss) {
      this.parentLoss.dispose();
      this.parentLoss = null;
    }
    const parent = keep && this.parentLoss ? this.parentLoss.clone() : tf.tidy(f);
    this.lastPasses = keep && this.parentLoss ? 1 : 2;
    perturb(vars, key, sigma);
    const child = tf.tidy(f);
    const success = tf.lessEqual(child, parent);
    if (keep) {
      const next = tf.tidy(() => tf.where(success, child, parent)) as tf.Scalar;
      if (this.parentLoss) this.parentLoss.assign(next);
      else this.parentLoss = tf.variable(next, false) as tf.Variable<tf.Rank.R0>;
      next.dispose();
    }
    // Keep x' on success; else step back by −σz.
    const back = tf.tidy(() => tf.where(success, tf.scalar(0), tf.neg(sigma))) as tf.Scalar;
    perturb(vars, key, back);
    if (this.adapt) {
      const D = Math.sqrt(sizeOf(vars) + 1);
      const next = tf.tidy(() => tf.mul(sigma, tf.exp(tf.div(tf.sub(tf.cast(success, 'float32'), 0.2), D)))) as tf.Scalar;
      sigma.assign(next);
      next.dispose();
    }
    tf.dispose([child, success, back]);
    return parent;
  }

  dispose(): void {
    this.sigma?.dispose();
    this.sigma = null;
    this.parentLoss?.dispose();
    this.parentLoss = null;
    this.sigmaInit = NaN;
  }
}

export const createOnePlusOneEs = (hyper?: HyperInput, seed?: number) =>
  new OnePlusOneEs('one-plus-one-es', true, hyper, seed);
