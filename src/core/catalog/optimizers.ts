import type { OptimizerSpec } from './types';

/** Registry of optimizers (pure data). Implementations live in `src/core/optimizers/<id>.ts`. */

const lr = (value: number, min: number, max: number) => ({
  name: 'lr',
  label: 'learning rate η',
  default: value,
  min,
  max,
  log: true,
  meaning: 'Step size: how far each update moves the weights.',
});

export const OPTIMIZERS: readonly OptimizerSpec[] = [
  {
    id: 'zo-sgd',
    label: 'ZO-SGD (MeZO)',
    family: 'zeroth-order',
    paper: {
      authors: 'Malladi et al.',
      title: 'Fine-Tuning Language Models with Just Forward Passes (MeZO)',
      year: 2023,
      url: 'https://arxiv.org/abs/2305.17333',
    },
    equation: 'g = (L(θ+εz) − L(θ−εz)) / 2ε,  θ ← θ − η·g·z,  z ~ N(0, I) (mean over q directions)',
    memory: 'none: z is regenerated from the step seed, never stored',
    description:
      'Two-point central SPSA with Gaussian directions. Each direction costs two forward passes; ' +
      'the direction is regenerated from a seed for the +ε, −2ε, +ε perturbations and the update, ' +
      'so the step needs no more memory than inference.',
    hypers: [
      lr(0.02, 1e-6, 1),
      {
        name: 'eps',
        label: 'perturbation ε',
        default: 1e-3,
        min: 1e-6,
        max: 1,
        log: true,
        meaning: 'Radius of the two probes θ ± εz used to difference the loss.',
      },
      {
        name: 'q',
        label: 'directions q',
        default: 1,
        min: 1,
        max: 64,
        log: false,
        integer: true,
        meaning: 'Random directions averaged per step; each costs two forward passes.',
      },
    ],
    forwardPasses: (h) => 2 * h.q,
  },
  {
    id: 'sgd',
    label: 'SGD (backprop)',
    family: 'backprop',
    paper: {
      authors: 'Robbins & Monro',
      title: 'A Stochastic Approximation Method',
      year: 1951,
      url: 'https://doi.org/10.1214/aoms/1177729586',
    },
    equation: 'θ ← θ − η·∇L(θ)',
    memory: 'none beyond the gradient',
    description: 'Plain gradient descent on the minibatch gradient from backpropagation.',
    hypers: [lr(0.1, 1e-6, 10)],
    forwardPasses: () => 3,
  },
  {
    id: 'adam',
    label: 'Adam (backprop)',
    family: 'backprop',
    paper: {
      authors: 'Kingma & Ba',
      title: 'Adam: A Method for Stochastic Optimization',
      year: 2015,
      url: 'https://arxiv.org/abs/1412.6980',
    },
    equation:
      'm ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + 1e-7)',
    memory: '2×d (first and second moments)',
    description:
      'Adam on the backprop gradient (same form and ε = 1e-7 as tf.train.adam): the reference a ' +
      'zeroth-order lane is compared against.',
    hypers: [
      lr(0.01, 1e-6, 1),
      {
        name: 'beta1',
        label: 'β₁',
        default: 0.9,
        min: 0,
        max: 0.9999,
        log: false,
        meaning: 'Decay of the running mean of gradients (momentum).',
      },
      {
        name: 'beta2',
        label: 'β₂',
        default: 0.999,
        min: 0,
        max: 0.99999,
        log: false,
        meaning: 'Decay of the running mean of squared gradients.',
      },
    ],
    forwardPasses: () => 3,
  },
];

export function optimizerSpec(id: string): OptimizerSpec | undefined {
  return OPTIMIZERS.find((o) => o.id === id);
}
