import type { ParamSpec } from '../../params';
import type { TaskSpec } from '../shared/spec';

/**
 * The 2-D test functions (Surjanovic & Bingham, Virtual Library of Simulation Experiments,
 * https://www.sfu.ca/~ssurjano/optimization.html): θ = (x, y) from a start point the user picks.
 */

const start = (axis: 'x' | 'y', value: number, lo: number, hi: number): ParamSpec => ({
  name: `${axis}0`,
  label: `start ${axis}`,
  default: value,
  min: lo,
  max: hi,
  log: false,
  meaning: `Initial ${axis} (click the picture to set the start point).`,
});

function landscape<Id extends string>(
  id: Id,
  label: string,
  formula: string,
  minima: string,
  x0: number,
  y0: number,
  range: number,
  suggested: TaskSpec['suggested'],
): TaskSpec<Id> {
  return {
    id,
    label: `${label} (2-D)`,
    description: `f(x, y) = ${formula}. ${minima} Picture: the landscape with every lane's path and the points its optimizer probed in its latest step.`,
    metric: null,
    suggested,
    // Deterministic losses: new (1+1) lanes keep the parent's loss (1 pass a step); links that do not
    // name reeval replay with it on, as they were written.
    newLaneSuggested: { 'one-plus-one-es': { reeval: 0 }, 'random-search': { reeval: 0 } },
    settings: [start('x', x0, -range, range), start('y', y0, -range, range)],
  };
}

export const LANDSCAPE_SPECS = [
  landscape('rosenbrock', 'Rosenbrock', '(1 − x)² + 100(y − x²)², a curved valley', 'Minimum 0 at (1, 1).', -1.2, 1, 3, {
    'zo-sgd': { lr: 0.001 }, 'zo-sgd-mmt': { lr: 1e-4 }, 'zo-sign': { lr: 0.002 }, 'zo-signsgd': { lr: 0.002 },
    'zo-cons': { lr: 0.002 }, 'zo-adam': { lr: 0.02 }, hizoo: { lr: 0.1, alpha: 0.5 }, lozo: { lr: 0.001 },
    'openai-es': { lr: 0.02, n: 10 }, snes: { lr: 2, sigma: 0.2, lambda: 6 }, 'cma-es': { lambda: 8 },
    'one-plus-one-es': { sigma: 0.1 }, sgd: { lr: 0.0015 }, momentum: { lr: 2e-4 }, adam: { lr: 0.05 },
  }),
  landscape('rastrigin', 'Rastrigin', '20 + Σ [xᵢ² − 10 cos 2πxᵢ], a bowl covered in local minima', 'Minimum 0 at (0, 0).', 2.3, -1.7, 5.12, { 'zo-sgd': { lr: 0.001, eps: 1 }, adam: { lr: 0.05 } }),
  landscape('ackley', 'Ackley', '−20 exp(−0.2 √(½(x² + y²))) − exp(½(cos 2πx + cos 2πy)) + e + 20, nearly flat far out with a deep central well', 'Minimum 0 at (0, 0).', 3.2, -2.4, 5, { 'zo-sgd': { lr: 0.002, eps: 0.3 }, adam: { lr: 0.05 } }),
  landscape('himmelblau', 'Himmelblau', '(x² + y − 11)² + (x + y² − 7)²', 'Four minima of 0: (3, 2), (−2.81, 3.13), (−3.78, −3.28), (3.58, −1.85).', 0, 0, 5, { 'zo-sgd': { lr: 0.005 }, adam: { lr: 0.05 } }),
  landscape('beale', 'Beale', '(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², flat valleys and steep walls', 'Minimum 0 at (3, 0.5).', 1, 1.5, 4.5, { 'zo-sgd': { lr: 0.002 }, adam: { lr: 0.05 } }),
  landscape('booth', 'Booth', '(x + 2y − 7)² + (2x + y − 5)², a tilted quadratic bowl', 'Minimum 0 at (1, 3).', -6, -6, 10, { 'zo-sgd': { lr: 0.01 }, adam: { lr: 0.1 } }),
] as const;

export type LandscapeId = (typeof LANDSCAPE_SPECS)[number]['id'];
