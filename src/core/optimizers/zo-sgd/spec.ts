import { defineOptimizer } from '../types';
import { eps, lr } from '../params';
import { TWO_POINT_NOTE, TWO_POINT_OPTIONS, twoPointPasses } from '../two-point-spec';

export const ZO_SGD = defineOptimizer({
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
    'Two-point SPSA: probe the loss at θ ± εz along a random direction z, and step along z by the ' +
    'measured slope. The direction is regenerated from a seed for the +ε, −2ε, +ε perturbations and ' +
    'the update, so the step needs no more memory than inference. The estimate is unbiased but its ' +
    'variance grows with the number of parameters d.' +
    TWO_POINT_NOTE,
  hypers: [lr(0.02, 1e-6, 1), eps(), ...TWO_POINT_OPTIONS],
  forwardPasses: twoPointPasses,
});
