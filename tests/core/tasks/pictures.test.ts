import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pictureBuffers, type TaskPicture } from '../../../src/core/tasks/picture';
import { buildTaskPicture } from '../../../src/core/tasks/registry';
import { EXPECTED_KIND } from '../../helpers/pictureKinds';
import { TASK_IDS, make, setUpTasks } from '../../helpers/tasks';

beforeAll(setUpTasks);


/** Per-lane arrays of each kind, which must have one entry per lane. */
function laneArrays(picture: TaskPicture): unknown[][] {
  switch (picture.kind) {
    case 'landscape':
      return [picture.paths, picture.probes];
    case 'spectrum':
      return [picture.remaining];
    case 'fit':
      return [picture.fits];
    case 'boundary':
      return [picture.probability];
    case 'digits':
      return [picture.predictions, picture.confusion];
    case 'sentences':
      return [picture.positive, Array.from(picture.accuracy)];
    case 'text':
      return [picture.samples, picture.charLoss];
    case 'names':
      return [picture.samples, picture.inTraining, picture.charLoss, picture.attention];
    case 'images':
      return [picture.reconstructions, picture.samples];
    case 'gan':
      return [picture.samples, picture.dLoss, Array.from(picture.realScore), Array.from(picture.fakeScore)];
  }
}

/** Every Float32Array in the picture (the fields declared as floats; integer arrays are not read as floats). */
function floatArrays(x: unknown): Float32Array[] {
  if (x instanceof Float32Array) return [x];
  if (Array.isArray(x)) return x.flatMap(floatArrays);
  if (x && typeof x === 'object' && !ArrayBuffer.isView(x)) return Object.values(x).flatMap(floatArrays);
  return [];
}

describe('task pictures (built in Node as in the worker)', () => {
  it.each(TASK_IDS)('%s: its kind of picture, one entry per lane, finite floats, and buffers safe to transfer twice', async (id) => {
    const lanes = [make(id), make(id)];
    // Move lane 1 so the lanes differ.
    const b = lanes[1].batch(1);
    const { grads } = tf.variableGrads(() => lanes[1].loss(b), lanes[1].params);
    lanes[1].params.forEach((p) => p.assign(tf.sub(p, tf.mul(0.05, grads[p.name]))));
    tf.dispose(Object.values(grads));
    if (b) tf.dispose([b.x, b.y]);
    const first = (await buildTaskPicture(id, lanes, 1))!;
    expect(first.kind).toBe(EXPECTED_KIND[id]);
    expect(first.step).toBe(1);
    for (const perLane of laneArrays(first)) expect(perLane.length).toBe(2);
    const floats = floatArrays(first);
    // Only the digits picture is all integers (grey levels, classes, counts).
    expect(floats.length > 0).toBe(first.kind !== 'digits');
    for (const array of floats) array.forEach((v) => expect(Number.isFinite(v)).toBe(true));
    // Transfer detaches the buffers; the next picture must be built from fresh ones (and still work).
    const sent = new Set(pictureBuffers(first));
    structuredClone(first, { transfer: [...sent] });
    const second = (await buildTaskPicture(id, lanes, 2))!;
    expect(second.kind).toBe(first.kind);
    expect(pictureBuffers(second).some((buf) => sent.has(buf))).toBe(false);
    lanes.forEach((t) => t.dispose());
  });

  it('boundary: identical lanes draw one boundary, a lane that learned another; text samples start with the prompt', async () => {
    const lanes = [make('xor'), make('xor')];
    const probabilities = async (step: number) => {
      const picture = (await buildTaskPicture('xor', lanes, step))!;
      expect(picture.kind).toBe('boundary');
      if (picture.kind !== 'boundary') return [];
      picture.probability[0].forEach((p) => expect(p >= 0 && p <= 1).toBe(true));
      expect(picture.labels.length).toBe(picture.points.length / 2);
      return picture.probability.map((p) => Array.from(p));
    };
    const [before0, before1] = await probabilities(0);
    expect(before0).toEqual(before1);
    const b = lanes[1].batch(1)!;
    const { grads } = tf.variableGrads(() => lanes[1].loss(b), lanes[1].params);
    lanes[1].params.forEach((p) => p.assign(tf.sub(p, tf.mul(0.5, grads[p.name]))));
    tf.dispose([...Object.values(grads), b.x, b.y]);
    const [after0, after1] = await probabilities(1);
    expect(after0).toEqual(before0);
    expect(after1).not.toEqual(before1);
    lanes.forEach((t) => t.dispose());
    const lm = make('char-lm');
    const text = (await buildTaskPicture('char-lm', [lm], 3))!;
    expect(text.kind).toBe('text');
    if (text.kind === 'text') {
      expect(text.samples[0].startsWith(text.prompt)).toBe(true);
      expect(text.charLoss[0].length).toBe(text.reference.length);
    }
    lm.dispose();
  });
});
