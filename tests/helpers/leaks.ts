import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { OPTIMIZERS } from '../../src/core/optimizers/specs';
import { defaultLane, type Lane, type RunConfig } from '../../src/core/run/config';
import type { TaskId } from '../../src/core/tasks/specs';
import { Runner } from '../../src/core/run/runner';

/** The smallest populations: the same code paths, a fraction of the forward passes. */
export const SMALL_POPULATION: Record<string, Record<string, number>> = { 'openai-es': { n: 2 }, snes: { lambda: 4 }, 'cma-es': { lambda: 4 } };

/** A lane of every optimizer on `taskId`, smallest populations, diagnostics on for a few (their extra tensors checked too). */
export const everyOptimizer = (taskId: TaskId): Lane[] =>
  OPTIMIZERS.map((o) => {
    const lane = defaultLane(o.id, taskId);
    return { ...lane, hyper: { ...lane.hyper, ...SMALL_POPULATION[o.id] }, diagnostics: ['zo-adam', 'snes', 'adam'].includes(o.id) };
  });

/**
 * Run `config`'s lanes in runs of at most MAX_LANES (8), and check the tensor count: flat at every
 * chunk boundary after a 5-step warm-up and a picture, still flat after the last picture, and back to
 * where it started after dispose.
 */
export async function expectNoTensorLeak(config: RunConfig, chunk: number): Promise<void> {
  const before = tf.memory().numTensors;
  for (let from = 0; from < config.lanes.length; from += 8) {
    const runner = new Runner({ ...config, lanes: config.lanes.slice(from, from + 8) });
    await runner.runChunk(5);
    await runner.picture();
    const warm = tf.memory().numTensors;
    while (!runner.done) {
      await runner.runChunk(chunk);
      expect(tf.memory().numTensors, `step ${runner.step}`).toBe(warm);
    }
    await runner.picture();
    expect(tf.memory().numTensors).toBe(warm);
    runner.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }
}
