import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TASKS } from '../../src/core/catalog/tasks';
import { defaultTaskSettings } from '../../src/core/config';
import { TASK_FACTORIES } from '../../src/core/tasks';
import { useCpu } from './helpers';

beforeAll(useCpu);

const make = (id: string, settings: Record<string, number> = {}, seed = 1) =>
  TASK_FACTORIES[id]({ ...defaultTaskSettings(id), ...settings }, seed);

describe('tasks', () => {
  it('every registered task has an implementation, and every implementation a registry entry', () => {
    expect(Object.keys(TASK_FACTORIES).sort()).toEqual(TASKS.map((t) => t.id).sort());
  });

  it('Rosenbrock is 0 at (1, 1) and 24.2 at the classic start (−1.2, 1)', () => {
    const at = (x0: number, y0: number) => {
      const t = make('rosenbrock', { x0, y0 });
      const v = t.loss(null).dataSync()[0];
      t.dispose();
      return v;
    };
    expect(at(1, 1)).toBe(0);
    expect(at(-1.2, 1)).toBeCloseTo(24.2, 4);
  });

  it("the quadratic's autodiff gradient is λ ⊙ θ, and its loss ½ Σ λθ²", () => {
    const t = make('quadratic', { d: 5, kappa: 16 });
    const theta = Array.from(t.params[0].dataSync());
    const lambda = [1, 2, 4, 8, 16];
    const { value, grads } = tf.variableGrads(() => t.loss(null), t.params);
    expect(value.dataSync()[0]).toBeCloseTo(0.5 * theta.reduce((a, x, i) => a + lambda[i] * x * x, 0), 4);
    Array.from(grads[t.params[0].name].dataSync()).forEach((g, i) => expect(g).toBeCloseTo(lambda[i] * theta[i], 4));
    tf.dispose([value, grads[t.params[0].name]]);
    t.dispose();
  });

  it('spiral: same seed → same data, weights and batches; another seed → different', () => {
    const a = make('spiral');
    const b = make('spiral');
    const c = make('spiral', {}, 2);
    const batch = (t: typeof a, step: number) => {
      const bt = t.batch(step)!;
      const v = Array.from(bt.x.dataSync());
      tf.dispose([bt.x, bt.y]);
      return v;
    };
    expect(batch(a, 5)).toEqual(batch(b, 5));
    expect(batch(a, 5)).not.toEqual(batch(a, 6));
    expect(batch(a, 5)).not.toEqual(batch(c, 5));
    expect(Array.from(a.params[0].dataSync())).toEqual(Array.from(b.params[0].dataSync()));
    expect(a.numParams).toBe(2 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2);
    [a, b, c].forEach((t) => t.dispose());
  });

  it('spiral: cross-entropy of a uniform predictor is ln 2, and accuracy is a fraction of the eval set', () => {
    const t = make('spiral');
    // Zero the output layer: logits are 0, so every point gets p = ½.
    t.params[4].assign(tf.zerosLike(t.params[4]));
    t.params[5].assign(tf.zerosLike(t.params[5]));
    const [loss, acc] = t.evaluate();
    expect(loss.dataSync()[0]).toBeCloseTo(Math.log(2), 5);
    // argMax of equal logits picks class 0: exactly half the balanced eval set.
    expect(acc.dataSync()[0]).toBeCloseTo(0.5, 6);
    tf.dispose([loss, acc]);
    t.dispose();
  });

  it.each(TASKS.map((t) => t.id))('%s: autodiff gradients agree with central finite differences', (id) => {
    const t = make(id, id === 'quadratic' ? { d: 6 } : {});
    const batch = t.batch(1);
    const f = () => t.loss(batch);
    const { value, grads } = tf.variableGrads(f, t.params);
    const v = t.params[0];
    const g = grads[v.name].dataSync();
    const base = v.dataSync().slice();
    const h = 1e-2;
    for (const i of [0, 1]) {
      const at = (delta: number) => {
        const moved = base.slice();
        moved[i] += delta;
        v.assign(tf.tensor(moved, v.shape));
        const out = f();
        const x = out.dataSync()[0];
        out.dispose();
        return x;
      };
      const fd = (at(h) - at(-h)) / (2 * h);
      expect(Math.abs(fd - g[i])).toBeLessThan(2e-2 * Math.max(1, Math.abs(g[i])));
    }
    tf.dispose([value, ...Object.values(grads)]);
    if (batch) tf.dispose([batch.x, batch.y]);
    t.dispose();
  });

  it.each(TASKS.map((t) => t.id))('%s: no tensor leak over 200 loss/eval/batch calls, none left after dispose', (id) => {
    const before = tf.memory().numTensors;
    const t = make(id, id === 'quadratic' ? { d: 50 } : {});
    const held = tf.memory().numTensors;
    for (let step = 1; step <= 200; step++) {
      const b = t.batch(step);
      tf.dispose([t.loss(b), ...t.evaluate()]);
      if (b) tf.dispose([b.x, b.y]);
    }
    expect(tf.memory().numTensors).toBe(held);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
