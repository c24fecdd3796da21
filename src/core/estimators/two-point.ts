/**
 * The two-point family of zeroth-order gradient estimators, shared by the ZO lanes.
 *
 *   central:    gₖ = (L(θ + εzₖ) − L(θ − εzₖ)) / 2ε          (Spall 1992; MeZO)      2q passes
 *   one-sided:  gₖ = (L(θ + εzₖ) − L(θ)) / ε, L(θ) shared     (Nesterov & Spokoiny)   q + 1 passes
 *   ĝ = (1/q) Σₖ gₖ zₖ
 *
 * zₖ is Gaussian, Rademacher (±1) or uniform on the sphere of radius √d over all parameters
 * (Gaussian z times √d/‖z‖). Each zₖ is regenerated from its key (seed, step, k) for every use and
 * never stored (MeZO's seed trick); probes return the weights to θ with +ε, −2ε, +ε.
 * Nothing is read back: differences and coefficients stay on the device.
 *
 * Spall 1992, https://doi.org/10.1109/9.119632; Nesterov & Spokoiny 2017,
 * https://doi.org/10.1007/s10208-015-9296-2; MeZO: Malladi et al. 2023, https://arxiv.org/abs/2305.17333.
 */
import * as tf from '@tensorflow/tfjs';
import { DISTRIBUTIONS, MODES } from '../optimizers/params';
import { perturb, sphereFactor, type Direction, type DirectionKey } from '../random/perturb';
import { directionKappa, numWeights, slopeVariance } from './variance';

/** One probed direction: the loss difference along z = norm·z(key) over the step h. */
export interface Probe {
  /** Key of the Gaussian or Rademacher z the perturbation used. */
  key: DirectionKey;
  /** L(θ+εz) − L(θ−εz) (central) or L(θ+εz) − L(θ) (one-sided). */
  diff: tf.Scalar;
  /** 2ε (central) or ε (one-sided): gₖ = diff / h. */
  h: number;
  /** √d/‖z‖ for sphere directions (the direction is norm·z(key)), else null. */
  norm: tf.Scalar | null;
}

export interface TwoPointProbes {
  probes: Probe[];
  /** The step's training loss (caller owns): mean of (L₊ + L₋)/2 (central) or L(θ) (one-sided). */
  loss: tf.Scalar;
}

export interface TwoPointSettings {
  eps: number;
  q: number;
  /** Index into DISTRIBUTIONS. */
  dist: number;
  /** Index into MODES. */
  mode: number;
}

/** The family's settings from an optimizer's hyperparameters (q, dist and mode default to 1, gaussian, central). */
export const twoPointSettings = (h: Readonly<Record<string, number>>): TwoPointSettings => ({
  eps: h.eps,
  q: h.q ?? 1,
  dist: h.dist ?? 0,
  mode: h.mode ?? 0,
});

/**
 * Probe q directions around θ (the weights end where they started). `l0`, when given, is L(θ) on
 * this batch already computed by the caller; the one-sided mode then reuses it (borrowed).
 */
export function probeTwoPoint(
  f: () => tf.Scalar,
  vars: readonly tf.Variable[],
  seed: number,
  step: number,
  { eps, q, dist, mode }: TwoPointSettings,
  l0?: tf.Scalar,
): TwoPointProbes {
  const name = DISTRIBUTIONS[dist];
  const oneSided = MODES[mode] === 'one-sided';
  const probes: Probe[] = [];
  let base: tf.Scalar | null = null;
  let lossSum: tf.Scalar = tf.scalar(0);
  if (oneSided) base = l0 ?? tf.tidy(f);
  for (let k = 0; k < q; k++) {
    // Gaussian keys carry no `dist`, exactly as zo-sgd's always have (same z, same replay).
    const key: DirectionKey = name === 'rademacher' ? { seed, step, query: k, dist: 'rademacher' } : { seed, step, query: k };
    const norm = name === 'sphere' ? sphereFactor(vars, key) : null;
    const up = norm ? tf.mul(norm, eps) as tf.Scalar : eps;
    perturb(vars, key, up);
    const lossPlus = tf.tidy(f);
    if (oneSided) {
      const down = norm ? (tf.neg(up as tf.Scalar) as tf.Scalar) : -eps;
      perturb(vars, key, down);
      tf.dispose(down);
      probes.push({ key, diff: tf.sub(lossPlus, base!), h: eps, norm });
      lossPlus.dispose();
    } else {
      const down = norm ? tf.mul(norm, -2 * eps) as tf.Scalar : -2 * eps;
      perturb(vars, key, down);
      const lossMinus = tf.tidy(f);
      perturb(vars, key, up);
      const [diff, sum] = tf.tidy(() => [
        tf.sub(lossPlus, lossMinus) as tf.Scalar,
        tf.add(lossSum, tf.mul(tf.add(lossPlus, lossMinus), 0.5 / q)) as tf.Scalar,
      ]);
      tf.dispose([lossPlus, lossMinus, lossSum, down]);
      lossSum = sum;
      probes.push({ key, diff, h: 2 * eps, norm });
    }
    tf.dispose(up);
  }
  if (oneSided) {
    lossSum.dispose();
    lossSum = l0 ? l0.clone() : base!;
  }
  return { probes, loss: lossSum };
}

/** ĝ·gain as directions: coefₖ = gain·gₖ/q (·norm). Folding gain into one multiply keeps MeZO's numerics. */
export function gradientDirections(probes: readonly Probe[], gain: number): Direction[] {
  const q = probes.length;
  return probes.map(({ key, diff, h, norm }) => ({
    key,
    coef: tf.tidy(() => {
      const c = tf.mul(diff, gain / (h * q)) as tf.Scalar;
      return norm ? (tf.mul(c, norm) as tf.Scalar) : c;
    }),
  }));
}

/** ZO-Bench's sign estimate·gain: coefₖ = gain·sign(gₖ)/q (·norm): the magnitude of z is kept. */
export function signDirections(probes: readonly Probe[], gain: number): Direction[] {
  const q = probes.length;
  return probes.map(({ key, diff, norm }) => ({
    key,
    coef: tf.tidy(() => {
      const c = tf.mul(tf.sign(diff), gain / q) as tf.Scalar;
      return norm ? (tf.mul(c, norm) as tf.Scalar) : c;
    }),
  }));
}

/**
 * The step's [noise V̂, signal Ŝ] from its slopes gₖ = diffₖ/h (estimators/variance.ts): V̂ = (κ/q)·mean gₖ²,
 * Ŝ = mean gₖ². The slope is along the direction the probe used (norm·z for the sphere, ‖·‖² = d).
 */
export function twoPointVariance(probes: readonly Probe[], dist: number, vars: readonly tf.Variable[]): [tf.Scalar, tf.Scalar] {
  return slopeVariance(probes.map((p) => p.diff), probes[0].h, directionKappa(DISTRIBUTIONS[dist], numWeights(vars)));
}

export function disposeProbes(probes: readonly Probe[]): void {
  for (const p of probes) tf.dispose(p.norm ? [p.diff, p.norm] : [p.diff]);
}

export function disposeDirections(dirs: readonly Direction[]): void {
  for (const d of dirs) if (typeof d.coef !== 'number') d.coef.dispose();
}
