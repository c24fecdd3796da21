import { defineOptimizer } from '../types';
import { eps, lr } from '../params';
import { TWO_POINT_NOTE, TWO_POINT_OPTIONS, ZO_BENCH, isOneSided, twoPointPasses } from '../two-point-spec';

export const ZO_CONS = defineOptimizer({
  id: 'zo-cons',
  label: 'ZO-SGD-Cons (conservative)',
  family: 'zeroth-order',
  paper: ZO_BENCH,
  equation: 'L₀ = L(θ),  ĝ two-point,  θ ← the best of {θ, θ − ηĝ, θ + ηĝ} on this batch',
  memory: 'none: seed trick, the choice is made on the device',
  description:
    'A conservative ZO-SGD: it evaluates the loss before the step and at both θ − ηĝ and θ + ηĝ, and ' +
    'keeps whichever of the three is lowest, so a step never increases the minibatch loss. Three ' +
    'extra forward passes per step buy that guarantee.' +
    TWO_POINT_NOTE,
  hypers: [lr(0.04, 1e-6, 1), eps(), ...TWO_POINT_OPTIONS],
  forwardPasses: (h) => twoPointPasses(h) + (isOneSided(h) ? 2 : 3),
});
