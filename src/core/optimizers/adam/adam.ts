/**
 * Adam on the backprop gradient: Kingma & Ba, "Adam: A Method for Stochastic Optimization",
 * ICLR 2015. https://arxiv.org/abs/1412.6980
 *
 *   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + 1e-7)
 *
 * In tf.train.adam's operation order and with its ε = 1e-7. One forward + backward ≈ 3
 * forward-pass equivalents. State: the moments m and v (2×d).
 */
import { BackpropOptimizer } from '../../estimators/backprop';
import { adamRule } from '../../estimators/rules';
import type { HyperInput } from '../hyper';

export const createAdam = (hyper?: HyperInput, seed?: number) => new BackpropOptimizer('adam', adamRule(), hyper, seed);
