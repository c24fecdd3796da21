import * as tf from '@tensorflow/tfjs';
import { RuleOptimizer } from './rule-optimizer';

/**
 * The backprop baselines' step: the true minibatch gradient (tf.variableGrads) fed to the same
 * update rules (rules.ts) as the zeroth-order lanes; each matches its tf.train twin to float
 * rounding. One step = 1 forward + 1 backward ≈ 3 forward-pass equivalents. Logged loss: L(θ)
 * before the update. As in tf.train, a variable in varList that the loss does not use has no
 * gradient and is skipped (no update; its state is left alone).
 */
export class BackpropOptimizer extends RuleOptimizer {
  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { value, grads } = tf.variableGrads(f, vars as tf.Variable[]);
    const g = vars.map((v): tf.Tensor | null => grads[v.name] ?? null);
    if (this.captureEstimate) {
      // Diagnostics compare with the true gradient, which is 0 for a variable the loss does not use.
      const zeros = vars.map((v, i): tf.Tensor | null => (g[i] ? null : tf.zerosLike(v)));
      this.keepGradient(g.map((gi, i) => gi ?? zeros[i]!));
      tf.dispose(zeros.filter((z): z is tf.Tensor => z !== null));
    }
    this.rule.apply(vars, g, this.hyper);
    tf.dispose(grads);
    return value;
  }
}
