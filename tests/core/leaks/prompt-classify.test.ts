import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../../../src/cli/backend';
import { OPTIMIZERS } from '../../../src/core/optimizers/specs';
import { defaultConfig, defaultLane, defaultTaskSettings, type RunConfig } from '../../../src/core/run/config';
import { Runner } from '../../../src/core/run/runner';
import { TUNING_MODES } from '../../../src/core/tasks/gpt/model/config';
import { setUpTasks } from '../../helpers/tasks';

/**
 * prompt-classify in the leak matrix's manner (matrix.test.ts): every optimizer, numTensors flat at
 * every chunk boundary after warm-up and back to the start after dispose. It draws the sentences
 * picture with a builder of its own, so the matrix's one task per picture kind does not cover it; it
 * runs here on wasm (the Brown GPT is slow on tfjs's cpu backend), in each tuning mode that owns
 * extra tensors (LoRA factors, prefixes), for 40 steps: a leak of one tensor per step shows as 40.
 */
const STEPS = Number(process.env.LEAK_STEPS ?? 40);
const SMALL_POPULATION: Record<string, Record<string, number>> = { 'openai-es': { n: 2 }, snes: { lambda: 4 }, 'cma-es': { lambda: 4 } };

beforeAll(async () => {
  await setUpTasks();
  setWasmPaths(fileURLToPath(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  await startNodeBackend('wasm');
});
afterAll(() => startNodeBackend('cpu'));

describe.each(['full', 'lora', 'prefix'])(`prompt-classify (tune = %s): no tensor leak over ${STEPS} steps, every optimizer`, (mode) => {
  it('flat after warm-up, and nothing left after dispose', { timeout: 1_800_000 }, async () => {
    const settings = { ...defaultTaskSettings('prompt-classify'), tune: TUNING_MODES.indexOf(mode as 'full'), rank: 2, prefix: 2, batch: 2, held: 16 };
    const config: RunConfig = {
      ...defaultConfig(),
      task: { id: 'prompt-classify', settings },
      lanes: OPTIMIZERS.map((o) => {
        const lane = defaultLane(o.id, 'prompt-classify');
        return { ...lane, hyper: { ...lane.hyper, ...SMALL_POPULATION[o.id] }, diagnostics: ['zo-adam', 'snes', 'adam'].includes(o.id) };
      }),
      steps: STEPS,
      evalEvery: 20,
    };
    const before = tf.memory().numTensors;
    for (let from = 0; from < config.lanes.length; from += 8) {
      const runner = new Runner({ ...config, lanes: config.lanes.slice(from, from + 8) });
      await runner.runChunk(5);
      await runner.picture();
      const warm = tf.memory().numTensors;
      while (!runner.done) {
        await runner.runChunk(10);
        expect(tf.memory().numTensors, `step ${runner.step}`).toBe(warm);
      }
      await runner.picture();
      expect(tf.memory().numTensors).toBe(warm);
      runner.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});
