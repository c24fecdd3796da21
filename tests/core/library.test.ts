import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer, type OptimizerId } from '../../src/core/index';
import { OPTIMIZER_FACTORIES } from '../../src/core/optimizers';
import { OPTIMIZERS } from '../../src/core/optimizers/specs';
import { inDomain } from '../../src/core/params';
import { useCpu } from '../helpers/optimizers';

/**
 * The library speaks TF.js's idiom (src/core/index.ts): categorical options by name, values used as
 * given or refused with a RangeError naming the method's domain (never clamped), and tf.train's
 * behaviour for non-scalar losses, unused variables and seeds.
 */

beforeAll(useCpu);

/** ½‖W − 1‖² + ½‖b‖² on a 3×4 matrix and a 4-vector, with weights on a 2⁻⁸ grid. */
function problem() {
  const W = tf.variable(tf.tensor2d([[0.5, -1, 2, 0], [1, 0.25, -0.75, 1.5], [-2, 1, 0.125, 0.0625]]));
  const b = tf.variable(tf.tensor1d([0.375, -0.25, 1, 2]));
  const loss = () => tf.tidy(() => tf.mul(0.5, tf.add(tf.sum(tf.square(tf.sub(W, 1))), tf.sum(tf.square(b)))) as tf.Scalar);
  const values = () => [...W.dataSync(), ...b.dataSync()];
  return { vars: [W, b], loss, values, dispose: () => tf.dispose([W, b]) };
}

const maxAbsDiff = (a: number[], b: number[]) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

describe('values outside the method’s domain throw a RangeError naming it', () => {
  it.each([
    ['zo-sgd', { eps: 0 }, 'zo-sgd: eps must be > 0 (got 0)'],
    ['zo-sgd', { lr: -0.1 }, 'zo-sgd: lr must be ≥ 0 (got -0.1)'],
    ['zo-sgd', { q: 2.5 }, 'zo-sgd: q must be an integer ≥ 1 (got 2.5)'],
    ['zo-sgd', { q: 0 }, 'zo-sgd: q must be an integer ≥ 1 (got 0)'],
    ['zo-adam', { beta1: 1 }, 'zo-adam: beta1 must be in [0, 1) (got 1)'],
    ['adam', { beta2: -0.5 }, 'adam: beta2 must be in [0, 1) (got -0.5)'],
    ['momentum', { momentum: 1 }, 'momentum: momentum must be in [0, 1) (got 1)'],
    ['snes', { sigma: 0 }, 'snes: sigma must be > 0 (got 0)'],
    ['cma-es', { lambda: 1 }, 'cma-es: lambda must be an integer ≥ 2, or 0 for 4 + ⌊3 ln d⌋ (got 1)'],
    ['openai-es', { n: 7.5 }, 'openai-es: n must be an integer ≥ 2 (got 7.5)'],
    ['hizoo', { alpha: 1.5 }, 'hizoo: alpha must be in [0, 1] (got 1.5)'],
    ['sgd', { lr: Infinity }, 'sgd: lr must be a finite number ≥ 0 (got Infinity)'],
    ['zo-sgd', { dist: 'normal' }, "zo-sgd: dist must be one of gaussian | rademacher | sphere (got 'normal')"],
  ] as [OptimizerId, Record<string, number | string>, string][])('%s %j', (id, hyper, message) => {
    const create = () => OPTIMIZER_FACTORIES[id](hyper, 1);
    expect(create).toThrow(RangeError);
    expect(create).toThrow(message);
  });

  it('a live change is checked the same way, and an unknown name lists the real ones', () => {
    const opt = createOptimizer('zo-sgd');
    expect(() => opt.setHyper('eps', -1)).toThrow(new RangeError('zo-sgd: eps must be > 0 (got -1)'));
    expect(() => opt.setHyper('beta1', 0.9)).toThrow("zo-sgd has no hyperparameter 'beta1' (it has lr, eps, q, dist, mode)");
    expect(() => opt.setHyper('lr', '0.1')).toThrow(TypeError);
    expect(opt.getHyper().eps).toBe(1e-3);
    opt.dispose();
  });

  it('values inside the domain are used as given, also outside the slider range (nothing is clamped)', () => {
    const opt = createOptimizer('zo-sgd', { lr: 5, eps: 3, q: 100 });
    expect(opt.getHyper()).toMatchObject({ lr: 5, eps: 3, q: 100 });
    opt.setHyper('lr', 0);
    expect(opt.getHyper().lr).toBe(0);
    opt.dispose();
  });

  it('every spec states a domain that holds its default and its whole slider range', () => {
    for (const spec of OPTIMIZERS)
      for (const h of spec.hypers) {
        const where = `${spec.id}.${h.name}`;
        expect(inDomain(h.domain, h.default), where).toBe(true);
        expect(inDomain(h.domain, h.min) && inDomain(h.domain, h.max), where).toBe(true);
        expect(Boolean(h.domain.integer), where).toBe(Boolean(h.integer));
      }
  });
});

