import type { ParamSpec } from '../../params';
import { batchSetting, hiddenSetting, type TaskSpec } from '../shared/spec';

/** Two-class points in the plane (datasets.ts), classified by a small tanh MLP. */

const points: ParamSpec = {
  name: 'points', label: 'training points', default: 400, min: 20, max: 10000, log: true, integer: true, meaning: 'Points in the training set (half per class).',
};
const noise = (dflt: number): ParamSpec => ({
  name: 'noise', label: 'noise', default: dflt, min: 0, max: 0.5, log: false, meaning: 'Jitter added to each point, relative to the data radius (4).',
});

function classify2d<Id extends string>(id: Id, label: string, what: string, noiseDefault: number, extra: ParamSpec[] = []): TaskSpec<Id> {
  return {
    id,
    label: `${label} MLP (2-class)`,
    description:
      `${what}, classified by a tanh MLP with two hidden layers and a softmax cross-entropy loss. ` +
      'Metric: accuracy on a held-out set from the same distribution. Picture: each lane’s decision boundary over the points.',
    metric: 'accuracy',
    // ZO-SGD at 0.02 reaches 95% accuracy by step 1,000 and then drifts back (constant-step noise); 0.015 holds it through 2,000.
    suggested: { 'zo-sgd': { lr: 0.015 }, adam: { lr: 0.03 } },
    settings: [...extra, hiddenSetting(8), points, noise(noiseDefault), batchSetting(64)],
  };
}

export const CLASSIFY2D_SPECS = [
  classify2d('spiral', 'Spiral', 'Two interleaved spirals in the plane (how many turns is a setting)', 0.05, [
    { name: 'turns', label: 'turns', default: 1, min: 0.25, max: 3, log: false, meaning: 'How many times each spiral winds around the centre: more is harder.' },
  ]),
  classify2d('moons', 'Moons', 'Two interleaving half circles (scikit-learn’s make_moons)', 0.05),
  classify2d('circles', 'Circles', 'A disc of one class inside a ring of the other', 0.05),
  classify2d('xor', 'XOR', 'Four quadrants, opposite ones of the same class', 0.05),
] as const;

export type Classify2dId = (typeof CLASSIFY2D_SPECS)[number]['id'];
