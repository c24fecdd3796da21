/**
 * ZO-BCD, block-coordinate MeZO: one parameter tensor per step. LeZO: Wang et al., "Simultaneous
 * Computation and Memory Efficient Zeroth-Order Optimizer for Fine-Tuning Large Language Models",
 * 2024, https://arxiv.org/abs/2410.09823 (a random subset of layers per step); the block-coordinate
 * zeroth-order scheme: Cai, McKenzie, Yin & Zhang 2021, https://arxiv.org/abs/2102.10707.
 *
 *   b = t mod B (cyclic) or b ~ U{0..B−1} from the step seed (random), B = number of tensors
 *   g = (L(θ + εz_b) − L(θ − εz_b)) / 2ε,   z_b ~ N(0, I) on block b only, zero elsewhere
 *   θ_b ← θ_b − η·g·z_b
 *
 * Forward passes per step: 2. Memory: inference only: z_b is regenerated from its key for the +ε,
 * −2ε, +ε probes and the update (seed trick), and no other tensor is read or written. The estimate
 * lives in a space of block b's size, so its variance is that of MeZO in |b| dimensions; every
 * block is visited once per B steps (cyclic) or on average (random). Logged training loss:
 * (L₊ + L₋)/2 = L(θ) + O(ε²).
 */
import * as tf from '@tensorflow/tfjs';
import { Purpose, Stream, hashString } from '../../random/philox';
import { perturbOne, type DirectionKey } from '../../random/perturb';
import type { HyperInput } from '../hyper';
import { Optimizer } from '../optimizer';
import { BLOCK_ORDERS } from './spec';

const BLOCK_STREAM = hashString('zo-bcd');

export class ZoBcd extends Optimizer {
  constructor(hyper?: HyperInput, seed?: number) {
    super('zo-bcd', hyper, seed);
  }

  protected ownedState(): null {
    return null;
  }

  /** The block (tensor index) of step t among `numBlocks`. */
  blockAt(t: number, numBlocks: number): number {
    if (BLOCK_ORDERS[this.hyper.order] === 'cyclic') return t % numBlocks;
    return new Stream(this.seed, BLOCK_STREAM, t, 0, Purpose.strategy).int(numBlocks);
  }

  step(f: () => tf.Scalar, vars: readonly tf.Variable[]): tf.Scalar {
    const { lr, eps } = this.hyper;
    const b = this.blockAt(this.iterations, vars.length);
    const v = vars[b];
    const key: DirectionKey = { seed: this.seed, step: this.iterations, query: 0 };
    perturbOne(v, b, key, eps);
    const lossPlus = tf.tidy(f);
    perturbOne(v, b, key, -2 * eps);
    const lossMinus = tf.tidy(f);
    perturbOne(v, b, key, eps);
    const [slope, coef, loss] = tf.tidy(() => {
      const g = tf.div(tf.sub(lossPlus, lossMinus), 2 * eps) as tf.Scalar;
      return [g, tf.mul(g, -lr) as tf.Scalar, tf.mul(tf.add(lossPlus, lossMinus), 0.5) as tf.Scalar];
    });
    if (this.captureEstimate) {
      // ĝ = g·z_b on block b, zero on every other block.
      const grads = vars.map((u, i) => {
        if (i !== b) return tf.zerosLike(u);
        const acc = tf.tidy(() => tf.variable(tf.zerosLike(u), false));
        perturbOne(acc, i, key, slope);
        return acc;
      });
      this.keepGradient(grads);
      tf.dispose(grads);
    }
    perturbOne(v, b, key, coef);
    tf.dispose([lossPlus, lossMinus, slope, coef]);
    return loss;
  }
}

export const createZoBcd = (hyper?: HyperInput, seed?: number) => new ZoBcd(hyper, seed);
