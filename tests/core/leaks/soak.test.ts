import * as tf from '@tensorflow/tfjs';
import { beforeAll, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/run/config';
import { Runner } from '../../../src/core/run/runner';
import { setUpTasks } from '../../helpers/tasks';

/**
 * The page's default run (spiral, ZO-SGD vs Adam) for its full 2,000 steps, driven as the worker
 * drives it: a picture and the memory figures before the first step, the step peaks measured, then
 * chunks with a picture after each. tf.memory().numTensors stays where it was after warm-up at every
 * chunk boundary and returns to the start once the runner is disposed. The optimizer × picture-kind
 * matrix is matrix.test.ts (beside this file).
 */
const SOAK_STEPS = 2000;

beforeAll(setUpTasks);

it(`the default run holds a flat tensor count over ${SOAK_STEPS} steps and frees everything on dispose`, { timeout: 600_000 }, async () => {
  const config = { ...defaultConfig(), steps: SOAK_STEPS };
  expect(config.task.id).toBe('spiral');
  expect(config.lanes.map((l) => l.optimizer)).toEqual(['zo-sgd', 'adam']);

  const before = tf.memory().numTensors;
  const runner = new Runner(config);
  await runner.picture();
  await runner.measurePeaks();
  for (let lane = 0; lane < runner.numLanes; lane++) runner.laneMemory(lane);
  await runner.runChunk(5);
  await runner.picture();
  const warm = tf.memory().numTensors;
  const counts: number[] = [];
  while (!runner.done) {
    await runner.runChunk(25);
    await runner.picture();
    counts.push(tf.memory().numTensors);
  }
  expect(runner.step).toBe(SOAK_STEPS);
  expect(runner.laneState(0).status).toBe('done');
  expect(runner.laneState(1).status).toBe('done');
  expect(counts.filter((n) => n !== warm), `counts after warm-up (${warm})`).toEqual([]);
  runner.dispose();
  expect(tf.memory().numTensors).toBe(before);
});
