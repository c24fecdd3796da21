/**
 * SGD on the backprop gradient: Robbins & Monro, "A Stochastic Approximation Method", Annals of
 * Mathematical Statistics 22(3), 1951. https://doi.org/10.1214/aoms/1177729586
 *
 *   θ ← θ − η·∇L(θ)          (tf.train.sgd)
 *
 * One forward + backward ≈ 3 forward-pass equivalents. No state beyond the gradient of the step.
 */
import { BackpropOptimizer } from '../../estimators/backprop';
import { sgdRule } from '../../estimators/rules';
import type { HyperInput } from '../hyper';

export const createSgd = (hyper?: HyperInput, seed?: number) => new BackpropOptimizer('sgd', sgdRule(), hyper, seed);
