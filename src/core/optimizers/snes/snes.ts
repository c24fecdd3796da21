/**
 * Separable Natural Evolution Strategies (SNES): Wierstra, Schaul, Glasmachers, Sun, Peters,
 * Schmidhuber, "Natural Evolution Strategies", JMLR 15, 2014 (Algorithm 6).
 * https://jmlr.org/papers/v15/wierstra14a.html
 *
 *   sₖ ~ N(0, I), xₖ = μ + σ ⊙ sₖ, k = 1..λ;   rank the losses, best first
 *   uₖ = max(0, ln(λ/2 + 1) − ln k) / Σⱼ max(0, ln(λ/2 + 1) − ln j) − 1/λ
 *   μ ← μ + η_μ · σ ⊙ Σₖ uₖ sₖ;   σ ← σ ⊙ exp(½ η_σ Σₖ uₖ (sₖ² − 1)),   η_σ = (3 + ln d)/(5√d)
 *
 * The weights hold μ. Forward passes per step: λ. Extra memory: σ (1×d); each sₖ is a seed-trick
 * direction, regenerated when needed (σ ⊙ sₖ is materialised one at a time). Ranks and utilities are
 * computed on the device: nothing is read back. Logged training loss: the mean of the λ population
 * losses (the Gaussian-smoothed loss at μ), without an extra pass. The hyperparameter σ is the
 * initial step size; changing it live restarts σ there.
 */
import * as tf from '@tensorflow/tfjs';
import { evaluateMembers, memberKeys, ranks, sizeOf } from '../../estimators/population';
import { disposeDirections } from '../../estimators/two-point';
import { addScaled, materialize, type Direction } from '../../random/perturb';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';

/** SNES/xNES fitness-shaping utilities for ranks 1..λ (best first); they sum to 0. */
export function snesUtilities(lambda: number): number[] {
  const raw = Array.from({ length: lambda }, (_, k) => Math.max(0, Math.log(lambda / 2 + 1) - Math.log(k + 1)));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / total - 1 / lambda);
}

export class Snes extends Optimizer {
  /** σ, one tensor per variable. */
  private sigma: tf.Variable[] | null = null;
  private sigmaInit = NaN;

  constructor(hyper?: HyperInput, seed?: number) {
    super('snes', hyper, seed);
  }

  protected ownedState(): tf.Variable[] | null {
    return this.sigma;
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { lr, lambda } = this.hyper;
    if (this.hyper.sigma !== this.sigmaInit) {
      this.dispose();
      this.sigmaInit = this.hyper.sigma;
      this.sigma = vars.map((v) => tf.tidy(() => tf.variable(tf.fill(v.shape, this.sigmaInit), false)));
    }
    const sigma = this.sigma!;
    const d = sizeOf(vars);
    const etaSigma = (3 + Math.log(d)) / (5 * Math.sqrt(d));
    const keys = memberKeys(this.seed, this.iterations, lambda);
    // ask: xₖ = μ + σ ⊙ sₖ, one member at a time (σ ⊙ sₖ materialised while it is evaluated).
    let s: tf.Tensor[] = [];
    let delta: tf.Tensor[] = [];
    const enter = (k: number) => {
      s = materialize([{ key: keys[k], coef: 1 }], vars);
      delta = s.map((sk, i) => tf.mul(sk, sigma[i]));
      addScaled(vars, delta, 1);
    };
    const leave = () => {
      addScaled(vars, delta, -1);
      tf.dispose([...s, ...delta]);
    };
    const losses = evaluateMembers(f, lambda, enter, leave); // [λ]
    const [w, loss] = tf.tidy(() => {
      const u = tf.gather(tf.tensor1d(snesUtilities(lambda)), tf.cast(ranks(losses), 'int32')); // uₖ by each sample's rank
      return [tf.unstack(u) as tf.Scalar[], tf.mean(losses) as tf.Scalar] as const;
    });
    losses.dispose();
    // ∇μ = Σ uₖ sₖ in one pass of the kernel; ∇σ = Σ uₖ (sₖ² − 1) one sample at a time.
    const dirs: Direction[] = keys.map((key, k) => ({ key, coef: w[k] }));
    const gradMu = materialize(dirs, vars);
    const gradSigma: tf.Tensor[] = vars.map((v) => tf.zerosLike(v));
    keys.forEach((key, k) => {
      const s = materialize([{ key, coef: 1 }], vars);
      s.forEach((sk, i) => {
        const acc = tf.tidy(() => tf.add(gradSigma[i], tf.mul(tf.sub(tf.square(sk), 1), w[k])));
        gradSigma[i].dispose();
        gradSigma[i] = acc;
      });
      tf.dispose(s);
    });
    vars.forEach((v, i) => {
      const [mu, sd] = tf.tidy(() => [
        tf.add(v, tf.mul(tf.mul(sigma[i], gradMu[i]), lr)),
        tf.mul(sigma[i], tf.exp(tf.mul(gradSigma[i], etaSigma / 2))),
      ]);
      v.assign(mu);
      sigma[i].assign(sd);
      tf.dispose([mu, sd]);
    });
    tf.dispose([...gradMu, ...gradSigma]);
    disposeDirections(dirs);
    return loss;
  }

  dispose(): void {
    if (this.sigma) tf.dispose(this.sigma);
    this.sigma = null;
    this.sigmaInit = NaN;
  }
}

export const createSnes = (hyper?: HyperInput, seed?: number) => new Snes(hyper, seed);
