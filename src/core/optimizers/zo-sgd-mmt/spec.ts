import { defineOptimizer } from '../types';
import { eps, lr, momentum } from '../params';
import { TWO_POINT_NOTE, TWO_POINT_OPTIONS, ZO_BENCH, twoPointPasses } from '../two-point-spec';

export const ZO_SGD_MMT = defineOptimizer({
  id: 'zo-sgd-mmt',
  label: 'ZO-SGD with momentum',
  family: 'zeroth-order',
  paper: ZO_BENCH,
  equation: 'ĝ = (1/q) Σ gₖzₖ,  b ← μ·b + ĝ,  θ ← θ − η·b',
  memory: '1×d (momentum buffer b)',
  description:
    'ZO-SGD whose noisy estimates are averaged over steps by a heavy-ball momentum buffer: the noise ' +
    'of successive directions partly cancels while the consistent gradient component accumulates. ' +
    'Costs one d-sized buffer, unlike plain ZO-SGD.' +
    TWO_POINT_NOTE,
  hypers: [lr(0.004, 1e-6, 1), eps(), momentum(0.9), ...TWO_POINT_OPTIONS],
  forwardPasses: twoPointPasses,
});
