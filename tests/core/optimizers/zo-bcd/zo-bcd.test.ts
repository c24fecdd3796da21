import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../../src/core/index';
import { csvOfLink } from '../../../helpers/replay';
import { useCpu } from '../../../helpers/optimizers';

beforeAll(useCpu);

/** Three blocks (a matrix, two vectors), and a loss that records the weights it sees. */
function problem() {
  const vars = [
    tf.variable(tf.tensor2d([[0.5, -1, 2], [1, 0.3, -0.7]]), true), // [2, 3]
    tf.variable(tf.tensor1d([0.4, -0.3]), true), // [2]
    tf.variable(tf.tensor1d([1, 2, -1, 0.5]), true), // [4]
  ];
  const seen: number[][][] = [];
  const snap = () => vars.map((v) => Array.from(v.dataSync()));
  const loss = () => {
    seen.push(snap());
    return tf.tidy(() => tf.addN(vars.map((v) => tf.sum(tf.square(tf.sub(v, 1))))) as tf.Scalar);
  };
  return { vars, loss, seen, snap, dispose: () => tf.dispose(vars) };
}

/** The blocks whose values differ between two snapshots. */
const changed = (a: number[][], b: number[][]) => a.flatMap((t, i) => (t.some((x, j) => x !== b[i][j]) ? [i] : []));

describe('zo-bcd (block-coordinate MeZO: LeZO, MeZO-BCD)', () => {
  it.each(['cyclic', 'random'] as const)('%s: each step probes and updates exactly one block, every other weight bit for bit unchanged', (order) => {
    const p = problem();
    const opt = createOptimizer('zo-bcd', { lr: 0.05, eps: 0.01, order }, { seed: 6 });
    const visited: number[] = [];
    for (let step = 0; step < 30; step++) {
      const before = p.snap();
      p.seen.length = 0;
      opt.minimize(p.loss, false, p.vars);
      expect(p.seen).toHaveLength(2);
      const blocks = [...p.seen, p.snap()].map((x) => changed(before, x));
      for (const b of blocks) expect(b).toHaveLength(1);
      expect(new Set(blocks.map((b) => b[0])).size).toBe(1);
      visited.push(blocks[0][0]);
    }
    if (order === 'cyclic') expect(visited).toEqual(Array.from({ length: 30 }, (_, t) => t % 3));
    else {
      expect(new Set(visited)).toEqual(new Set([0, 1, 2]));
      expect(visited.slice(0, 9)).not.toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2]);
    }
    opt.dispose();
    p.dispose();
  });

  it('on a single tensor it is MeZO: the same steps as zo-sgd, to float32 rounding', () => {
    const x = tf.variable(tf.tensor1d([1, -2, 0.5, 3]), true);
    const y = tf.variable(tf.tensor1d([1, -2, 0.5, 3]), true);
    const f = (v: tf.Variable) => () => tf.tidy(() => tf.sum(tf.square(v)) as tf.Scalar);
    const bcd = createOptimizer('zo-bcd', { lr: 0.02 }, { seed: 2 });
    const mezo = createOptimizer('zo-sgd', { lr: 0.02 }, { seed: 2 });
    for (let i = 0; i < 10; i++) {
      bcd.minimize(f(x), false, [x]);
      mezo.minimize(f(y), false, [y]);
    }
    const yv = y.dataSync();
    x.dataSync().forEach((v, i) => expect(v).toBeCloseTo(yv[i], 4));
    tf.dispose([x, y]);
    bcd.dispose();
    mezo.dispose();
  });

  it('replays: the same link gives the same CSV', async () => {
    const link = '#task=spiral&seed=4&steps=30&eval=10&backend=cpu&lane=zo-bcd:order=random&lane=zo-bcd';
    expect(await csvOfLink(link)).toBe(await csvOfLink(link));
  });
});
