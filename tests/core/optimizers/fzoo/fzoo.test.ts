import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../../src/core/index';
import { fzooSpread } from '../../../../src/core/optimizers/fzoo/fzoo';
import { directionValues } from '../../../../src/core/random/perturb';
import { csvOfLink } from '../../../helpers/replay';
import { useCpu } from '../../../helpers/optimizers';

beforeAll(useCpu);

/** f(θ) = Σ cᵢ·θᵢ⁴/4 + θᵢ²/2, not a quadratic, so one-sided differences carry curvature terms. */
function problem(d: number) {
  const theta = tf.variable(tf.tensor1d(Array.from({ length: d }, (_, i) => Math.sin(i + 1))), true);
  const c = tf.tensor1d(Array.from({ length: d }, (_, i) => 1 + i / d));
  const calls: number[] = [];
  const loss = () =>
    tf.tidy(() => {
      const l = tf.sum(tf.add(tf.mul(c, tf.div(tf.pow(theta, 4), 4)), tf.div(tf.square(theta), 2))) as tf.Scalar;
      calls.push(l.dataSync()[0]);
      return l;
    });
  return { theta, loss, calls, dispose: () => tf.dispose([theta, c]) };
}

describe('fzoo (Dang et al. 2025)', () => {
  it("σ is the paper's sample standard deviation of the probe losses (N − 1 in the denominator)", () => {
    const losses = [0.6931, 0.7012, 0.6875, 0.7104, 0.6899, 0.6950];
    const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
    const expected = Math.sqrt(losses.reduce((a, l) => a + (l - mean) ** 2, 0) / (losses.length - 1));
    const t = tf.tensor1d(losses);
    const s = fzooSpread(t);
    expect(s.dataSync()[0]).toBeCloseTo(expected, 6);
    tf.dispose([t, s]);
  });

  it('the step is −η·g/σ with g = (1/(εN)) Σ (lᵢ − l₀)uᵢ on the recorded batch of losses, uᵢ Rademacher', () => {
    const d = 12;
    const n = 6;
    const lr = 1e-3;
    const eps = 1e-2;
    const p = problem(d);
    const theta0 = Array.from(p.theta.dataSync());
    const opt = createOptimizer('fzoo', { lr, eps, n }, { seed: 5 });
    opt.captureEstimate = true;
    const logged = opt.minimize(p.loss, true, [p.theta])!;
    // Calls: l₀ then l₁ … l_N (the probes).
    expect(p.calls).toHaveLength(n + 1);
    const [l0, ...li] = p.calls;
    expect(logged.dataSync()[0]).toBe(l0);
    const mean = li.reduce((a, b) => a + b, 0) / n;
    const sigma = Math.sqrt(li.reduce((a, l) => a + (l - mean) ** 2, 0) / (n - 1));
    const u = li.map((_, i) => directionValues(d, 0, { seed: 5, step: 0, query: i, dist: 'rademacher' }));
    for (const ui of u) for (const x of ui) expect(Math.abs(x)).toBe(1);
    const g = Array.from({ length: d }, (_, j) => li.reduce((a, l, i) => a + (l - l0) * u[i][j], 0) / (eps * n));
    const estimate = opt.takeEstimate([p.theta])!;
    const ghat = estimate[0].dataSync();
    const after = p.theta.dataSync();
    for (let j = 0; j < d; j++) {
      expect(ghat[j]).toBeCloseTo(g[j], 3); // diagnostics see g, the estimate of ∇L
      expect(after[j] - theta0[j]).toBeCloseTo((-lr * g[j]) / sigma, 5);
    }
    tf.dispose([logged, ...estimate]);
    opt.dispose();
    p.dispose();
  });

  it('its step length is about η/ε per probe-average direction, whatever the scale of the loss (normalised SGD)', () => {
    const d = 8;
    const moves: number[] = [];
    for (const scale of [1, 1000]) {
      const p = problem(d);
      const theta0 = Array.from(p.theta.dataSync());
      const opt = createOptimizer('fzoo', { lr: 1e-4, eps: 1e-3, n: 8 }, { seed: 2 });
      opt.minimize(() => tf.tidy(() => tf.mul(p.loss(), scale) as tf.Scalar), false, [p.theta]);
      const after = p.theta.dataSync();
      moves.push(Math.hypot(...theta0.map((t, j) => after[j] - t)));
      opt.dispose();
      p.dispose();
    }
    expect(moves[1]).toBeCloseTo(moves[0], 4);
  });

  it('replays: the same link gives the same CSV', async () => {
    const link = '#task=quadratic&t.d=50&seed=4&steps=30&eval=10&backend=cpu&lane=fzoo:lr=0.0001,n=4&lane=zo-sgd';
    expect(await csvOfLink(link)).toBe(await csvOfLink(link));
  });
});
