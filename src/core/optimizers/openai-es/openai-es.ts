/**
 * OpenAI Evolution Strategy: Salimans, Ho, Chen, Sidor, Sutskever, "Evolution Strategies as a
 * Scalable Alternative to Reinforcement Learning", 2017. https://arxiv.org/abs/1703.03864
 *
 *   εⱼ ~ N(0, I), j = 1..n/2, evaluated in antithetic pairs θ ± σεⱼ  (n evaluations)
 *   F̃ = centered ranks of the n losses (rank/(n−1) − ½)
 *   ĝ = 1/(nσ) Σⱼ (F̃⁺ⱼ − F̃⁻ⱼ) εⱼ,   then the update rule `rule`: θ ← θ − η·ĝ (sgd), Adam(ĝ) or momentum(ĝ)
 *
 * Forward passes per step: n (an odd n is rounded down to pairs). Memory: none with sgd (the εⱼ are
 * seed-trick directions, applied one at a time); Adam adds m and v (2×d), momentum its buffer (1×d),
 * and both materialise ĝ. Each rule keeps its own state, so switching rules live and back resumes
 * it. Ranks are computed on the device, so nothing is read back, and the update is invariant to any
 * increasing transform of L. Logged training loss: the mean of the n population losses, i.e. the
 * Gaussian-smoothed loss E L(θ + σε) that ES minimises, estimated at the current mean θ without an
 * extra pass.
 */
import * as tf from '@tensorflow/tfjs';
import { applyEstimate, centeredRanks, evaluateAntithetic, memberKeys } from '../../estimators/population';
import { AppliedRule, RULE_FACTORIES } from '../../estimators/rules';
import { disposeDirections } from '../../estimators/two-point';
import type { Direction } from '../../random/perturb';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';
import { RULES, type RuleName } from '../params';

export class OpenAiEs extends Optimizer {
  /** The rules used so far, each with its state (sgd needs none: it runs by the seed trick). */
  private readonly rules: Partial<Record<RuleName, AppliedRule>> = {};

  constructor(hyper?: HyperInput, seed?: number) {
    super('openai-es', hyper, seed);
  }

  protected ownedState() {
    return Object.values(this.rules).map((r) => r.current);
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { sigma } = this.hyper;
    const pairs = Math.max(1, Math.floor(this.hyper.n / 2));
    const keys = memberKeys(this.seed, this.iterations, pairs);
    const losses = evaluateAntithetic(f, vars, keys, sigma); // [n]
    const [coefs, loss] = tf.tidy(() => {
      const shaped = centeredRanks(losses);
      const c = tf.div(tf.sub(shaped.slice(0, pairs), shaped.slice(pairs, pairs)), 2 * pairs * sigma); // [n/2]
      return [tf.unstack(c) as tf.Scalar[], tf.mean(losses) as tf.Scalar] as const;
    });
    losses.dispose();
    const dirs: Direction[] = keys.map((key, j) => ({ key, coef: coefs[j] }));
    applyEstimate(vars, dirs, this.ruleFor(RULES[this.hyper.rule]), this.hyper);
    disposeDirections(dirs);
    return loss;
  }

  /** The rule with its state, created at its first use; null for sgd (applied by the seed trick). */
  private ruleFor(name: RuleName): AppliedRule | null {
    if (name === 'sgd') return null;
    return (this.rules[name] ??= new AppliedRule(RULE_FACTORIES[name]()));
  }

  dispose(): void {
    super.dispose();
    for (const rule of Object.values(this.rules)) rule.dispose();
    for (const name of RULES) delete this.rules[name];
  }
}

export const createOpenAiEs = (hyper?: HyperInput, seed?: number) => new OpenAiEs(hyper, seed);
