import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTaskPicture } from '../../../src/core/tasks/registry';
import { METRICS } from '../../../src/core/tasks/shared/metric';
import { TASKS } from '../../../src/core/tasks/specs';
import { TASK_IDS, make, setUpTasks, value } from '../../helpers/tasks';

beforeAll(setUpTasks);

/** Properties every task must have, checked on each registered task. */
describe('tasks (all)', () => {
  it.each(TASK_IDS)('%s: settings have sane ranges and the task states a metric or none', (id) => {
    const spec = TASKS.find((t) => t.id === id)!;
    for (const s of spec.settings) {
      expect(s.min).toBeLessThanOrEqual(s.default);
      expect(s.default).toBeLessThanOrEqual(s.max);
    }
    const t = make(id);
    expect(t.numParams).toBe(t.params.reduce((a, p) => a + p.size, 0));
    const evals = t.evaluate();
    expect(evals.length).toBe(spec.metric ? 2 : 1);
    evals.forEach((e) => expect(Number.isFinite(value(e))).toBe(true));
    t.dispose();
  });

  // The metric chart draws a train metric from the train loss for these: it must be the eval metric's function of the eval loss.
  const ofLossTasks = TASK_IDS.filter((id) => {
    const metric = TASKS.find((t) => t.id === id)!.metric;
    return metric !== null && METRICS[metric].ofLoss !== null;
  });
  it.each(ofLossTasks)('%s: the metric is the stated function of the loss', (id) => {
    const ofLoss = METRICS[TASKS.find((t) => t.id === id)!.metric!].ofLoss!;
    const t = make(id);
    const [loss, metric] = t.evaluate().map(value);
    expect(metric).toBeCloseTo(ofLoss(loss), 3);
    t.dispose();
  });

  it.each(TASK_IDS)('%s: same seed → same weights and batches; another seed → other batches', (id) => {
    const [a, b, c] = [make(id), make(id), make(id, {}, 2)];
    const batchOf = (t: typeof a, step: number) => {
      const bt = t.batch(step);
      if (!bt) return [];
      const v = [...bt.x.dataSync(), ...bt.y.dataSync()];
      tf.dispose([bt.x, bt.y]);
      return v;
    };
    a.params.forEach((p, i) => expect(Array.from(p.dataSync())).toEqual(Array.from(b.params[i].dataSync())));
    expect(batchOf(a, 5)).toEqual(batchOf(b, 5));
    if (batchOf(a, 5).length > 0) {
      expect(batchOf(a, 5)).not.toEqual(batchOf(a, 6));
      expect(batchOf(a, 5)).not.toEqual(batchOf(c, 5));
    }
    expect(value(a.loss(a.batch(3)))).toBe(value(b.loss(b.batch(3))));
    [a, b, c].forEach((t) => t.dispose());
  });

  it.each(TASK_IDS)('%s: autodiff gradients agree with central finite differences', (id) => {
    const t = make(id);
    const batch = t.batch(1);
    const f = () => t.loss(batch);
    const { value: v0, grads } = tf.variableGrads(f, t.params);
    v0.dispose();
    const h = 3e-3;
    for (const p of t.params) {
      const g = grads[p.name].dataSync();
      const base = p.dataSync().slice();
      // The most sensitive element and a fixed other one.
      let top = 0;
      g.forEach((x, i) => (Math.abs(x) > Math.abs(g[top]) ? (top = i) : 0));
      for (const i of new Set([top, Math.floor(g.length / 2)])) {
        const at = (delta: number) => {
          const moved = base.slice();
          moved[i] += delta;
          p.assign(tf.tensor(moved, p.shape));
          return value(f());
        };
        const fd = (at(h) - at(-h)) / (2 * h);
        expect(Math.abs(fd - g[i]), `${p.name}[${i}]: fd ${fd} vs ${g[i]}`).toBeLessThan(0.02 * Math.abs(g[i]) + 1e-2);
      }
      p.assign(tf.tensor(base, p.shape));
    }
    tf.dispose([...Object.values(grads)]);
    if (batch) tf.dispose([batch.x, batch.y]);
    t.dispose();
  });

  it.each(TASK_IDS)('%s: no tensor leak over many batch/loss/evaluate/picture calls, none left after dispose', async (id) => {
    const before = tf.memory().numTensors;
    const t = make(id);
    const held = tf.memory().numTensors;
    for (let step = 1; step <= 40; step++) {
      const b = t.batch(step);
      const { value: v, grads } = tf.variableGrads(() => t.loss(b), t.params);
      tf.dispose([v, ...Object.values(grads)]);
      if (step % 10 === 0) {
        tf.dispose(t.evaluate());
        await buildTaskPicture(id, [t], step);
      }
      if (b) tf.dispose([b.x, b.y]);
    }
    expect(tf.memory().numTensors).toBe(held);
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
