import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZER_FACTORIES, optimizerFactory } from '../../../src/core/optimizers';
import { direction } from '../../../src/core/random/perturb';
import { TASK_FACTORIES } from '../../../src/core/tasks/registry';
import { meanAndSe, useCpu } from '../../helpers/optimizers';

/**
 * The two-point estimators against closed-form facts (facts 1, 2 and 6 of src/core/optimizers/README.md)
 * on a quadratic f(θ) = ½ Σ λᵢθᵢ², whose gradient λ ⊙ θ is known exactly. ĝ is recovered through public behaviour:
 * with η = 1 one SGD-style step moves θ₀ to θ₁ = θ₀ − ĝ, so ĝ = θ₀ − θ₁.
 */

beforeAll(useCpu);

const DIST = { gaussian: 0, rademacher: 1, sphere: 2 } as const;
const MODE = { central: 0, 'one-sided': 1 } as const;

function quadratic(d: number, kappa: number) {
  const task = TASK_FACTORIES.quadratic({ d, kappa }, 3);
  const theta0 = task.params[0].dataSync().slice();
  const lambda = Array.from({ length: d }, (_, i) => Math.pow(kappa, i / (d - 1)));
  const grad = Array.from(theta0, (t, i) => lambda[i] * t);
  return { task, theta0, grad };
}

/** n steps from the same θ₀ (fresh directions each step): the steps θ₀ − θ₁ [n][d]. */
function sampleSteps(id: string, hyper: Record<string, number>, n: number, d = 6, kappa = 4) {
  const { task, theta0, grad } = quadratic(d, kappa);
  const opt = optimizerFactory(id)({ lr: 1, ...hyper }, 17);
  const theta = task.params[0];
  const steps: number[][] = [];
  for (let s = 0; s < n; s++) {
    const start = tf.tensor1d(theta0);
    theta.assign(start);
    start.dispose();
    opt.minimize(() => task.loss(null), false, task.params);
    const after = theta.dataSync();
    steps.push(Array.from(theta0, (t, i) => t - after[i]));
  }
  opt.dispose();
  task.dispose();
  return { steps, grad };
}

const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
const column = (rows: number[][], i: number) => rows.map((r) => r[i]);

