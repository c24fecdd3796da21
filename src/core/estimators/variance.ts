/**
 * The estimator's variance, read off its own probe slopes (no gradient, no readback).
 *
 * A two-point estimate is ĝ = b + (1/q) Σₖ cₖzₖ, where cₖ = zₖᵀa is the slope of some vector a along
 * zₖ (a = ∇L for MeZO; a = ∇L(θ) − ∇L(θ̄) for MeZO-SVRG's control steps, with b = g̃) and b is fixed
 * within the step. Since E zzᵀ = I, E cₖ² = ‖a‖², and
 *
 *   E_z‖cz − a‖² = E[(zᵀa)²‖z‖²] − ‖a‖² = κ‖a‖²,   κ = d + 1 (Gaussian), d − 1 (Rademacher, sphere)
 *
 * so per step the estimator reports two scalars (both unbiased on a quadratic with central
 * differences, given the step's batch):
 *
 *   noise   V̂ = (κ/q)·(1/q) Σₖ cₖ²      of  E_z‖ĝ − E_z ĝ‖²   (tr Cov ĝ)
 *   signal  Ŝ = (1/q) Σₖ sₖ²            of  ‖∇L(θ)‖²,  sₖ the slope at θ along zₖ (sₖ = cₖ for MeZO)
 *
 * and the variance panel plots the relative variance r = Σ V̂ / Σ Ŝ over a window of steps (a ratio
 * of means: a single Ŝ is one χ²-like draw). For MeZO this is (d + 1)/q at every step, the fact
 * E‖ĝ − ∇L‖²/‖∇L‖² = (d + 1)/q (Gaussian; Nesterov & Spokoiny 2017); MeZO-SVRG's falls towards
 * κ/q̄ near its snapshot, where its control variate cancels (Gautam et al. 2024).
 */
import * as tf from '@tensorflow/tfjs';
import { DISTRIBUTIONS } from '../optimizers/params';

/** κ = E_z‖(zᵀa)z − a‖²/‖a‖² for directions of `dist` in d dimensions. */
export function directionKappa(dist: (typeof DISTRIBUTIONS)[number], d: number): number {
  return dist === 'gaussian' ? d + 1 : d - 1;
}

/** The number of weights d of `vars`. */
export const numWeights = (vars: readonly tf.Variable[]): number => vars.reduce((n, v) => n + v.size, 0);

/** (1/q) Σₖ xₖ², xₖ = diffₖ/h: the mean square of slopes given as loss differences over one step h. */
export function meanSquareSlope(diffs: readonly tf.Scalar[], h: number): tf.Scalar {
  return tf.tidy(() => tf.div(tf.mean(tf.square(tf.stack(diffs as tf.Scalar[]))), h * h) as tf.Scalar);
}

/** [V̂, Ŝ] for an estimate whose q slopes are also the slopes at θ (MeZO, FZOO, a snapshot step). */
export function slopeVariance(diffs: readonly tf.Scalar[], h: number, kappa: number): [tf.Scalar, tf.Scalar] {
  const signal = meanSquareSlope(diffs, h);
  return [tf.mul(signal, kappa / diffs.length) as tf.Scalar, signal];
}
