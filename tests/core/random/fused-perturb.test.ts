import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../../../src/cli/backend';
import { clearFusedCache, fusedCacheBytes, fusedCacheStats, fusedPerturbKernel } from '../../../src/core/random/fused-perturb';
import { cpuPerturbKernel, setPerturbKernel, type DirectionKey, type PerturbKernel } from '../../../src/core/random/perturb';
import { createOptimizer } from '../../../src/core/index';

/**
 * The fused kernel (one pass per use, z cached for the step) gives the TypeScript twin's numbers bit
 * for bit on cpu and on wasm, so replacing the twin moves no CSV; and a two-point step generates each
 * tensor's z once. Switches backends, so it says so (unit tests run on cpu otherwise).
 */

const SHAPES = [[64, 33], [33], [1]];
const init = (shape: number[], k: number) => Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i * 0.7 + k));

/** Apply a sequence of perturbations (number and device-scalar scales, both distributions) with `kernel`. */
function apply(kernel: PerturbKernel): number[][] {
  const vars = SHAPES.map((s, k) => tf.variable(tf.tensor(init(s, k), s)));
  const keys: DirectionKey[] = [
    { seed: 7, step: 3, query: 0 },
    { seed: 7, step: 3, query: 1, dist: 'rademacher' },
  ];
  const scales: (number | tf.Scalar)[] = [1e-3, -2e-3, 0.1234567, tf.scalar(-0.0371)];
  for (const key of keys) for (const s of scales) vars.forEach((v, i) => kernel.perturb(v, i, key, s));
  const out = vars.map((v) => Array.from(v.dataSync()));
  tf.dispose([...vars, ...scales.filter((s): s is tf.Scalar => typeof s !== 'number')]);
  return out;
}

beforeEach(() => clearFusedCache());
afterAll(async () => {
  setPerturbKernel(null);
  await startNodeBackend('cpu');
  setPerturbKernel(null);
});

describe('the fused perturbation kernel', () => {
  it.each(['cpu', 'wasm'] as const)('equals the TypeScript twin bit for bit on %s', async (backend) => {
    await startNodeBackend(backend);
    const twin = apply(cpuPerturbKernel);
    const fused = apply(fusedPerturbKernel);
    expect(fused).toEqual(twin);
  });

  it('generates z once per tensor in a ZO-SGD step and reuses it for every other use; the cache holds 4 bytes a parameter', async () => {
    await startNodeBackend('cpu'); // installs the fused kernel, as the CLI does
    const theta = tf.variable(tf.tensor1d(init([200], 1)));
    const bias = tf.variable(tf.tensor1d([0.5, -0.5]));
    const opt = createOptimizer('zo-sgd', { lr: 1e-3, eps: 1e-3, q: 1 });
    const before = tf.memory().numTensors;
    const loss = () => tf.tidy(() => tf.add(tf.sum(tf.square(theta)), tf.sum(tf.square(bias))) as tf.Scalar);
    opt.minimize(loss, false, [theta, bias]);
    const { generated, reused } = fusedCacheStats();
    expect(generated).toBe(2); // one z per tensor
    expect(reused).toBeGreaterThanOrEqual(2 * 2); // at least −2ε and the restore/update reuse it
    expect(fusedCacheBytes()).toBe(4 * (200 + 2));
    expect(tf.memory().numTensors).toBe(before);
    opt.dispose();
    tf.dispose([theta, bias]);
  });
});
