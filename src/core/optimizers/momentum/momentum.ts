/**
 * Heavy-ball momentum on the backprop gradient: Polyak, "Some methods of speeding up the
 * convergence of iteration methods", USSR Comp. Math. and Math. Physics 4(5), 1964.
 * https://doi.org/10.1016/0041-5553(64)90137-5
 *
 *   b ← μ·b + ∇L(θ);  θ ← θ − η·b          (tf.train.momentum, without Nesterov)
 *
 * One forward + backward ≈ 3 forward-pass equivalents. State: the momentum buffer b (1×d).
 */
import { BackpropOptimizer } from '../../estimators/backprop';
import { momentumRule } from '../../estimators/rules';
import type { HyperInput } from '../hyper';

export const createMomentum = (hyper?: HyperInput, seed?: number) => new BackpropOptimizer('momentum', momentumRule(), hyper, seed);
