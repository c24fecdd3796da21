import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../src/core/index';
import { useCpu } from '../../helpers/optimizers';

beforeAll(useCpu);

/** A small least-squares problem with two variables, solved by ours and by tf.train side by side. */
function problem() {
  const x = tf.tensor2d([[1, 2], [3, -1], [0.5, 0.5], [-2, 1]]);
  const y = tf.tensor2d([[1], [0], [2], [-1]]);
  const w = tf.variable(tf.tensor2d([[0.3], [-0.2]]));
  const b = tf.variable(tf.tensor1d([0.1]));
  const loss = () => tf.tidy(() => tf.mean(tf.square(tf.sub(tf.add(tf.matMul(x, w), b), y))) as tf.Scalar);
  return { x, y, w, b, loss, dispose: () => tf.dispose([x, y, w, b]) };
}

function maxRelErr(a: Float32Array | Int32Array | Uint8Array, b: Float32Array | Int32Array | Uint8Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-6));
  return m;
}

describe.each([
  ['sgd', { lr: 0.05 }, (h: Record<string, number>) => tf.train.sgd(h.lr)],
  ['momentum', { lr: 0.02, momentum: 0.8 }, (h: Record<string, number>) => tf.train.momentum(h.lr, h.momentum)],
  ['adam', { lr: 0.01, beta1: 0.8, beta2: 0.99 }, (h: Record<string, number>) => tf.train.adam(h.lr, h.beta1, h.beta2)],
] as const)('%s matches tf.train', (id, hyper, reference) => {
  it('gives the same weights to 1e-6 relative after 100 steps', () => {
    const ours = problem();
    const theirs = problem();
    const opt = createOptimizer(id, hyper);
    const ref = reference(hyper);
    for (let i = 0; i < 100; i++) {
      opt.minimize(ours.loss, false, [ours.w, ours.b]);
      ref.minimize(theirs.loss, false, [theirs.w, theirs.b]);
    }
    expect(maxRelErr(ours.w.dataSync(), theirs.w.dataSync())).toBeLessThan(1e-6);
    expect(maxRelErr(ours.b.dataSync(), theirs.b.dataSync())).toBeLessThan(1e-6);
    // and they did move: the loss fell
    expect(ours.loss().dataSync()[0]).toBeLessThan(0.9 * problem().loss().dataSync()[0]);
    opt.dispose();
    ref.dispose();
    ours.dispose();
    theirs.dispose();
  });

  it('leaks no tensor over 500 steps and releases its state on dispose', () => {
    const p = problem();
    const base = tf.memory().numTensors;
    const opt = createOptimizer(id, hyper);
    opt.minimize(p.loss, false, [p.w, p.b]);
    const warm = tf.memory().numTensors;
    for (let i = 0; i < 500; i++) opt.minimize(p.loss, false, [p.w, p.b]);
    expect(tf.memory().numTensors).toBe(warm);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(base);
    p.dispose();
  });
});
