import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CMA_ES_MAX_DIM, OPTIMIZER_FACTORIES, optimizerFactory } from '../../../src/core/optimizers';
import { TASK_FACTORIES } from '../../../src/core/tasks/registry';
import { stepsToThreshold, useCpu } from '../../helpers/optimizers';

beforeAll(useCpu);


/**
 * Every optimizer brings a 10-D quadratic (κ = 10, θ₀ ~ N(0, I) from seed 3, f(θ₀) = 27.5) to
 * f ≤ threshold within its budget of steps. The hyperparameters are the stable ones for this
 * problem (ZO-SGD's stable step is ~1/(L(d+2)), fact 4 of src/core/optimizers/README.md), not the spiral defaults.
 */
const QUADRATIC: [id: string, hyper: Record<string, number>, threshold: number, budget: number][] = [
  ['zo-sgd', { lr: 0.02 }, 1e-3, 400],
  ['zo-sgd', { lr: 0.02, dist: 1, q: 2 }, 1e-3, 200],
  ['zo-sgd', { lr: 0.02, dist: 2, mode: 1, q: 2 }, 1e-3, 300],
  ['zo-sgd-mmt', { lr: 0.002, momentum: 0.9 }, 1e-3, 400],
  ['zo-sign', { lr: 0.01 }, 2e-2, 800],
  ['zo-signsgd', { lr: 0.01 }, 2e-2, 1000],
  ['zo-cons', { lr: 0.04 }, 1e-3, 300],
  ['zo-adam', { lr: 0.1 }, 1e-3, 400],
  ['hizoo', { lr: 0.02, alpha: 1e-4 }, 1e-3, 500],
  ['lozo', { lr: 0.02 }, 1e-3, 400],
  ['openai-es', { lr: 0.05, sigma: 0.05, n: 10, rule: 1 }, 2e-2, 300],
  ['openai-es', { lr: 0.01, sigma: 0.05, n: 10, rule: 0 }, 2e-2, 600],
  ['openai-es', { lr: 0.002, sigma: 0.05, n: 10, rule: 2, momentum: 0.9 }, 2e-2, 600],
  ['snes', { lr: 1, sigma: 0.5, lambda: 10 }, 1e-3, 150],
  ['cma-es', { sigma: 0.5, lambda: 10 }, 1e-3, 150],
  ['one-plus-one-es', { sigma: 0.5 }, 1e-3, 600],
  ['random-search', { sigma: 0.1 }, 5e-2, 1200],
  ['sgd', { lr: 0.1 }, 1e-3, 100],
  ['momentum', { lr: 0.05, momentum: 0.9 }, 1e-3, 100],
  ['adam', { lr: 0.1 }, 1e-3, 150],
];

describe('every optimizer decreases a 10-D quadratic (κ = 10) to its threshold within its budget', () => {
  it.each(QUADRATIC)('%s %j: f ≤ %f within %i steps', (id, hyper, threshold, budget) => {
    const task = TASK_FACTORIES.quadratic({ d: 10, kappa: 10 }, 3);
    const { reachedAt, best } = stepsToThreshold(task, id, hyper, threshold, budget);
    task.dispose();
    expect(best).toBeLessThanOrEqual(threshold);
    expect(reachedAt).not.toBeNull();
  });
});

describe('cma-es', () => {
  it('reaches 1e-8 on the 10-D sphere (quadratic, κ = 1) within 300 generations of λ = 10', () => {
    const task = TASK_FACTORIES.quadratic({ d: 10, kappa: 1 }, 3);
    const { reachedAt } = stepsToThreshold(task, 'cma-es', { sigma: 0.5, lambda: 10 }, 1e-8, 300, 5);
    task.dispose();
    expect(reachedAt).not.toBeNull();
  });

  it(`refuses, with a message naming the limit and the alternatives, a model over ${CMA_ES_MAX_DIM} parameters`, () => {
    const task = TASK_FACTORIES.quadratic({ d: CMA_ES_MAX_DIM + 1, kappa: 1 }, 3);
    const opt = OPTIMIZER_FACTORIES['cma-es']({}, 1);
    expect(() => opt.minimize(() => task.loss(null), false, task.params)).toThrow(
      new RegExp(`cma-es .*limited to ${CMA_ES_MAX_DIM} parameters; this model has ${CMA_ES_MAX_DIM + 1}\\. Use snes .* or openai-es`),
    );
    opt.dispose();
    task.dispose();
  });
});

describe('openai-es', () => {
  /** θ after `steps` steps on f, or on an increasing transform of f. */
  function run(id: string, hyper: Record<string, number>, transform: (l: tf.Scalar) => tf.Tensor, steps = 15) {
    const task = TASK_FACTORIES.quadratic({ d: 5, kappa: 10 }, 3);
    const opt = optimizerFactory(id)(hyper, 7);
    for (let i = 0; i < steps; i++) opt.minimize(() => tf.tidy(() => transform(task.loss(null)) as tf.Scalar), false, task.params);
    const theta = task.params[0].dataSync().slice();
    opt.dispose();
    task.dispose();
    return theta;
  }
  // f ↦ exp(f/10) − 1 + f³ is increasing on f ≥ 0 and far from affine.
  const monotone = (l: tf.Scalar) => tf.add(tf.sub(tf.exp(tf.div(l, 10)), 1), tf.pow(l, 3));

  it.each([
    ['sgd', 0],
    ['adam', 1],
    ['momentum', 2],
  ])('its update (%s rule) is invariant to an increasing transform of the loss: identical weights', (_name, rule) => {
    const hyper = { lr: 0.02, sigma: 0.1, n: 8, rule };
    expect(Array.from(run('openai-es', hyper, monotone))).toEqual(Array.from(run('openai-es', hyper, (l) => l)));
  });

  it('while zo-sgd, which uses loss differences, is not (the control)', () => {
    const hyper = { lr: 1e-4, eps: 1e-3 };
    const a = run('zo-sgd', hyper, monotone);
    const b = run('zo-sgd', hyper, (l) => l);
    expect(a.some((x, i) => Math.abs(x - b[i]) > 1e-3)).toBe(true);
  });
});
