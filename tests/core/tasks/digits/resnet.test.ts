import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { convSame, digitsState, resnetParamCount } from '../../../../src/core/tasks/digits/task';
import { make, setUpTasks } from '../../../helpers/tasks';

beforeAll(setUpTasks);

/** Parameters in order: stem K, b; per stage K₁, b₁, K₂, b₂, P; head W, b. */
const STAGE1 = 2;
const STAGE2 = 7;
const K2 = 2;

describe('digits-resnet', () => {
  it('maps [batch, 196] to [batch, 10] logits', () => {
    const t = make('digits-resnet', { channels: 3 });
    const logits = tf.tidy(() => digitsState.of(t).model.apply(tf.zeros([5, 196])));
    expect(logits.shape).toEqual([5, 10]);
    logits.dispose();
    t.dispose();
  });

  it.each([1, 2, 4, 8])('c = %i: 280c² + 62c + 10 weights, counted layer by layer', (c) => {
    const t = make('digits-resnet', { channels: c });
    // stem 3·3·1·c + c; stage c → 2c: 9·c·2c + 2c + 9·2c·2c + 2c + c·2c; stage 2c → 4c likewise; head 4c·10 + 10.
    const stage = (i: number, o: number) => 9 * i * o + o + 9 * o * o + o + i * o;
    expect(t.numParams).toBe(9 * c + c + stage(c, 2 * c) + stage(2 * c, 4 * c) + 4 * c * 10 + 10);
    expect(t.numParams).toBe(resnetParamCount(c));
    expect(t.params.map((p) => p.shape)).toEqual([
      [3, 3, 1, c], [c],
      [3, 3, c, 2 * c], [2 * c], [3, 3, 2 * c, 2 * c], [2 * c], [1, 1, c, 2 * c],
      [3, 3, 2 * c, 4 * c], [4 * c], [3, 3, 4 * c, 4 * c], [4 * c], [1, 1, 2 * c, 4 * c],
      [4 * c, 10], [10],
    ]);
    t.dispose();
  });

  it('with the residual paths’ last convolutions zero, the net is its skip paths alone (computed here independently); nonzero, they add to it', () => {
    const t = make('digits-resnet', { channels: 2 });
    const { model, testX } = digitsState.of(t);
    const p = t.params;
    const k = (i: number) => p[i] as unknown as tf.Tensor4D;
    const x = tf.slice(testX, [0, 0], [8, 196]);
    // The first residual convolutions random (nonzero biases too): with K₂ = 0 they must not matter.
    for (const i of [STAGE1, STAGE2]) {
      p[i + 1].assign(tf.randomNormal(p[i + 1].shape, 0, 0.5, 'float32', 3));
      expect(Array.from(p[i + K2].dataSync()).every((v) => v === 0)).toBe(true); // Fixup's zero start
    }
    p[STAGE1 + 3].assign(tf.fill(p[STAGE1 + 3].shape, 0.1)); // b₂ adds to the skip path
    const skipOnly = tf.tidy(() => {
      // Strided 1×1 convolutions pick every other pixel: rows and columns 0, 2, 4, … of the input.
      const every2 = (h: tf.Tensor4D) => tf.stridedSlice(h, [0, 0, 0, 0], h.shape, [1, 2, 2, 1]) as tf.Tensor4D;
      const project = (h: tf.Tensor4D, w: tf.Tensor) => tf.einsum('bijc,cd->bijd', every2(h), tf.reshape(w, w.shape.slice(2))) as tf.Tensor4D;
      const img = tf.reshape(x, [-1, 14, 14, 1]) as tf.Tensor4D;
      const h0 = tf.add(tf.conv2d(img, k(0), 1, 'same'), p[1]) as tf.Tensor4D;
      const h1 = tf.add(project(tf.tanh(h0), p[STAGE1 + 4]), p[STAGE1 + 3]) as tf.Tensor4D;
      const h2 = project(tf.tanh(h1), p[STAGE2 + 4]);
      expect(h2.shape).toEqual([8, 4, 4, 8]);
      return tf.add(tf.matMul(tf.mean(tf.tanh(h2), [1, 2]) as tf.Tensor2D, p[12] as tf.Tensor as tf.Tensor2D), p[13]);
    });
    const logits = tf.tidy(() => model.apply(x));
    expect(Array.from(logits.dataSync()).map((v, i) => v - skipOnly.dataSync()[i]).every((d) => Math.abs(d) < 1e-5)).toBe(true);
    p[STAGE2 + K2].assign(tf.randomNormal(p[STAGE2 + K2].shape, 0, 0.3, 'float32', 4));
    const withBranch = tf.tidy(() => model.apply(x));
    const change = Math.max(...Array.from(withBranch.dataSync()).map((v, i) => Math.abs(v - skipOnly.dataSync()[i])));
    expect(change).toBeGreaterThan(1e-2);
    tf.dispose([x, skipOnly, logits, withBranch]);
    t.dispose();
  });

  it.each([
    [[4, 14, 14, 1], [3, 3, 1, 3], 1],
    [[4, 14, 14, 3], [3, 3, 3, 6], 2],
    [[4, 7, 7, 6], [1, 1, 6, 12], 2],
    [[4, 7, 7, 6], [3, 3, 6, 12], 2],
  ] as const)('convSame %j ∗ %j, stride %i: tf.conv2d’s value, and its gradients (the filter’s by matrix products) as tf.conv2d’s', (xShape, kShape, stride) => {
    const x = tf.randomNormal([...xShape], 0, 1, 'float32', 1) as tf.Tensor4D;
    const k = tf.randomNormal([...kShape], 0, 1, 'float32', 2) as tf.Tensor4D;
    const loss = (conv: (x: tf.Tensor4D, k: tf.Tensor4D) => tf.Tensor) => (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.sin(tf.range(0, conv(x, k).size).reshape(conv(x, k).shape)), conv(a as tf.Tensor4D, b as tf.Tensor4D)));
    const ours = tf.grads(loss((a, b) => convSame(a, b, stride)))([x, k]);
    const theirs = tf.grads(loss((a, b) => tf.conv2d(a, b, stride, 'same')))([x, k]);
    const maxDiff = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
    expect(maxDiff(convSame(x, k, stride), tf.conv2d(x, k, stride, 'same'))).toBe(0);
    expect(maxDiff(ours[0], theirs[0])).toBeLessThan(1e-5);
    expect(maxDiff(ours[1], theirs[1])).toBeLessThan(1e-4);
    expect(tf.tidy(() => tf.max(tf.abs(theirs[1])).dataSync()[0])).toBeGreaterThan(0.1);
    tf.dispose([x, k, ...ours, ...theirs]);
  });

  it('gradients of every weight, the residual paths’ included, agree with central finite differences (nonzero K₂)', () => {
    const t = make('digits-resnet', { channels: 1, batch: 4 });
    for (const i of [STAGE1, STAGE2]) t.params[i + K2].assign(tf.randomNormal(t.params[i + K2].shape, 0, 0.5, 'float32', 5 + i));
    const batch = t.batch(1)!;
    const f = () => t.loss(batch);
    const { value, grads } = tf.variableGrads(f, t.params);
    value.dispose();
    const h = 1e-2;
    for (const p of t.params) {
      const g = grads[p.name].dataSync();
      const base = p.dataSync().slice();
      for (let i = 0; i < g.length; i += Math.max(1, Math.floor(g.length / 3))) {
        const at = (delta: number) => {
          const moved = base.slice();
          moved[i] += delta;
          p.assign(tf.tensor(moved, p.shape));
          const l = f();
          const v = l.dataSync()[0];
          l.dispose();
          return v;
        };
        const fd = (at(h) - at(-h)) / (2 * h);
        expect(Math.abs(fd - g[i]), `${p.name}[${i}]: fd ${fd} vs ${g[i]}`).toBeLessThan(0.02 * Math.abs(g[i]) + 2e-3);
      }
      p.assign(tf.tensor(base, p.shape));
    }
    expect(Math.max(...Array.from(grads[t.params[STAGE1].name].dataSync()).map(Math.abs))).toBeGreaterThan(0);
    tf.dispose(Object.values(grads));
    tf.dispose([batch.x, batch.y]);
    t.dispose();
  });
});
