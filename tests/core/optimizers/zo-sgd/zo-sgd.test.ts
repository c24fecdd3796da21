import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer, type OptimizerId } from '../../../../src/core/index';
import { direction, perturb } from '../../../../src/core/random/perturb';
import { createQuadratic } from '../../../../src/core/tasks/quadratic/task';
import { meanAndSe, useCpu } from '../../../helpers/optimizers';

beforeAll(useCpu);

/** f(θ) = ½ Σ λᵢθᵢ², ∇f = λ ⊙ θ (closed form). */
function quadratic(d: number, kappa: number, seed = 3) {
  const task = createQuadratic({ d, kappa }, seed);
  const theta0 = task.params[0].dataSync().slice();
  const lambda = Array.from({ length: d }, (_, i) => Math.pow(kappa, i / (d - 1)));
  const grad = Array.from(theta0, (t, i) => lambda[i] * t);
  return { task, theta0, grad };
}

describe('zo-sgd (MeZO two-point SPSA)', () => {
  it('central difference is exact on a quadratic at any ε: (f(θ+εz) − f(θ−εz))/2ε = zᵀ∇f', () => {
    const { task, grad } = quadratic(6, 10);
    for (const eps of [1e-3, 0.1, 1]) {
      const key = { seed: 9, step: 0, query: 0 };
      const z = Array.from(direction([6], 0, key).dataSync());
      perturb(task.params, key, eps);
      const lp = task.loss(null).dataSync()[0];
      perturb(task.params, key, -2 * eps);
      const lm = task.loss(null).dataSync()[0];
      perturb(task.params, key, eps);
      const exact = z.reduce((a, zi, i) => a + zi * grad[i], 0);
      expect((lp - lm) / (2 * eps)).toBeCloseTo(exact, eps < 0.01 ? 1 : 4);
    }
    task.dispose();
  });

  it('+ε, −2ε, +ε returns the weights to where they were (within a few ulp·ε)', () => {
    const { task, theta0 } = quadratic(1000, 10);
    const eps = 1e-3;
    const key = { seed: 1, step: 5, query: 0 };
    perturb(task.params, key, eps);
    perturb(task.params, key, -2 * eps);
    perturb(task.params, key, eps);
    const after = task.params[0].dataSync();
    let maxErr = 0;
    after.forEach((x, i) => (maxErr = Math.max(maxErr, Math.abs(x - theta0[i]))));
    // float32 ulp at |θ| ≤ 4 is ≤ 4.8e-7; three rounded adds.
    expect(maxErr).toBeLessThan(3 * 4.8e-7 + 1e-9);
    task.dispose();
  });

  it('the estimate is unbiased: its mean over many seeds approaches ∇f (within 3 standard errors)', () => {
    const d = 8;
    const { task, theta0, grad } = quadratic(d, 4);
    const n = 3000;
    const samples: number[][] = Array.from({ length: d }, () => []);
    const sq: number[] = [];
    const opt = createOptimizer('zo-sgd', { lr: 1, eps: 1e-2, q: 1 }, { seed: 17 });
    const theta = task.params[0];
    for (let s = 0; s < n; s++) {
      theta.assign(tf.tensor1d(theta0));
      opt.minimize(() => task.loss(null), false, task.params);
      // θ₁ = θ₀ − lr·ĝ with lr = 1, so ĝ = θ₀ − θ₁.
      const after = theta.dataSync();
      let norm2 = 0;
      for (let i = 0; i < d; i++) {
        const g = theta0[i] - after[i];
        samples[i].push(g);
        norm2 += g * g;
      }
      sq.push(norm2);
    }
    for (let i = 0; i < d; i++) {
      const { mean, se } = meanAndSe(samples[i]);
      expect(Math.abs(mean - grad[i])).toBeLessThan(3 * se + 1e-4);
    }
    // Second moment (fact 2 of src/core/optimizers/README.md): E‖ĝ‖²/‖∇f‖² = (d+q+1)/q = 10 for d = 8, q = 1.
    const g2 = grad.reduce((a, g) => a + g * g, 0);
    const { mean, se } = meanAndSe(sq.map((x) => x / g2));
    expect(Math.abs(mean - (d + 2))).toBeLessThan(3 * se);
    opt.dispose();
    task.dispose();
  });

  it('decreases a quadratic and leaks no tensor over many steps', () => {
    const { task } = quadratic(50, 10);
    const opt = createOptimizer('zo-sgd', { lr: 0.01, eps: 1e-3, q: 2 });
    const f0 = task.loss(null).dataSync()[0];
    opt.minimize(() => task.loss(null), false, task.params); // warm-up
    const before = tf.memory().numTensors;
    for (let i = 0; i < 500; i++) {
      const cost = opt.minimize(() => task.loss(null), true, task.params)!;
      cost.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(task.loss(null).dataSync()[0]).toBeLessThan(0.2 * f0);
    opt.dispose();
    task.dispose();
  });

  it('works on the weights of a tf.sequential model through minimize()', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3], kernelInitializer: 'zeros' })] });
    const x = tf.tensor2d([[1, 2, 3], [0, 1, 0], [2, 0, 1], [1, 1, 1]]);
    const y = tf.tensor2d([[2], [1], [0], [1]]);
    const loss = () => tf.tidy(() => tf.mean(tf.square(tf.sub(model.predict(x) as tf.Tensor, y))) as tf.Scalar);
    const opt = createOptimizer('zo-sgd', { lr: 0.02, eps: 1e-3 }, { seed: 5 });
    const first = opt.minimize(loss, true)!.dataSync()[0];
    for (let i = 0; i < 400; i++) opt.minimize(loss);
    const last = loss().dataSync()[0];
    expect(last).toBeLessThan(0.1 * first);
    opt.dispose();
    tf.dispose([x, y]);
    model.dispose();
  });

  it('names the nearest optimizer when the id is unknown', () => {
    expect(() => createOptimizer('zo-sdg' as OptimizerId)).toThrow("Did you mean 'zo-sgd'?");
  });
});
