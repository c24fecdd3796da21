import { defineOptimizer } from '../types';
import { beta1, beta2, lr } from '../params';

export const ADAM = defineOptimizer({
  id: 'adam',
  label: 'Adam (backprop)',
  family: 'backprop',
  paper: {
    authors: 'Kingma & Ba',
    title: 'Adam: A Method for Stochastic Optimization',
    year: 2015,
    url: 'https://arxiv.org/abs/1412.6980',
  },
  equation: 'm ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + 1e-7)',
  memory: '2×d (first and second moments)',
  description:
    'Adam on the backprop gradient (same form and ε = 1e-7 as tf.train.adam): the reference a ' +
    'zeroth-order lane is compared against.',
  hypers: [lr(0.01, 1e-6, 1), beta1, beta2],
  forwardPasses: () => 3,
});
