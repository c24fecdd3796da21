import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../../src/core/index';
import { cmaParameters, defaultPopulation, minimizeArray } from '../../../../src/core/optimizers/cma-es/strategy';
import { decodeConfig } from '../../../../src/core/run/codec';
import { useCpu } from '../../../helpers/optimizers';

beforeAll(useCpu);

/** The ellipsoid Σ 10^(6(i−1)/(d−1)) xᵢ² (condition 1e6) and the sphere. */
const ellipsoid = (x: Float64Array) => x.reduce((a, v, i) => a + Math.pow(1e6, i / (x.length - 1)) * v * v, 0);
const sphere = (x: Float64Array) => x.reduce((a, v) => a + v * v, 0);

/** Median evaluations to f < 1e-8 over seeds 1…10 from x0 = 1, σ0 = 0.5, λ = 4 + ⌊3 ln d⌋. */
function medianEvaluations(f: (x: Float64Array) => number, d: number, active: boolean): number {
  const evaluations = Array.from({ length: 10 }, (_, k) =>
    minimizeArray(f, new Float64Array(d).fill(1), 0.5, { seed: k + 1, target: 1e-8, active, ipop: false }).evaluations,
  ).sort((a, b) => a - b);
  return (evaluations[4] + evaluations[5]) / 2;
}

/**
 * pycma's default (active CMA) on the same problems, median evaluations to f < 1e-8 over 10 seeds,
 * x0 = 1, σ0 = 0.5, measured with pycma itself (CMA-ES/pycma, `cma.CMAEvolutionStrategy(d * [1], 0.5,
 * {'seed': k, 'ftarget': 1e-8}).optimize(f)`, k = 1…10; `es.result.evaluations`).
 */
const PYCMA: [name: string, f: (x: Float64Array) => number, d: number, evaluations: number][] = [
  ['ellipsoid', ellipsoid, 2, 435],
  ['ellipsoid', ellipsoid, 5, 1432],
  ['ellipsoid', ellipsoid, 10, 3995],
  ['sphere', sphere, 2, 213],
  ['sphere', sphere, 5, 620],
  ['sphere', sphere, 10, 1335],
];

describe('cma-es (active covariance update, as pycma’s default)', () => {
  it.each(PYCMA)('%s d=%i: median evaluations within 10%% of pycma’s %i', (_name, f, d, reference) => {
    const ours = medianEvaluations(f, d, true);
    expect(Math.abs(ours - reference) / reference).toBeLessThan(0.1);
  });

  it('the positive-only update (purecma) needs clearly more on the ill-conditioned ellipsoid', () => {
    for (const d of [2, 5, 10]) expect(medianEvaluations(ellipsoid, d, false)).toBeGreaterThan(1.25 * medianEvaluations(ellipsoid, d, true));
  });

  it("active weights: the tutorial's raw weights for all λ, positive ones summing to 1, negative ones scaled to min(α⁻_μ, α⁻_μeff, α⁻_posdef)", () => {
    for (const d of [2, 10, 40]) {
      const lambda = defaultPopulation(d);
      const p = cmaParameters(d, lambda, true);
      expect(p.weights).toHaveLength(lambda);
      const raw = Array.from({ length: lambda }, (_, i) => Math.log((lambda + 1) / 2) - Math.log(i + 1));
      const pos = raw.slice(0, p.mu);
      const neg = raw.slice(p.mu);
      const sumPos = pos.reduce((a, b) => a + b, 0);
      const sumNeg = neg.reduce((a, b) => a + Math.abs(b), 0);
      const mueffMinus = sumNeg ** 2 / neg.reduce((a, b) => a + b * b, 0);
      const alpha = Math.min(1 + p.c1 / p.cmu, 1 + (2 * mueffMinus) / (p.mueff + 2), (1 - p.c1 - p.cmu) / (d * p.cmu));
      p.weights.forEach((w, i) => expect(w).toBeCloseTo(i < p.mu ? pos[i] / sumPos : (alpha * raw[i]) / sumNeg, 12));
      expect(p.weights.slice(p.mu).reduce((a, b) => a + b, 0)).toBeCloseTo(-alpha, 12);
    }
  });

  it('λ = 0 runs the standard population 4 + ⌊3 ln d⌋ (a 10-D model: 10 samples per step), and λ = 1 is refused', () => {
    const theta = tf.variable(tf.ones([10]), true);
    let calls = 0;
    const f = () => {
      calls++;
      return tf.tidy(() => tf.sum(tf.square(theta)) as tf.Scalar);
    };
    const opt = createOptimizer('cma-es', {}, { seed: 1 });
    opt.minimize(f, false, [theta]);
    expect(calls).toBe(4 + Math.floor(3 * Math.log(10)));
    expect(opt.forwardPassesPerStep()).toBe(10);
    expect(() => createOptimizer('cma-es', { lambda: 1 })).toThrow(/lambda must be an integer ≥ 2, or 0/);
    opt.dispose();
    theta.dispose();
  });

  it('IPOP: a stagnating run restarts from the initial mean with twice the population', () => {
    // Rastrigin in 2-D: the default population stalls in a local minimum.
    const rastrigin = (x: Float64Array) => 10 * x.length + x.reduce((a, v) => a + v * v - 10 * Math.cos(2 * Math.PI * v), 0);
    const { state } = minimizeArray(rastrigin, Float64Array.from([3, 3]), 0.5, { seed: 2, budget: 20000, active: true, ipop: true });
    expect(state.restarts).toBeGreaterThan(0);
    expect(state.lambda).toBe(defaultPopulation(2) * 2 ** state.restarts);
    const plain = minimizeArray(rastrigin, Float64Array.from([3, 3]), 0.5, { seed: 2, budget: 20000, active: true, ipop: false });
    expect(plain.state.restarts).toBe(0);
  });
});

describe('cma-es links: the legacy values', () => {
  it('a link that names neither active nor lambda is an old link: positive-only update, λ = 16', () => {
    const lane = decodeConfig('#task=quadratic&lane=cma-es').config.lanes[0];
    expect(lane.hyper).toMatchObject({ active: 0, lambda: 16, restarts: 0 });
    const named = decodeConfig('#task=quadratic&lane=cma-es:active=on,lambda=0').config.lanes[0];
    expect(named.hyper).toMatchObject({ active: 1, lambda: 0 });
  });

  it("a task's suggestion still wins over the legacy value, as when the link was written (landscapes: λ = 8)", () => {
    expect(decodeConfig('#task=rosenbrock&lane=cma-es').config.lanes[0].hyper).toMatchObject({ active: 0, lambda: 8 });
  });
});
