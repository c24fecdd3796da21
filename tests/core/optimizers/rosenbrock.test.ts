import { beforeAll, describe, expect, it } from 'vitest';
import { TASK_FACTORIES } from '../../../src/core/tasks/registry';
import { stepsToThreshold, useCpu } from '../../helpers/optimizers';

beforeAll(useCpu);


/**
 * Every optimizer brings 2-D Rosenbrock from the classic start (−1.2, 1), f = 24.2, down the curved
 * valley to f ≤ 0.05 within its budget (hyperparameters stable for curvatures up to ~1000 there).
 * HiZOO needs a fast-adapting Hessian (α = 0.5) and Newton-sized steps (η = 0.1): its diagonal H
 * cannot follow the rotated valley, so with a small α it crawls.
 */
const ROSENBROCK: [id: string, hyper: Record<string, number>, budget: number][] = [
  ['zo-sgd', { lr: 0.001 }, 3500],
  ['zo-sgd', { lr: 0.001, dist: 1 }, 3000],
  ['zo-sgd-mmt', { lr: 1e-4, momentum: 0.9 }, 1800],
  ['zo-sign', { lr: 0.002 }, 3000],
  ['zo-signsgd', { lr: 0.002 }, 2800],
  ['zo-cons', { lr: 0.002 }, 2000],
  ['zo-adam', { lr: 0.02 }, 3500],
  ['hizoo', { lr: 0.1, alpha: 0.5 }, 3500],
  ['lozo', { lr: 0.001 }, 3500],
  ['openai-es', { lr: 0.02, sigma: 0.05, n: 10, rule: 1 }, 600],
  ['snes', { lr: 2, sigma: 0.2, lambda: 6 }, 1600],
  ['cma-es', { sigma: 0.3, lambda: 8 }, 150],
  ['one-plus-one-es', { sigma: 0.1 }, 1000],
  ['random-search', { sigma: 0.02 }, 1300],
  ['sgd', { lr: 0.0015 }, 2200],
  ['momentum', { lr: 2e-4, momentum: 0.9 }, 1600],
  ['adam', { lr: 0.02 }, 1600],
];

describe('every optimizer follows the Rosenbrock valley to f ≤ 0.05 within its budget', () => {
  it.each(ROSENBROCK)('%s %j within %i steps', (id, hyper, budget) => {
    const task = TASK_FACTORIES.rosenbrock({ x0: -1.2, y0: 1 }, 3);
    const { reachedAt, best } = stepsToThreshold(task, id, hyper, 0.05, budget);
    task.dispose();
    expect(best).toBeLessThanOrEqual(0.05);
    expect(reachedAt).not.toBeNull();
  });
});

