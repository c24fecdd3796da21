import { defineOptimizer } from '../types';
import { beta1, beta2, eps, lr } from '../params';
import { TWO_POINT_NOTE, TWO_POINT_OPTIONS, ZO_BENCH, twoPointPasses } from '../two-point-spec';

export const ZO_ADAM = defineOptimizer({
  id: 'zo-adam',
  label: 'ZO-Adam',
  family: 'zeroth-order',
  paper: ZO_BENCH,
  equation: 'ĝ two-point,  m ← β₁m + (1−β₁)ĝ,  v ← β₂v + (1−β₂)ĝ²,  θ ← θ − η·m̂ / (√v̂ + 1e-8)',
  memory: '2×d (first and second moments)',
  description:
    'Adam fed with the zeroth-order estimate instead of the backprop gradient (the same update rule as ' +
    "the Adam lane). The per-coordinate normalisation tames the estimate's large variance, at the " +
    'cost of two d-sized buffers.' +
    TWO_POINT_NOTE,
  hypers: [lr(0.01, 1e-6, 1), eps(), beta1, beta2, ...TWO_POINT_OPTIONS],
  forwardPasses: twoPointPasses,
});
