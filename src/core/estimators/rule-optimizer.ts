import * as tf from '@tensorflow/tfjs';
import type { HyperInput } from '../optimizers/hyper';
import { Optimizer } from '../optimizers/optimizer';
import type { OptimizerId } from '../optimizers/specs';
import { materialize } from '../random/perturb';
import { AppliedRule, type UpdateRule } from './rules';
import type { StateTree } from './state';
import { disposeDirections, disposeProbes, gradientDirections, probeTwoPoint, twoPointSettings, twoPointVariance } from './two-point';

/**
 * An optimizer that feeds a gradient, true or estimated, to an update rule (rules.ts) it owns with
 * its state: the backprop baselines and the zeroth-order lanes with a rule, so "ZO-Adam vs Adam"
 * differ only in where the gradient came from. Its state is the rule's.
 */
export abstract class RuleOptimizer extends Optimizer {
  protected readonly rule: AppliedRule;

  constructor(id: OptimizerId, rule: UpdateRule, hyper?: HyperInput, seed?: number) {
    super(id, hyper, seed);
    this.rule = new AppliedRule(rule);
  }

  protected ownedState(): StateTree {
    return this.rule.current;
  }

  dispose(): void {
    super.dispose();
    this.rule.dispose();
  }
}

/**
 * A zeroth-order lane that feeds a two-point estimate ĝ to an update rule. ĝ is materialised (one
 * d-sized tensor per variable, for the step only) because a rule with state or a nonlinearity
 * (momentum, Adam, sign) needs its values.
 */
export class ZoRuleOptimizer extends RuleOptimizer {
  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const settings = twoPointSettings(this.hyper);
    const { probes, loss } = probeTwoPoint(f, vars, this.seed, this.iterations, settings);
    if (this.trackVariance) this.keepVariance(twoPointVariance(probes, settings.dist, vars));
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
