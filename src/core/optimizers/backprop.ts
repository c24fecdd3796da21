import * as tf from '@tensorflow/tfjs';
import { Optimizer } from './base';
import { adamRule, sgdRule, type UpdateRule } from './rules';

/**
 * Backprop baselines: the true minibatch gradient (tf.variableGrads) fed to an update rule.
 * One step = 1 forward + 1 backward ≈ 3 forward-pass equivalents.
 */
export class BackpropOptimizer extends Optimizer {
  constructor(
    id: string,
    private readonly rule: UpdateRule,
    hyper?: Record<string, number>,
    seed?: number,
  ) {
    super(id, hyper, seed);
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { value, grads } = tf.variableGrads(f, vars as tf.Variable[]);
    this.rule.apply(
      vars,
      vars.map((v) => grads[v.name]),
      this.hyper,
    );
    tf.dispose(grads);
    return value;
  }

  dispose(): void {
    this.rule.dispose();
  }
}

/** `sgd`: Robbins & Monro 1951. θ ← θ − η∇L. */
export const createSgd = (hyper?: Record<string, number>, seed?: number) =>
  new BackpropOptimizer('sgd', sgdRule(), hyper, seed);

/** `adam`: Kingma & Ba 2015, https://arxiv.org/abs/1412.6980. */
export const createAdam = (hyper?: Record<string, number>, seed?: number) =>
  new BackpropOptimizer('adam', adamRule(), hyper, seed);
