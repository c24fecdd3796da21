import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMN, NUM_METRIC_COLUMNS } from '../../src/core/run/metrics';
import { defaultConfig, type RunConfig } from '../../src/core/run/config';
import { Runner } from '../../src/core/run/runner';
import { measureRun } from '../../src/worker/backend/probe';
import { setUpTasks } from '../helpers/tasks';

/** Every metric of `steps` steps of `config` but the wall-time column (which differs run to run). */
async function rowsWithoutWall(config: RunConfig, steps: number): Promise<number[]> {
  const runner = new Runner(config);
  const out: number[] = [];
  while (runner.step < steps) {
    const { rows, numRows } = await runner.runChunk(5);
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < NUM_METRIC_COLUMNS; c++) if (c !== COLUMN.wallMs) out.push(rows[r * NUM_METRIC_COLUMNS + c]);
  }
  runner.dispose();
  return out;
}

describe('the backend probe (measureRun)', () => {
  beforeAll(setUpTasks);

  it('measures the run on a throwaway copy: no tensor left behind, and the run afterwards gives the same numbers', async () => {
    const config = { ...defaultConfig(), steps: 40 };
    const without = await rowsWithoutWall(config, 40);
    const before = tf.memory().numTensors;
    const probe = await measureRun(config, 100);
    expect(tf.memory().numTensors).toBe(before);
    expect(probe.stepsPerSec).toBeGreaterThan(0);
    expect(probe.size).toBeGreaterThan(0);
    expect(await rowsWithoutWall(config, 40)).toEqual(without);
    expect(config.steps).toBe(40); // the config itself is untouched
  });

  it('sizes the run it measured by its lanes (the verdict is kept until that size changes 10×)', async () => {
    const base = defaultConfig();
    const four = { ...base, lanes: [base.lanes[0], base.lanes[0], base.lanes[0], base.lanes[0]] };
    const one = { ...base, lanes: [base.lanes[0]] };
    const a = await measureRun(one, 20);
    const b = await measureRun(four, 20);
    expect(b.size).toBe(4 * a.size);
  });
});