describe('lr: 0 is used as given: the weights do not move', () => {
  /** Weights after `steps` steps of `id` with lr = 0, and where they started. */
  function runAtLrZero(id: OptimizerId, hyper: Record<string, number | string>, steps = 10) {
    const p = problem();
    const start = p.values();
    const opt = OPTIMIZER_FACTORIES[id]({ ...hyper, lr: 0 }, 3);
    expect(opt.getHyper().lr).toBe(0);
    for (let s = 0; s < steps; s++) opt.minimize(p.loss, false, p.vars);
    const end = p.values();
    opt.dispose();
    p.dispose();
    return { start, end };
  }

  // Backprop: θ − 0·g is θ. Two-point lanes with Rademacher z and ε = 2⁻⁸ on weights on a 2⁻⁸
  // grid: every probe θ ± εz is exact in float32, so the weights return bit for bit.
  it.each([
    ['sgd', {}],
    ['momentum', {}],
    ['adam', {}],
    ...(['zo-sgd', 'zo-sgd-mmt', 'zo-sign', 'zo-signsgd', 'zo-cons', 'zo-adam'] as const).map(
      (id) => [id, { dist: 'rademacher', eps: 2 ** -8, q: 2 }] as const,
    ),
    ['zo-sgd', { dist: 'rademacher', eps: 2 ** -8, mode: 'one-sided' }],
  ] as [OptimizerId, Record<string, number | string>][])('%s %j: bit for bit', (id, hyper) => {
    const { start, end } = runAtLrZero(id, hyper);
    expect(end).toEqual(start);
  });

  // Gaussian probes do not return exactly (MeZO's +ε, −2ε, +ε rounds): the weights move only by
  // that rounding, a few float32 ulps per probe, where lr at the old slider floor of 1e-6 moved them
  // by its step.
  it.each([
    ['hizoo', {}],
    ['lozo', {}],
    ['openai-es', { rule: 'sgd' }],
    ['openai-es', { rule: 'adam' }],
    ['openai-es', { rule: 'momentum' }],
    ['snes', {}],
  ] as [OptimizerId, Record<string, number | string>][])('%s %j: to the rounding of its probes', (id, hyper) => {
    const { start, end } = runAtLrZero(id, hyper);
    expect(maxAbsDiff(start, end)).toBeLessThan(1e-5);
  });
});

describe('categorical options by name', () => {
  /** Weights after 8 steps of `id` with `hyper` (factories take names or the stored indices). */
  function weightsAfter(id: OptimizerId, hyper: Record<string, number | string>) {
    const p = problem();
    const opt = OPTIMIZER_FACTORIES[id](hyper, 5);
    for (let s = 0; s < 8; s++) opt.minimize(p.loss, false, p.vars);
    const out = p.values();
    opt.dispose();
    p.dispose();
    return out;
  }

  it('names and the indices a run stores give identical runs', () => {
    const byName = weightsAfter('zo-sgd', { lr: 0.01, dist: 'rademacher', mode: 'one-sided' });
    expect(byName).toEqual(weightsAfter('zo-sgd', { lr: 0.01, dist: 1, mode: 1 }));
    expect(byName).not.toEqual(weightsAfter('zo-sgd', { lr: 0.01 })); // the control: the options matter
    expect(weightsAfter('openai-es', { rule: 'momentum' })).toEqual(weightsAfter('openai-es', { rule: 2 }));
  });

  it('createOptimizer takes the typed names', () => {
    const opt = createOptimizer('zo-sgd', { dist: 'sphere', mode: 'central' });
    expect(opt.getHyper()).toMatchObject({ dist: 2, mode: 0 });
    opt.dispose();
    // Compile-time checks as well (tsc covers tests): a name the optimizer lacks, a choice it lacks.
    // @ts-expect-error zo-sgd has no beta1
    expect(() => createOptimizer('zo-sgd', { beta1: 0.9 })).toThrow("zo-sgd has no hyperparameter 'beta1'");
    // @ts-expect-error 'normal' is not one of gaussian | rademacher | sphere
    expect(() => createOptimizer('zo-sgd', { dist: 'normal' })).toThrow(RangeError);
  });
});

