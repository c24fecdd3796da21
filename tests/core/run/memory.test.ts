import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../src/core/index';
import { measureStepMemory, residentBytes, weightBytesOf } from '../../../src/core/run/memory';
import { make } from '../../helpers/tasks';
import { useCpu } from '../../helpers/optimizers';

beforeAll(useCpu);

const HIDDEN = 64;
const BATCH = 128;

/**
 * One lane measured as MeZO counts memory, and checked against tfjs's own count: the engine's
 * absolute peak during a further step, minus what existed before the lane (and the task's data,
 * which every lane shares), is the lane's resident total.
 */
async function measure(id: 'adam' | 'zo-sgd' | 'zo-sgd-mmt') {
  const base = tf.memory().numBytes;
  const task = make('spiral', { hidden: HIDDEN, batch: BATCH });
  const shared = tf.memory().numBytes - base - weightBytesOf(task); // the task's data tensors, if any
  const opt = createOptimizer(id, { lr: 1e-4 }, { seed: 1 });
  const m = await measureStepMemory(task, opt);
  const info = await tf.profile(() => {
    const batch = task.batch(1);
    tf.dispose(opt.minimize(() => task.loss(batch), true, task.params)!);
    if (batch) tf.dispose([batch.x, batch.y]);
  });
  const engineResident = info.peakBytes - base - shared;
  opt.dispose();
  task.dispose();
  return { m, engineResident, weights: weightBytesOf(task) };
}

describe('resident memory per lane (weights + optimizer state + the step’s peak)', () => {
  it('Adam: weights + 2×weights (m and v) + a peak that holds the gradients and the activations', async () => {
    const { m, engineResident, weights } = await measure('adam');
    expect(m.weightBytes).toBe(weights);
    expect(m.stateBytes).toBe(2 * weights);
    expect(residentBytes(m)).toBe(weights + 2 * weights + m.peakStepBytes);
    expect(residentBytes(m)).toBe(engineResident); // tf.profile sees every tensor byte
    // Backprop keeps a gradient per weight and the hidden activations ([batch, hidden] floats) for the backward pass.
    expect(m.peakStepBytes).toBeGreaterThan(weights + BATCH * HIDDEN * 4);
  });

  it('ZO-SGD: weights + no state (z is regenerated) + a peak of inference-sized temporaries', async () => {
    const zo = await measure('zo-sgd');
    expect(zo.m.stateBytes).toBe(0);
    expect(residentBytes(zo.m)).toBe(zo.weights + zo.m.peakStepBytes);
    expect(residentBytes(zo.m)).toBe(zo.engineResident);
    const adam = await measure('adam');
    expect(zo.m.peakStepBytes).toBeLessThan(adam.m.peakStepBytes);
    expect(residentBytes(adam.m) / residentBytes(zo.m)).toBeGreaterThan(2);
  });

  it('ZO-SGD with momentum keeps one buffer: state = weights', async () => {
    const { m, engineResident, weights } = await measure('zo-sgd-mmt');
    expect(m.stateBytes).toBe(weights);
    expect(residentBytes(m)).toBe(engineResident);
  });
});
