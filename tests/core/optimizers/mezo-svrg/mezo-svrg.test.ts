import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../../src/core/index';
import { csvOfLink } from '../../../helpers/replay';
import { useCpu } from '../../../helpers/optimizers';

beforeAll(useCpu);

const D = 10;
/** f(θ) = ½ Σ λᵢθᵢ², λ log-spaced in [1, 10]; ∇f = λ ⊙ θ (closed form). */
const LAMBDA = Array.from({ length: D }, (_, i) => Math.pow(10, i / (D - 1)));
const THETA_BAR = Array.from({ length: D }, (_, i) => Math.cos(i + 1));
/** θ near the snapshot: θ̄ + a small offset. */
const THETA = THETA_BAR.map((t, i) => t + 0.05 * Math.sin(3 * i));
const GRAD = THETA.map((t, i) => LAMBDA[i] * t);

function quadratic(start: number[]) {
  const theta = tf.variable(tf.tensor1d(start), true);
  const lambda = tf.tensor1d(LAMBDA);
  const loss = () => tf.tidy(() => tf.mul(0.5, tf.sum(tf.mul(lambda, tf.square(theta)))) as tf.Scalar);
  return { theta, loss, dispose: () => tf.dispose([theta, lambda]) };
}

/** One estimate ĝ at θ: MeZO's, or MeZO-SVRG's with its snapshot taken at θ̄ (lrSnap = 0, so θ stays at θ̄). */
function estimateAt(id: 'zo-sgd' | 'mezo-svrg', seed: number): number[] {
  const q = quadratic(THETA_BAR);
  const opt = id === 'zo-sgd' ? createOptimizer('zo-sgd', { lr: 0 }, { seed }) : createOptimizer('mezo-svrg', { lr: 0, lrSnap: 0, qSnap: 8, period: 5 }, { seed });
  if (id === 'mezo-svrg') opt.minimize(q.loss, false, [q.theta]); // step 0: the snapshot at θ̄
  q.theta.assign(tf.tensor1d(THETA));
  opt.captureEstimate = true;
  opt.minimize(q.loss, false, [q.theta]);
  const g = opt.takeEstimate([q.theta])!;
  const out = Array.from(g[0].dataSync());
  tf.dispose(g);
  opt.dispose();
  q.dispose();
  return out;
}

describe('mezo-svrg (Gautam et al. 2024)', () => {
  const SEEDS = 600;
  const runs = { 'zo-sgd': [] as number[][], 'mezo-svrg': [] as number[][] };
  beforeAll(() => {
    for (let s = 0; s < SEEDS; s++) for (const id of ['zo-sgd', 'mezo-svrg'] as const) runs[id].push(estimateAt(id, s + 1));
  });
  const meanOf = (xs: number[][]) => xs[0].map((_, j) => xs.reduce((a, x) => a + x[j], 0) / xs.length);
  const errorOf = (xs: number[][]) => xs.reduce((a, x) => a + x.reduce((b, v, j) => b + (v - GRAD[j]) ** 2, 0), 0) / xs.length;
  const gradNorm2 = GRAD.reduce((a, g) => a + g * g, 0);

  it('the estimate is unbiased: its mean over seeds is ∇f(θ) (within 4 standard errors per coordinate)', () => {
    const mean = meanOf(runs['mezo-svrg']);
    const se = Math.sqrt(errorOf(runs['mezo-svrg']) / D / SEEDS);
    mean.forEach((m, j) => expect(Math.abs(m - GRAD[j])).toBeLessThan(4 * se + 1e-3));
  });

  it("near the snapshot its variance is far below MeZO's: about (d+1)/q̄ against (d+1) times ‖∇f‖² (Gaussian z)", () => {
    const mezo = errorOf(runs['zo-sgd']) / gradNorm2;
    const svrg = errorOf(runs['mezo-svrg']) / gradNorm2;
    expect(mezo).toBeGreaterThan(0.8 * (D + 1));
    expect(mezo).toBeLessThan(1.2 * (D + 1));
    expect(svrg).toBeLessThan(mezo / 4);
  });

  it('keeps θ̄ and g̃ (2×d floats) and counts 2q̄ passes on a snapshot step, 4 on the others', () => {
    const q = quadratic(THETA_BAR);
    let calls = 0;
    const f = () => {
      calls++;
      return q.loss();
    };
    const opt = createOptimizer('mezo-svrg', { lr: 0.01, lrSnap: 0.01, qSnap: 3, period: 4 }, { seed: 1 });
    const counted: number[] = [];
    const actual: number[] = [];
    for (let t = 0; t < 9; t++) {
      const before = calls;
      opt.minimize(f, false, [q.theta]);
      actual.push(calls - before);
      counted.push(opt.forwardPassesPerStep());
    }
    expect(actual).toEqual([6, 4, 4, 4, 6, 4, 4, 4, 6]);
    expect(counted).toEqual(actual);
    expect(opt.spec.forwardPasses(opt.getHyper())).toBe((6 + 3 * 4) / 4);
    expect(opt.stateBytes()).toBe(2 * 4 * D);
    opt.dispose();
    expect(opt.stateBytes()).toBe(0);
    q.dispose();
  });

  it('replays: the same link gives the same CSV', async () => {
    const link = '#task=quadratic&t.d=50&seed=4&steps=30&eval=10&backend=cpu&lane=mezo-svrg:lr=0.001,lrSnap=0.001,period=5&lane=zo-sgd';
    expect(await csvOfLink(link)).toBe(await csvOfLink(link));
  });
});