describe('like tf.train', () => {
  const nonScalar = (vars: tf.Variable[]) => () => tf.tidy(() => tf.mul(vars[1], 2)) as unknown as tf.Scalar; // [4]

  /** tf.train refuses a non-scalar loss; returns the tensors it leaves (its gradient tape keeps the inputs it saved). */
  function tfTrainRefuses(): number {
    const p = problem();
    const before = tf.memory().numTensors;
    const ref = tf.train.sgd(0.1);
    expect(() => ref.minimize(nonScalar(p.vars), false, p.vars)).toThrow(/scalar/);
    ref.dispose();
    const left = tf.memory().numTensors - before;
    p.dispose();
    return left;
  }

  it.each(OPTIMIZERS.map((o) => o.id as OptimizerId))('%s: a non-scalar loss throws and leaves the weights as they were', (id) => {
    const p = problem();
    const start = p.values();
    const before = tf.memory().numTensors;
    const opt = OPTIMIZER_FACTORIES[id]({}, 1);
    expect(() => opt.minimize(nonScalar(p.vars), false, p.vars)).toThrow('the loss f() must return a scalar; it returned shape [4]');
    expect(p.values()).toEqual(start);
    expect(opt.iterations).toBe(0);
    opt.dispose();
    const left = tf.memory().numTensors - before;
    p.dispose();
    // Nothing is left behind, but what tfjs's own gradient tape keeps, as under tf.train.
    expect(left).toBe(OPTIMIZERS.find((o) => o.id === id)!.family === 'backprop' ? tfTrainRefuses() : 0);
  });

  it.each([
    ['sgd', { lr: 0.05 }, (h: Record<string, number>) => tf.train.sgd(h.lr)],
    ['momentum', { lr: 0.02, momentum: 0.8 }, (h: Record<string, number>) => tf.train.momentum(h.lr, h.momentum)],
    ['adam', { lr: 0.01, beta1: 0.8, beta2: 0.99 }, (h: Record<string, number>) => tf.train.adam(h.lr, h.beta1, h.beta2)],
  ] as const)('%s skips a variable of varList the loss does not use, as tf.train does', (id, hyper, reference) => {
    const run = (minimize: (f: () => tf.Scalar, vars: tf.Variable[]) => void) => {
      const p = problem();
      const unused = tf.variable(tf.tensor1d([3, -4]));
      const start = p.values();
      for (let s = 0; s < 30; s++) minimize(p.loss, [p.vars[0], unused, p.vars[1]]);
      const out = { start, used: p.values(), unused: Array.from(unused.dataSync()) };
      p.dispose();
      unused.dispose();
      return out;
    };
    const opt = createOptimizer(id, hyper);
    const ref = reference(hyper);
    const ours = run((f, vars) => opt.minimize(f, false, vars));
    const theirs = run((f, vars) => ref.minimize(f, false, vars));
    expect(ours.unused).toEqual([3, -4]);
    expect(theirs.unused).toEqual([3, -4]);
    const rel = ours.used.reduce((m, x, i) => Math.max(m, Math.abs(x - theirs.used[i]) / Math.max(Math.abs(theirs.used[i]), 1e-6)), 0);
    expect(rel).toBeLessThan(1e-6);
    expect(maxAbsDiff(ours.used, ours.start)).toBeGreaterThan(0.1); // and they moved
    opt.dispose();
    ref.dispose();
  });

  it.each([-1, 1.5, 2 ** 32, NaN])('a seed of %d throws a RangeError; 0 and 2³² − 1 are accepted', (seed) => {
    expect(() => createOptimizer('zo-sgd', {}, { seed })).toThrow(new RangeError(`zo-sgd: seed must be an integer in [0, 2^32) (got ${seed})`));
    for (const ok of [0, 2 ** 32 - 1]) createOptimizer('zo-sgd', {}, { seed: ok }).dispose();
  });
});
