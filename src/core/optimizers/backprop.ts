import * as tf from '@tensorflow/tfjs';
import { RuleOptimizer } from './base';
import { adamRule, momentumRule, sgdRule } from './rules';

/**
 * Backprop baselines: the true minibatch gradient (tf.variableGrads) fed to the same update rules
 * (rules.ts) as the zeroth-order lanes; each matches its tf.train twin to float rounding.
 * One step = 1 forward + 1 backward ≈ 3 forward-pass equivalents. Logged loss: L(θ) before the update.
 * The three ids share this file because they differ only in the rule.
 */
export class BackpropOptimizer extends RuleOptimizer {
  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { value, grads } = tf.variableGrads(f, vars as tf.Variable[]);
    const g = vars.map((v) => grads[v.name]);
    if (this.captureEstimate) this.keepGradient(g);
    this.rule.apply(vars, g, this.hyper);
    tf.dispose(grads);
    return value;
  }
}

/** `sgd`: Robbins & Monro 1951. θ ← θ − η∇L. No extra memory. */
export const createSgd = (hyper?: Record<string, number>, seed?: number) =>
  new BackpropOptimizer('sgd', sgdRule(), hyper, seed);

/** `momentum`: heavy ball, Polyak 1964 (tf.train.momentum): b ← μb + ∇L; θ ← θ − ηb. Extra memory 1×d. */
export const createMomentum = (hyper?: Record<string, number>, seed?: number) =>
  new BackpropOptimizer('momentum', momentumRule(), hyper, seed);

/** `adam`: Kingma & Ba 2015, https://arxiv.org/abs/1412.6980. Extra memory 2×d. */
export const createAdam = (hyper?: Record<string, number>, seed?: number) =>
  new BackpropOptimizer('adam', adamRule(), hyper, seed);
