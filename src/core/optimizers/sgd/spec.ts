import { defineOptimizer } from '../types';
import { lr } from '../params';

export const SGD = defineOptimizer({
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
  description:
    'Plain gradient descent on the minibatch gradient from backpropagation: the first-order baseline ' +
    'for ZO-SGD, which estimates the same gradient from loss values alone.',
  hypers: [lr(0.1, 1e-6, 10)],
  forwardPasses: () => 3,
});