describe('two-point estimators: moments against closed forms', () => {
  it.each([
    ['gaussian', 'central', 1],
    ['rademacher', 'central', 2],
    ['sphere', 'central', 1],
    ['gaussian', 'one-sided', 2],
  ] as const)('%s directions, %s, q = %i: the mean of ĝ is ∇f within 3 standard errors (fact 1)', (dist, mode, q) => {
    const { steps, grad } = sampleSteps('zo-sgd', { eps: 1e-2, q, dist: DIST[dist], mode: MODE[mode] }, 1000);
    grad.forEach((g, i) => {
      const { mean, se } = meanAndSe(column(steps, i));
      expect(Math.abs(mean - g)).toBeLessThan(3 * se + 1e-4);
    });
  });

  it.each([
    ['gaussian', 1, (d: number, q: number) => (d + q + 1) / q],
    ['gaussian', 4, (d: number, q: number) => (d + q + 1) / q],
    ['rademacher', 1, (d: number, q: number) => (d + q - 1) / q],
    ['rademacher', 3, (d: number, q: number) => (d + q - 1) / q],
    ['sphere', 1, (d: number, q: number) => (d + q - 1) / q],
    ['sphere', 3, (d: number, q: number) => (d + q - 1) / q],
  ] as const)('%s, q = %i: E‖ĝ‖²/‖∇f‖² matches fact 2 within 3 standard errors', (dist, q, expected) => {
    const d = 6;
    const { steps, grad } = sampleSteps('zo-sgd', { eps: 1e-2, q, dist: DIST[dist] }, 2000, d);
    const g2 = dot(grad, grad);
    const { mean, se } = meanAndSe(steps.map((s) => dot(s, s) / g2));
    expect(Math.abs(mean - expected(d, q))).toBeLessThan(3 * se);
    // The neighbouring family's value is excluded, so the test can tell the two apart.
    const other = dist === 'gaussian' ? (d + q - 1) / q : (d + q + 1) / q;
    expect(Math.abs(mean - other)).toBeGreaterThan(3 * se);
  });

  it.each(['rademacher', 'sphere'] as const)('%s directions have ‖z‖² = d exactly: ‖ĝ‖² = d·ĝᵀ∇f for q = 1', (dist) => {
    const d = 6;
    const { steps, grad } = sampleSteps('zo-sgd', { eps: 1e-2, q: 1, dist: DIST[dist] }, 50, d);
    // ĝ = (zᵀ∇f)z (central differences are exact on a quadratic), so ‖ĝ‖² = ‖z‖²(zᵀ∇f)² and ĝᵀ∇f = (zᵀ∇f)².
    for (const s of steps) expect(dot(s, s) / dot(s, grad)).toBeCloseTo(d, 2);
  });

  it('one step of zo-sgd equals MeZO by hand: θ₁ = θ₀ − η·(f(θ₀+εz) − f(θ₀−εz))/2ε·z', () => {
    const d = 6;
    const { task, theta0 } = quadratic(d, 4);
    const theta = Array.from(theta0);
    const lambda = theta.map((_, i) => Math.pow(4, i / (d - 1)));
    const f = (x: number[]) => 0.5 * x.reduce((a, xi, i) => a + lambda[i] * xi * xi, 0);
    const zTensor = direction([d], 0, { seed: 17, step: 0, query: 0 });
    const z = Array.from(zTensor.dataSync());
    zTensor.dispose();
    const eps = 1e-3;
    const lr = 0.1;
    const g = (f(theta.map((t, i) => t + eps * z[i])) - f(theta.map((t, i) => t - eps * z[i]))) / (2 * eps);
    const opt = OPTIMIZER_FACTORIES['zo-sgd']({ lr, eps }, 17);
    opt.minimize(() => task.loss(null), false, task.params);
    const after = task.params[0].dataSync();
    theta.forEach((t, i) => expect(after[i]).toBeCloseTo(t - lr * g * z[i], 4));
    opt.dispose();
    task.dispose();
  });
});

describe('sign estimators (fact 6)', () => {
  it("zo-signsgd, q = 1: E[sign(ĝᵢ)] = (2/π)·arcsin(∇ᵢf/‖∇f‖) (Sheppard's formula)", () => {
    const { steps, grad } = sampleSteps('zo-signsgd', { eps: 1e-2, q: 1 }, 3000, 4, 8);
    const norm = Math.sqrt(dot(grad, grad));
    grad.forEach((g, i) => {
      const signs = column(steps, i).map(Math.round); // η = 1: each coordinate moved by exactly ±1
      expect(signs.every((x) => x === 1 || x === -1)).toBe(true);
      const { mean, se } = meanAndSe(signs);
      expect(Math.abs(mean - (2 / Math.PI) * Math.asin(g / norm))).toBeLessThan(3 * se);
    });
  });

  it('zo-sign (ZO-Bench), q = 1: E[sign(zᵀ∇f)·z] = √(2/π)·∇f/‖∇f‖', () => {
    const { steps, grad } = sampleSteps('zo-sign', { eps: 1e-2, q: 1 }, 3000, 4, 8);
    const norm = Math.sqrt(dot(grad, grad));
    grad.forEach((g, i) => {
      const { mean, se } = meanAndSe(column(steps, i));
      expect(Math.abs(mean - Math.sqrt(2 / Math.PI) * (g / norm))).toBeLessThan(3 * se);
    });
  });
});

