import type { TaskSpec } from './types';

/** Registry of tasks (pure data). Implementations live in `src/core/tasks/<id>.ts`. */
export const TASKS: readonly TaskSpec[] = [
  {
    id: 'spiral',
    label: 'Spiral MLP (2-class)',
    description:
      'Two interleaved spirals in the plane (how many turns is a setting), classified by a tanh MLP ' +
      'with two hidden layers and a ' +
      'softmax cross-entropy loss. Metric: accuracy on a held-out set drawn from the same spirals.',
    metric: 'accuracy',
    suggested: { 'zo-sgd': { lr: 0.02 }, adam: { lr: 0.03 } },
    settings: [
      { name: 'turns', label: 'turns', default: 1, min: 0.25, max: 3, log: false, meaning: 'How many times each spiral winds around the centre: more is harder.' },
      { name: 'hidden', label: 'hidden width', default: 8, min: 2, max: 256, log: true, integer: true, meaning: 'Units in each of the two hidden layers.' },
      { name: 'points', label: 'training points', default: 400, min: 20, max: 10000, log: true, integer: true, meaning: 'Points in the training set (half per class).' },
      { name: 'noise', label: 'noise', default: 0.05, min: 0, max: 0.5, log: false, meaning: 'Uniform jitter added to each point, relative to the spiral radius.' },
      { name: 'batch', label: 'batch size', default: 64, min: 1, max: 1024, log: true, integer: true, meaning: 'Training points per step (same batches in every lane).' },
    ],
  },
  {
    id: 'quadratic',
    label: 'Quadratic (d dimensions)',
    description:
      'f(θ) = ½ Σ λᵢθᵢ² with eigenvalues λᵢ log-spaced from 1 to κ. The gradient is known in closed ' +
      'form, so it is the task where the cost of dimension for zeroth-order methods shows plainly.',
    metric: null,
    settings: [
      { name: 'd', label: 'dimension d', default: 100, min: 2, max: 1000000, log: true, integer: true, meaning: 'Number of parameters.' },
      { name: 'kappa', label: 'condition κ', default: 10, min: 1, max: 1000000, log: true, meaning: 'Ratio of the largest to the smallest curvature.' },
    ],
  },
  {
    id: 'rosenbrock',
    label: 'Rosenbrock (2-D)',
    description:
      'f(x, y) = (1 − x)² + 100(y − x²)², a curved valley with its minimum 0 at (1, 1). Classic test ' +
      'of how an optimizer follows a narrow, bending valley.',
    metric: null,
    settings: [
      { name: 'x0', label: 'start x', default: -1.2, min: -3, max: 3, log: false, meaning: 'Initial x.' },
      { name: 'y0', label: 'start y', default: 1, min: -3, max: 3, log: false, meaning: 'Initial y.' },
    ],
  },
];

export function taskSpec(id: string): TaskSpec | undefined {
  return TASKS.find((t) => t.id === id);
}
