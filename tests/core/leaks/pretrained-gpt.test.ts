import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startNodeBackend } from '../../../src/cli/backend';
import { defaultConfig, defaultTaskSettings, type RunConfig } from '../../../src/core/run/config';
import { TUNING_MODES } from '../../../src/core/tasks/gpt/model/config';
import type { TaskId } from '../../../src/core/tasks/specs';
import { everyOptimizer, expectNoTensorLeak } from '../../helpers/leaks';
import { setUpTasks } from '../../helpers/tasks';

/**
 * The tasks that start from a pre-trained GPT (prompt-classify, gpt-finetune), in the leak matrix's
 * manner (matrix.test.ts): every optimizer, numTensors flat at every chunk boundary after warm-up and
 * back to the start after dispose. They draw their pictures with builders of their own, so the
 * matrix's one task per picture kind does not cover them, and their checkpoints' models are slow on
 * tfjs's cpu backend (every gpt-finetune eval scores all 460 held-out names): they run here on wasm,
 * in the tuning modes that own extra tensors (frozen weights beside LoRA factors, prefixes), for 40
 * steps: a leak of one tensor per step shows as 40.
 */
const STEPS = Number(process.env.LEAK_STEPS ?? 40);

beforeAll(async () => {
  await setUpTasks();
  setWasmPaths(fileURLToPath(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
  await startNodeBackend('wasm');
});
afterAll(() => startNodeBackend('cpu'));

const CASES: [TaskId, (typeof TUNING_MODES)[number], Record<string, number>][] = [
  ['prompt-classify', 'full', { batch: 2, held: 16 }],
  ['prompt-classify', 'lora', { batch: 2, held: 16 }],
  ['prompt-classify', 'prefix', { batch: 2, held: 16 }],
  ['gpt-finetune', 'lora', { batch: 4 }],
];

describe.each(CASES)(`%s (tune = %s): no tensor leak over ${STEPS} steps, every optimizer`, (taskId, mode, small) => {
  it('flat after warm-up, and nothing left after dispose', { timeout: 1_800_000 }, async () => {
    const settings = { ...defaultTaskSettings(taskId), tune: TUNING_MODES.indexOf(mode), rank: 2, prefix: 2, ...small };
    const config: RunConfig = { ...defaultConfig(), task: { id: taskId, settings }, lanes: everyOptimizer(taskId), steps: STEPS, evalEvery: 20 };
    await expectNoTensorLeak(config, 10);
  });
});