describe('lozo: low-rank directions with lazily refreshed V', () => {
  /** θ₀ − θ₁ for each of `steps` steps on a 4×5 matrix and a bias (η = 1 shows the raw direction·g). */
  function lozoSteps(hyper: Record<string, number>, steps: number) {
    const W = tf.variable(tf.tensor2d(Array.from({ length: 20 }, (_, i) => Math.sin(i)), [4, 5]));
    const b = tf.variable(tf.tensor1d([0.5, -1, 2, 0.1, 0.3]));
    const loss = () => tf.tidy(() => tf.add(tf.sum(tf.square(W)), tf.sum(tf.square(b))) as tf.Scalar);
    const opt = OPTIMIZER_FACTORIES.lozo({ lr: 1e-3, eps: 1e-3, ...hyper }, 5);
    const moves: { dW: number[][]; db: number[] }[] = [];
    for (let s = 0; s < steps; s++) {
      const [w0, b0] = [W.arraySync() as number[][], Array.from(b.dataSync())];
      opt.minimize(loss, false, [W, b]);
      const [w1, b1] = [W.arraySync() as number[][], Array.from(b.dataSync())];
      moves.push({ dW: w0.map((row, i) => row.map((x, j) => x - w1[i][j])), db: b0.map((x, j) => x - b1[j]) });
    }
    opt.dispose();
    tf.dispose([W, b]);
    return moves;
  }
  /** Rows of a rank-1 matrix are all multiples of one row: the normalised rows agree up to sign. */
  const rowDirection = (m: number[][]) => {
    const row = m.reduce((best, r) => (dot(r, r) > dot(best, best) ? r : best));
    const n = Math.sqrt(dot(row, row));
    return row.map((x) => x / n);
  };
  const parallel = (a: number[], b: number[]) => Math.abs(Math.abs(dot(a, b)) - 1) < 1e-3;

  it('moves a weight matrix along a rank-1 U Vᵀ (r = 1), and a bias along a dense z', () => {
    const [{ dW, db }] = lozoSteps({ rank: 1 }, 1);
    const v = rowDirection(dW);
    for (const row of dW) {
      const n = Math.sqrt(dot(row, row));
      if (n > 1e-9) expect(parallel(row.map((x) => x / n), v)).toBe(true);
    }
    expect(db.filter((x) => Math.abs(x) > 1e-9).length).toBe(5);
  });

  it('keeps V for ν steps (same row space) and redraws it after, while U is fresh every step', () => {
    const moves = lozoSteps({ rank: 1, nu: 3 }, 4);
    const [v0, v1, v2, v3] = moves.map((m) => rowDirection(m.dW));
    expect(parallel(v0, v1) && parallel(v1, v2)).toBe(true); // steps 0–2 share V
    expect(parallel(v2, v3)).toBe(false); // step 3 starts a new period
    // U changes within a period: the column patterns (row norms) differ between steps 0 and 1.
    const rowNorms = (m: number[][]) => m.map((r) => Math.sqrt(dot(r, r)));
    const [n0, n1] = [rowNorms(moves[0].dW), rowNorms(moves[1].dW)];
    const c = dot(n0, n1) / Math.sqrt(dot(n0, n0) * dot(n1, n1));
    expect(c).toBeLessThan(0.999);
  });

  it('with rank r = 2 the matrix move has rank 2 (a 2×2 minor is non-zero, every 3×3 minor is zero)', () => {
    const [{ dW }] = lozoSteps({ rank: 2 }, 1);
    const det2 = (r: number[], s: number[], i: number, j: number) => r[i] * s[j] - r[j] * s[i];
    const det3 = (a: number[], b: number[], c: number[], [i, j, k]: number[]) =>
      a[i] * det2(b, c, j, k) - a[j] * det2(b, c, i, k) + a[k] * det2(b, c, i, j);
    const scale = Math.max(...dW.flat().map(Math.abs));
    expect(Math.abs(det2(dW[0], dW[1], 0, 1))).toBeGreaterThan(1e-3 * scale * scale);
    expect(Math.abs(det3(dW[0], dW[1], dW[2], [0, 1, 2]))).toBeLessThan(1e-4 * scale ** 3);
  });
});
