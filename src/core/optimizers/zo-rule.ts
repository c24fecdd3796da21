/**
 * A zeroth-order lane that feeds a two-point estimate ĝ to an update rule (rules.ts): the same
 * rules the backprop baselines use, so ZO-Adam and Adam differ only in where the gradient came from.
 * ĝ is materialised (one d-sized tensor per variable, for the step only) because a rule with state or
 * a nonlinearity (momentum, Adam, sign) needs its values.
 */
import * as tf from '@tensorflow/tfjs';
import { RuleOptimizer } from './base';
import { materialize } from '../perturb';
import { disposeDirections, disposeProbes, gradientDirections, probeTwoPoint, twoPointSettings } from './two-point';

export class ZoRuleOptimizer extends RuleOptimizer {
  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { probes, loss } = probeTwoPoint(f, vars, this.seed, this.iterations, twoPointSettings(this.hyper));
    const dirs = gradientDirections(probes, 1);
    if (this.captureEstimate) this.keepEstimate(gradientDirections(probes, 1));
    const gHat = materialize(dirs, vars);
    this.rule.apply(vars, gHat, this.hyper);
    tf.dispose(gHat);
    disposeDirections(dirs);
    disposeProbes(probes);
    return loss;
  }
}
