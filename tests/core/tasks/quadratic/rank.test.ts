import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../../src/core/index';
import { createQuadratic } from '../../../../src/core/tasks/quadratic/task';
import { useCpu } from '../../../helpers/optimizers';

beforeAll(useCpu);

/**
 * MeZO's effective-rank law (Malladi et al. 2023, https://arxiv.org/abs/2305.17333, §4): for
 * f = ½θᵀHθ with H of rank r and two-point Gaussian ZO-SGD, E[ĝᵀHĝ] = (tr H)‖∇f‖² + 2∇fᵀH∇f for
 * Gaussian z whatever d; at κ = 1 (H = I_r, tr H + 2λmax = r + 2) this gives
 * E f_{t+1} = f_t(1 − 2η + η²(r + 2)) = (1 − 1/(r + 2))·f_t at η = 1/(r + 2).
 */
function meanRatio(d: number, r: number, steps: number, seeds: number): number {
  let f0 = 0;
  let ft = 0;
  for (let s = 1; s <= seeds; s++) {
    const task = createQuadratic({ d, kappa: 1, rank: r }, s);
    const start = task.loss(null);
    f0 += start.dataSync()[0];
    start.dispose();
    const opt = createOptimizer('zo-sgd', { lr: 1 / (r + 2), eps: 1e-3 }, { seed: s });
    for (let t = 0; t < steps; t++) opt.minimize(() => task.loss(null), false, task.params);
    const end = task.loss(null);
    ft += end.dataSync()[0];
    end.dispose();
    opt.dispose();
    task.dispose();
  }
  return ft / f0;
}

describe('quadratic rank r: ZO-SGD’s rate depends on r, not d', () => {
  it('only r eigenvalues are nonzero: coordinates beyond r do not change f', () => {
    const task = createQuadratic({ d: 50, kappa: 10, rank: 5 }, 1);
    const before = task.loss(null);
    const theta = task.params[0];
    const moved = tf.tidy(() => tf.add(theta, tf.concat([tf.zeros([5]), tf.ones([45])])));
    theta.assign(moved);
    const after = task.loss(null);
    expect(after.dataSync()[0]).toBeCloseTo(before.dataSync()[0], 4);
    tf.dispose([before, after, moved]);
    task.dispose();
  });

  it('r = 10 at d = 100 and d = 2,000: E f shrinks by ≈ (1 − 1/12) per step at η = 1/(tr H + 2λmax)', () => {
    const steps = 30;
    const theory = Math.pow(1 - 1 / 12, steps);
    for (const d of [100, 2000]) {
      const ratio = meanRatio(d, 10, steps, 24);
      // log-rate within 20% of the theory's (averaged over 24 seeds)
      expect(Math.abs(Math.log(ratio) / Math.log(theory) - 1)).toBeLessThan(0.2);
    }
  });
});
