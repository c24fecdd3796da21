import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../../src/core/index';
import { csvOfLink } from '../../../helpers/replay';
import { useCpu } from '../../../helpers/optimizers';

beforeAll(useCpu);

/** Weights with distinct magnitudes (no ties), and a loss that records the weights it sees. */
function problem() {
  const W = tf.variable(tf.tensor2d([[0.5, -1.1, 2, 0.05], [1.3, 0.3, -0.7, 1.5], [-2.2, 1.05, 0.2, 0.1]]), true); // [3, 4]
  const b = tf.variable(tf.tensor1d([0.4, -0.35, 1.2, 2.1]), true); // [4]
  const seen: number[][] = [];
  const loss = () => {
    seen.push([...W.dataSync(), ...b.dataSync()]);
    return tf.tidy(() => tf.mul(0.5, tf.add(tf.sum(tf.square(tf.sub(W, 1))), tf.sum(tf.square(b)))) as tf.Scalar);
  };
  return { vars: [W, b], loss, seen, flat: () => [...W.dataSync(), ...b.dataSync()], dispose: () => tf.dispose([W, b]) };
}

/** The k = round((1 − s)·n) smallest |θ| of a tensor, by index (the mask of the paper). */
function smallest(values: number[], sparsity: number): Set<number> {
  const k = Math.max(1, Math.round((1 - sparsity) * values.length));
  return new Set(values.map((v, i) => [Math.abs(v), i]).sort((x, y) => x[0] - y[0]).slice(0, k).map(([, i]) => i));
}

describe('sparse-mezo (Liu et al. 2024)', () => {
  it.each([0.5, 0.75])('sparsity %f: the probes and the update move exactly the small-magnitude weights of each tensor', (sparsity) => {
    const p = problem();
    const opt = createOptimizer('sparse-mezo', { lr: 0.05, eps: 0.01, sparsity }, { seed: 3 });
    for (let step = 0; step < 4; step++) {
      const before = p.flat();
      const mask = new Set([...smallest(before.slice(0, 12), sparsity), ...[...smallest(before.slice(12), sparsity)].map((i) => i + 12)]);
      p.seen.length = 0;
      opt.minimize(p.loss, false, p.vars);
      expect(p.seen).toHaveLength(2);
      for (const x of [...p.seen, p.flat()])
        x.forEach((v, i) => {
          if (mask.has(i)) expect(v, `coordinate ${i} is masked and moves`).not.toBe(before[i]);
          else expect(v, `coordinate ${i} is not masked`).toBe(before[i]);
        });
    }
    opt.dispose();
    p.dispose();
  });

  it('the mask follows the weights: it is recomputed each step, not kept (stateBytes 0)', () => {
    const p = problem();
    const opt = createOptimizer('sparse-mezo', { lr: 0.05, sparsity: 0.5 }, { seed: 3 });
    opt.minimize(p.loss, false, p.vars);
    // Swap two weights' magnitudes: the next step must follow the new order.
    const swapped = tf.tensor1d([2.1, -0.35, 1.2, 0.4]);
    (p.vars[1] as tf.Variable).assign(swapped);
    swapped.dispose();
    const before = p.flat();
    opt.minimize(p.loss, false, p.vars);
    const after = p.flat();
    expect(after[12]).toBe(before[12]); // |2.1| is now large: untouched
    expect(after[15]).not.toBe(before[15]); // |0.4| is now small: moved
    expect(opt.stateBytes()).toBe(0);
    opt.dispose();
    p.dispose();
  });

  it('sparsity 0 is MeZO: the same steps as zo-sgd to float rounding', () => {
    const a = problem();
    const b = problem();
    const sparse = createOptimizer('sparse-mezo', { lr: 0.02, eps: 1e-3, sparsity: 0 }, { seed: 4 });
    const mezo = createOptimizer('zo-sgd', { lr: 0.02, eps: 1e-3 }, { seed: 4 });
    for (let i = 0; i < 5; i++) {
      sparse.minimize(a.loss, false, a.vars);
      mezo.minimize(b.loss, false, b.vars);
    }
    const [x, y] = [a.flat(), b.flat()];
    x.forEach((v, i) => expect(v).toBeCloseTo(y[i], 3));
    sparse.dispose();
    mezo.dispose();
    a.dispose();
    b.dispose();
  });

  it('replays: the same link gives the same CSV', async () => {
    const link = '#task=spiral&seed=4&steps=30&eval=10&backend=cpu&lane=sparse-mezo:sparsity=0.5&lane=zo-sgd';
    expect(await csvOfLink(link)).toBe(await csvOfLink(link));
  });
});
