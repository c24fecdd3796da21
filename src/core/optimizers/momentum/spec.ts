import { defineOptimizer } from '../types';
import { lr, momentum } from '../params';

export const MOMENTUM = defineOptimizer({
  id: 'momentum',
  label: 'Momentum (backprop)',
  family: 'backprop',
  paper: {
    authors: 'Polyak',
    title: 'Some methods of speeding up the convergence of iteration methods',
    year: 1964,
    url: 'https://doi.org/10.1016/0041-5553(64)90137-5',
  },
  equation: 'b ← μ·b + ∇L(θ),  θ ← θ − η·b',
  memory: '1×d (momentum buffer)',
  description:
    'Gradient descent with heavy-ball momentum on the backprop gradient (same form as ' +
    'tf.train.momentum): the baseline for ZO-SGD with momentum.',
  hypers: [lr(0.05, 1e-6, 10), momentum(0.9)],
  forwardPasses: () => 3,
});
