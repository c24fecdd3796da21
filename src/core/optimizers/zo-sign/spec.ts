import { defineOptimizer } from '../types';
import { eps, lr } from '../params';
import { TWO_POINT_NOTE, TWO_POINT_OPTIONS, ZO_BENCH, twoPointPasses } from '../two-point-spec';

export const ZO_SIGN = defineOptimizer({
  id: 'zo-sign',
  label: 'ZO-SGD-Sign (ZO-Bench)',
  family: 'zeroth-order',
  paper: ZO_BENCH,
  equation: 'θ ← θ − η·(1/q) Σ sign(gₖ)·zₖ',
  memory: 'none: seed trick',
  description:
    'Keeps only the sign of each measured slope and steps along the whole direction z. Its mean ' +
    'step is a normalised gradient, √(2/π)·∇L/‖∇L‖ for Gaussian z, so it ignores the loss scale: ' +
    'robust to outliers, but it never slows down near a minimum unless η is lowered.' +
    TWO_POINT_NOTE,
  hypers: [lr(0.01, 1e-6, 1), eps(), ...TWO_POINT_OPTIONS],
  forwardPasses: twoPointPasses,
});
