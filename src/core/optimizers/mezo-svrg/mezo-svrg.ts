/**
 * MeZO-SVRG: Gautam, Park, Zhou, Raman & Ha, "Variance-reduced Zeroth-Order Methods for
 * Fine-Tuning Language Models", ICML 2024. https://arxiv.org/abs/2404.08080 (Algorithm 1).
 *
 *   step t ≡ 0 (mod T):  θ̄ ← θ;  g̃ = (1/q̄) Σₖ gₖ(θ̄)·zₖ;  θ ← θ − η₁·g̃                 2q̄ passes
 *   otherwise:           g_θ = (L(θ+εz) − L(θ−εz))/2ε,  g_θ̄ = (L(θ̄+εz) − L(θ̄−εz))/2ε   4 passes
 *                        ĝ = (g_θ − g_θ̄)·z + g̃,   θ ← θ − η·ĝ
 *
 * E_z ĝ = ∇L(θ) − ∇L(θ̄) + g̃ and E g̃ = ∇L(θ̄), so ĝ is unbiased; near θ̄ the two slopes cancel and
 * the variance is that of g̃, q̄ times below MeZO's. The paper's g̃ is a full-batch estimate; a step
 * here sees one minibatch, so g̃ averages q̄ directions on the snapshot step's batch.
 * State kept between steps: θ̄ and g̃ (2×d, counted by stateBytes). During a control step θ is
 * copied aside (1×d) while the probes run at θ̄. The runner counts each step's own passes
 * (`forwardPassesPerStep`); the spec states the mean over a period. Logged training loss:
 * (L₊ + L₋)/2 at θ (the mean over the q̄ directions on a snapshot step).
 * Variance (estimators/variance.ts, κ = d + 1): a snapshot step reports V̂ = (κ/q̄)·mean gₖ²; a control
 * step V̂ = κ·(g_θ − g_θ̄)² + (κ/q̄)·g_θ̄², the fresh noise of the control variate plus that of g̃
 * (‖∇L(θ̄)‖² estimated by g_θ̄² on this step's batch), and Ŝ = g_θ².
 */
import * as tf from '@tensorflow/tfjs';
import { disposeDirections, disposeProbes, gradientDirections, probeTwoPoint, twoPointVariance } from '../../estimators/two-point';
import { directionKappa, numWeights } from '../../estimators/variance';
import { addScaled, materialize, perturb, type DirectionKey } from '../../random/perturb';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';
import { svrgPassesAt } from './spec';

export class MezoSvrg extends Optimizer {
  /** The snapshot weights θ̄ and its estimate g̃, one tensor per variable (from the first step). */
  private snapshot: tf.Variable[] | null = null;
  private gSnap: tf.Variable[] | null = null;

  constructor(hyper?: HyperInput, seed?: number) {
    super('mezo-svrg', hyper, seed);
  }

  protected ownedState(): tf.Variable[] | null {
    return this.snapshot && this.gSnap ? [...this.snapshot, ...this.gSnap] : null;
  }

  /** Passes of the step just taken: 2q̄ on a snapshot step, 4 otherwise. */
  forwardPassesPerStep(): number {
    return svrgPassesAt(this.hyper, Math.max(0, this.iterations - 1));
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    this.snapshot ??= vars.map((v) => tf.variable(v, false));
    this.gSnap ??= vars.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
    return this.iterations % this.hyper.period === 0 ? this.takeSnapshot(f, vars) : this.controlStep(f, vars);
  }

  private takeSnapshot(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { eps, qSnap, lrSnap } = this.hyper;
    this.snapshot!.forEach((s, i) => s.assign(vars[i]));
    const { probes, loss } = probeTwoPoint(f, vars, this.seed, this.iterations, { eps, q: qSnap, dist: 0, mode: 0 });
    if (this.trackVariance) this.keepVariance(twoPointVariance(probes, 0, vars));
    const dirs = gradientDirections(probes, 1);
    const g = materialize(dirs, vars);
    this.gSnap!.forEach((t, i) => t.assign(g[i]));
    if (this.captureEstimate) this.keepGradient(g);
    addScaled(vars, g, -lrSnap);
    tf.dispose(g);
    disposeDirections(dirs);
    disposeProbes(probes);
    return loss;
  }

  /** The two-point slope along z(key) at the current weights (which end where they started). */
  private slope(f: () => tf.Scalar, vars: readonly tf.Variable[], key: DirectionKey): [tf.Scalar, tf.Scalar] {
    const eps = this.hyper.eps;
    perturb(vars, key, eps);
    const lossPlus = tf.tidy(f);
    perturb(vars, key, -2 * eps);
    const lossMinus = tf.tidy(f);
    perturb(vars, key, eps);
    const out = tf.tidy(() => [tf.div(tf.sub(lossPlus, lossMinus), 2 * eps), tf.mul(tf.add(lossPlus, lossMinus), 0.5)] as tf.Scalar[]);
    tf.dispose([lossPlus, lossMinus]);
    return [out[0], out[1]];
  }

  private controlStep(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { lr } = this.hyper;
    const key: DirectionKey = { seed: this.seed, step: this.iterations, query: 0 };
    const [gTheta, loss] = this.slope(f, vars, key);
    const current = vars.map((v) => v.clone());
    vars.forEach((v, i) => v.assign(this.snapshot![i]));
    const [gBar, lossBar] = this.slope(f, vars, key);
    vars.forEach((v, i) => v.assign(current[i]));
    tf.dispose(current);
    const diff = tf.sub(gTheta, gBar) as tf.Scalar;
    if (this.trackVariance) {
      const kappa = directionKappa('gaussian', numWeights(vars));
      const qSnap = this.hyper.qSnap;
      this.keepVariance(
        tf.tidy(() => [
          tf.add(tf.mul(tf.square(diff), kappa), tf.mul(tf.square(gBar), kappa / qSnap)) as tf.Scalar,
          tf.square(gTheta) as tf.Scalar,
        ]) as [tf.Scalar, tf.Scalar],
      );
    }
    if (this.captureEstimate) {
      const zPart = materialize([{ key, coef: diff }], vars);
      const g = zPart.map((t, i) => tf.add(t, this.gSnap![i]));
      this.keepGradient(g);
      tf.dispose([...zPart, ...g]);
    }
    const coef = tf.mul(diff, -lr) as tf.Scalar;
    perturb(vars, key, coef);
    addScaled(vars, this.gSnap!, -lr);
    tf.dispose([gTheta, gBar, lossBar, diff, coef]);
    return loss;
  }

  dispose(): void {
    super.dispose();
    if (this.snapshot) tf.dispose(this.snapshot);
    if (this.gSnap) tf.dispose(this.gSnap);
    this.snapshot = this.gSnap = null;
  }
}

export const createMezoSvrg = (hyper?: HyperInput, seed?: number) => new MezoSvrg(hyper, seed);
