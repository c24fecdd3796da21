import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../src/core/index';
import type { Optimizer } from '../../../src/core/optimizers';
import { meanAndSe, useCpu } from '../../helpers/optimizers';

beforeAll(useCpu);

/**
 * The variance an estimator reports from its own slopes (estimators/variance.ts): noise V̂ and
 * signal Ŝ, checked against closed forms on a quadratic f(θ) = ½ Σ λᵢθᵢ² (∇f = λ ⊙ θ), and against
 * the exact ‖ĝ − ∇f‖² of the same steps. lr = 0 keeps θ fixed, so each step is a fresh draw of z.
 */
const D = 10;
const LAMBDA = Array.from({ length: D }, (_, i) => Math.pow(10, i / (D - 1)));
const THETA = Array.from({ length: D }, (_, i) => Math.cos(i + 1));
const gradAt = (theta: number[]) => theta.map((t, i) => LAMBDA[i] * t);
const norm2 = (v: number[]) => v.reduce((a, x) => a + x * x, 0);

function quadratic(start: number[]) {
  const theta = tf.variable(tf.tensor1d(start), true);
  const lambda = tf.tensor1d(LAMBDA);
  const loss = () => tf.tidy(() => tf.mul(0.5, tf.sum(tf.mul(lambda, tf.square(theta)))) as tf.Scalar);
  return { theta, loss, dispose: () => tf.dispose([theta, lambda]) };
}

interface Draw {
  noise: number;
  signal: number;
  /** ‖ĝ − ∇f‖², the exact squared error of the same step. */
  error2: number;
}

/** One step of `opt` at its current θ: the variance it reports and its exact squared error. */
function draw(opt: Optimizer, q: ReturnType<typeof quadratic>, grad: number[]): Draw {
  opt.trackVariance = true;
  opt.captureEstimate = true;
  opt.minimize(q.loss, false, [q.theta]);
  const [noise, signal] = opt.takeVariance()!.map((t) => {
    const x = t.dataSync()[0];
    t.dispose();
    return x;
  });
  const g = opt.takeEstimate([q.theta])!;
  const ghat = Array.from(g[0].dataSync());
  tf.dispose(g);
  return { noise, signal, error2: norm2(ghat.map((x, j) => x - grad[j])) };
}

/** `steps` draws of a lane at a fixed θ (lr = 0). */
function draws(id: string, hyper: Record<string, number>, steps: number): Draw[] {
  const q = quadratic(THETA);
  const opt = createOptimizer(id as 'zo-sgd', { ...hyper, lr: 0 }, { seed: 3 });
  const out = Array.from({ length: steps }, () => draw(opt, q, gradAt(THETA)));
  opt.dispose();
  q.dispose();
  return out;
}

/** |mean − expected| within 4 standard errors (a fixed seed: the test is deterministic). */
function expectMean(xs: number[], expected: number): void {
  const { mean, se } = meanAndSe(xs);
  expect(Math.abs(mean - expected)).toBeLessThan(4 * se);
}

describe('variance from the probe slopes (two-point family)', () => {
  const G2 = norm2(gradAt(THETA));

  it.each([
    ['gaussian', 1, 0, D + 1],
    ['gaussian', 4, 0, (D + 1) / 4],
    ['rademacher', 1, 1, D - 1],
    ['sphere', 3, 2, (D - 1) / 3],
  ])('ZO-SGD, %s z, q = %i: E V̂ = κ/q·‖∇f‖² = E‖ĝ − ∇f‖², E Ŝ = ‖∇f‖², V̂/Ŝ = κ/q at every step', (_name, q, dist, relVar) => {
    const xs = draws('zo-sgd', { q, dist }, 1500);
    expectMean(xs.map((x) => x.noise), relVar * G2);
    expectMean(xs.map((x) => x.signal), G2);
    // The exact error of the same steps has the same mean: the proxy measures what it claims.
    expectMean(xs.map((x) => x.error2), relVar * G2);
    for (const x of xs) expect(x.noise / x.signal).toBeCloseTo(relVar, 3);
  });

  it('ZO-Adam reports the variance of its two-point ĝ (before the rule), as ZO-SGD does', () => {
    const xs = draws('zo-adam', { q: 2 }, 50);
    for (const x of xs) expect(x.noise / x.signal).toBeCloseTo((D + 1) / 2, 3);
  });

  it('FZOO (one-sided, N Rademacher): E V̂ = (d − 1)/N·‖∇f‖², the exact error of g (σ only rescales the step)', () => {
    const n = 8;
    const xs = draws('fzoo', { n, eps: 1e-4 }, 1500);
    expectMean(xs.map((x) => x.noise), ((D - 1) / n) * G2);
    expectMean(xs.map((x) => x.error2), ((D - 1) / n) * G2);
  });

  it('ZO-SGD-Sign, backprop and strategies report none', () => {
    for (const id of ['zo-sign', 'sgd', 'snes', 'zo-bcd']) {
      const q = quadratic(THETA);
      const opt = createOptimizer(id as 'sgd', {}, { seed: 1 });
      opt.trackVariance = true;
      opt.minimize(q.loss, false, [q.theta]);
      expect(opt.takeVariance()).toBeNull();
      opt.dispose();
      q.dispose();
    }
  });
});

describe('MeZO-SVRG near its snapshot (Gautam et al. 2024)', () => {
  /** θ near the snapshot θ̄ = THETA. */
  const NEAR = THETA.map((t, i) => t + 0.05 * Math.sin(3 * i));
  const Q_SNAP = 8;

  /** One control step at NEAR after a snapshot at THETA, for `seeds` seeds (each a new snapshot). */
  function svrgDraws(seeds: number): Draw[] {
    return Array.from({ length: seeds }, (_, s) => {
      const q = quadratic(THETA);
      const opt = createOptimizer('mezo-svrg', { lr: 0, lrSnap: 0, qSnap: Q_SNAP, period: 5 }, { seed: s + 1 });
      opt.minimize(q.loss, false, [q.theta]); // step 0: the snapshot at θ̄
      q.theta.assign(tf.tensor1d(NEAR));
      const out = draw(opt, q, gradAt(NEAR));
      opt.dispose();
      q.dispose();
      return out;
    });
  }

  it('its V̂ has the exact error’s mean, κ‖Δ‖² + (κ/q̄)‖∇f(θ̄)‖², and its relative variance is far below ZO-SGD’s', () => {
    const svrg = svrgDraws(800);
    const kappa = D + 1;
    const delta2 = norm2(gradAt(NEAR).map((g, i) => g - gradAt(THETA)[i]));
    const expected = kappa * delta2 + (kappa / Q_SNAP) * norm2(gradAt(THETA));
    expectMean(svrg.map((x) => x.noise), expected);
    expectMean(svrg.map((x) => x.error2), expected);
    const relVar = (xs: Draw[]) => xs.reduce((a, x) => a + x.noise, 0) / xs.reduce((a, x) => a + x.signal, 0);
    const mezo = relVar(draws('zo-sgd', {}, 800));
    expect(mezo).toBeCloseTo(D + 1, 3);
    expect(relVar(svrg)).toBeLessThan(mezo / 4);
  });
});
