/**
 * OpenAI Evolution Strategy: Salimans, Ho, Chen, Sidor, Sutskever, "Evolution Strategies as a
 * Scalable Alternative to Reinforcement Learning", 2017. https://arxiv.org/abs/1703.03864
 *
 *   εⱼ ~ N(0, I), j = 1..n/2, evaluated in antithetic pairs θ ± σεⱼ  (n evaluations)
 *   F̃ = centered ranks of the n losses (rank/(n−1) − ½)
 *   ĝ = 1/(nσ) Σⱼ (F̃⁺ⱼ − F̃⁻ⱼ) εⱼ,   then an update rule: θ ← θ − η·ĝ (sgd) or Adam(ĝ)
 *
 * Forward passes per step: n (an odd n is rounded down to pairs). Memory: none with sgd (the εⱼ are
 * seed-trick directions); Adam adds m and v (2×d) and materialises ĝ. Ranks are computed on the
 * device, so nothing is read back, and the update is invariant to any increasing transform of L.
 * Logged training loss: the mean of the n population losses, i.e. the Gaussian-smoothed loss
 * E L(θ + σε) that ES minimises, estimated at the current mean θ without an extra pass.
 */
import * as tf from '@tensorflow/tfjs';
import { RULES } from '../catalog/optimizers';
import { Optimizer } from './base';
import { adamRule, type UpdateRule } from './rules';
import { materialize, perturb, perturbAll, type Direction, type DirectionKey } from '../perturb';
import { centeredRanks } from './strategy';
import { disposeDirections } from './two-point';

export class OpenAiEs extends Optimizer {
  private adam: UpdateRule | null = null;

  constructor(hyper?: Record<string, number>, seed?: number) {
    super('openai-es', hyper, seed);
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { lr, sigma } = this.hyper;
    const pairs = Math.max(1, Math.floor(this.hyper.n / 2));
    const keys: DirectionKey[] = [];
    const plus: tf.Scalar[] = [];
    const minus: tf.Scalar[] = [];
    for (let j = 0; j < pairs; j++) {
      const key = { seed: this.seed, step: this.iterations, query: j };
      keys.push(key);
      perturb(vars, key, sigma);
      plus.push(tf.tidy(f));
      perturb(vars, key, -2 * sigma);
      minus.push(tf.tidy(f));
      perturb(vars, key, sigma);
    }
    const [coefs, loss] = tf.tidy(() => {
      const losses = tf.concat([tf.stack(plus), tf.stack(minus)]) as tf.Tensor1D; // [n]
      const shaped = centeredRanks(losses);
      const c = tf.div(tf.sub(shaped.slice(0, pairs), shaped.slice(pairs, pairs)), 2 * pairs * sigma); // [n/2]
      return [tf.unstack(c) as tf.Scalar[], tf.mean(losses) as tf.Scalar] as const;
    });
    tf.dispose([...plus, ...minus]);
    const dirs: Direction[] = keys.map((key, j) => ({ key, coef: coefs[j] }));
    if (RULES[this.hyper.rule] === 'adam') {
      this.adam ??= adamRule(1e-8);
      const gHat = materialize(dirs, vars);
      this.adam.apply(vars, gHat, { lr, beta1: 0.9, beta2: 0.999 });
      tf.dispose(gHat);
    } else {
      const descent = dirs.map(({ key, coef }) => ({ key, coef: tf.mul(coef, -lr) as tf.Scalar }));
      perturbAll(vars, descent);
      disposeDirections(descent);
    }
    disposeDirections(dirs);
    return loss;
  }

  dispose(): void {
    this.adam?.dispose();
    this.adam = null;
  }
}

export const createOpenAiEs = (hyper?: Record<string, number>, seed?: number) => new OpenAiEs(hyper, seed);
