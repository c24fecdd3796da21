import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTaskView } from '../../src/core/tasks/views';
import { viewBuffers, type TaskView } from '../../src/core/views';
import { TASK_IDS, make, setUpTasks } from './taskHelpers';

beforeAll(setUpTasks);

/** Per-lane arrays of each kind, which must have one entry per lane. */
function laneArrays(view: TaskView): unknown[][] {
  switch (view.kind) {
    case 'landscape':
      return [view.paths, view.probes];
    case 'spectrum':
      return [view.remaining];
    case 'fit':
      return [view.fits];
    case 'boundary':
      return [view.probability];
    case 'digits':
      return [view.predictions, view.confusion];
    case 'sentences':
      return [view.positive, Array.from(view.accuracy)];
    case 'text':
      return [view.samples, view.charLoss];
    case 'images':
      return [view.reconstructions, view.samples];
  }
}

describe('task pictures (built in Node as in the worker)', () => {
  it.each(TASK_IDS)('%s: a view with one entry per lane, finite numbers, and buffers safe to transfer twice', async (id) => {
    const lanes = [make(id), make(id)];
    // Move lane 1 so the lanes differ.
    const b = lanes[1].batch(1);
    const { grads } = tf.variableGrads(() => lanes[1].loss(b), lanes[1].params);
    lanes[1].params.forEach((p) => p.assign(tf.sub(p, tf.mul(0.05, grads[p.name]))));
    tf.dispose(Object.values(grads));
    if (b) tf.dispose([b.x, b.y]);
    const first = (await buildTaskView(id, lanes, 1))!;
    expect(first.step).toBe(1);
    for (const perLane of laneArrays(first)) expect(perLane.length).toBe(2);
    for (const buffer of viewBuffers(first)) {
      const floats = new Float32Array(buffer.slice(0, buffer.byteLength - (buffer.byteLength % 4)));
      if (first.kind !== 'digits') floats.forEach((v) => expect(Number.isFinite(v)).toBe(true));
    }
    // Transfer detaches the buffers; the next view must be built from fresh ones (and still work).
    const sent = new Set(viewBuffers(first));
    structuredClone(first, { transfer: [...sent] });
    const second = (await buildTaskView(id, lanes, 2))!;
    expect(second.kind).toBe(first.kind);
    expect(viewBuffers(second).some((buf) => sent.has(buf))).toBe(false);
    lanes.forEach((t) => t.dispose());
  });

  it('boundary: a lane that learned differs from one that did not; text samples start with the prompt', async () => {
    const lanes = [make('xor'), make('xor')];
    const view = (await buildTaskView('xor', lanes, 0))!;
    expect(view.kind).toBe('boundary');
    if (view.kind === 'boundary') {
      expect(Array.from(view.probability[0])).toEqual(Array.from(view.probability[1]));
      view.probability[0].forEach((p) => expect(p >= 0 && p <= 1).toBe(true));
      expect(view.labels.length).toBe(view.points.length / 2);
    }
    lanes.forEach((t) => t.dispose());
    const lm = make('char-lm');
    const text = (await buildTaskView('char-lm', [lm], 3))!;
    if (text.kind === 'text') {
      expect(text.samples[0].startsWith(text.prompt)).toBe(true);
      expect(text.charLoss[0].length).toBe(text.reference.length);
    }
    lm.dispose();
  });
});
