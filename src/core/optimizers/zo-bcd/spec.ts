import { choiceParam } from '../../params';
import { defineOptimizer } from '../types';
import { eps, lr } from '../params';

/** How ZO-BCD picks the block of a step (hyper `order` is an index into this). */
export const BLOCK_ORDERS = ['cyclic', 'random'] as const;

export const ZO_BCD = defineOptimizer({
  id: 'zo-bcd',
  label: 'ZO-BCD (one block per step)',
  family: 'zeroth-order',
  paper: {
    authors: 'Wang, Shen, Ding, Xue, Liu & Ding (LeZO)',
    title: 'Simultaneous Computation and Memory Efficient Zeroth-Order Optimizer for Fine-Tuning Large Language Models',
    year: 2024,
    url: 'https://arxiv.org/abs/2410.09823',
  },
  equation: 'b = t mod B (cyclic) or uniform (random);  g = (L(θ+εz_b) − L(θ−εz_b)) / 2ε;  θ_b ← θ_b − η·g·z_b',
  memory: 'none: z_b is regenerated from the step seed; only block b is touched',
  description:
    'Block-coordinate MeZO: each step perturbs and updates one parameter tensor (a block: a weight ' +
    'matrix or a bias) and leaves every other weight as it is, cyclically or at random. A step ' +
    'still costs two forward passes, but the perturbation and the update touch a fraction of the ' +
    'weights, and the estimate lives in a space of the block’s size (LeZO; MeZO-BCD).',
  hypers: [
    lr(0.02, 1e-6, 1),
    eps(),
    choiceParam('order', 'block order', BLOCK_ORDERS, 'cyclic: block t mod B at step t; random: a block drawn uniformly from the step seed.'),
  ],
  forwardPasses: () => 2,
});
