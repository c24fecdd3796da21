import { describe, expect, it } from 'vitest';
import { TASKS, type TaskId } from '../../../src/core/tasks/specs';
import { defaultConfig, defaultLane, defaultTaskSettings, type RunConfig } from '../../../src/core/run/config';
import { Runner } from '../../../src/core/run/runner';
import { everyOptimizer, expectNoTensorLeak } from '../../helpers/leaks';
import { setUpTasks } from '../../helpers/tasks';

/**
 * Every optimizer × one task per picture kind: tf.memory().numTensors is unchanged after warm-up at
 * every chunk boundary of the run, and back to where it started once the runner is disposed ("every
 * tensor has an owner"). The tasks of one kind share their picture builder and differ in the model
 * only, and every task's own ownership (batch, loss, evaluate, picture, dispose) is checked one by one
 * in tests/core/tasks/tasks.test.ts; the default run's 2,000-step soak is soak.test.ts. Tasks run at their
 * smallest sizes and strategies with their smallest populations: the ownership code paths do not
 * depend on size. 300 steps cover several evaluation periods, CMA-ES eigen-updates and picture
 * builds; a leak of one tensor per step would show as ~300 extra, and the count is checked at every
 * chunk boundary. Local runs and CI run the same 300 steps (LEAK_STEPS=2000 for a longer look); the
 * long run is the default run's soak. The step count is in the test's name, so a report shows which ran.
 */
const STEPS = Number(process.env.LEAK_STEPS ?? 300);

/** The smallest valid size of each integer size setting. */
function tiny(taskId: TaskId): Record<string, number> {
  const spec = TASKS.find((t) => t.id === taskId)!;
  const settings = defaultTaskSettings(taskId);
  for (const s of spec.settings) if (s.integer && s.name !== 'degree') settings[s.name] = Math.max(s.min, Math.min(s.default, 4));
  return settings;
}

/** The kind of picture a task draws, read from the picture it builds (so a new kind joins by itself). */
async function pictureKind(taskId: TaskId): Promise<string> {
  const runner = new Runner({ ...defaultConfig(), task: { id: taskId, settings: tiny(taskId) }, lanes: [defaultLane('adam', taskId)] });
  try {
    return (await runner.picture())?.kind ?? 'none';
  } finally {
    runner.dispose();
  }
}

// The tasks must be known when the tests are collected, so the set-up runs here rather than in beforeAll.
await setUpTasks();
/** [kind, task]: the first task of each picture kind, in the registry's order. */
const representatives = new Map<string, TaskId>();
for (const { id } of TASKS) {
  const kind = await pictureKind(id);
  if (!representatives.has(kind)) representatives.set(kind, id);
}
// gpt-finetune and prompt-classify (pre-trained GPTs, slow on cpu) have their own leak test on wasm: pretrained-gpt.test.ts.
/** Tasks whose model has tensor code of its own beyond its kind's first task (the ResNet's skip paths and pooling). */
const ALSO: [string, TaskId][] = [['digits', 'digits-resnet']];

it('takes one task of each picture kind the tasks draw', () => {
  const kinds = ['landscape', 'spectrum', 'fit', 'boundary', 'digits', 'images', 'gan', 'sentences', 'text'];
  expect([...representatives.keys()]).toEqual(expect.arrayContaining(kinds));
  expect(representatives.has('none')).toBe(false);
});

describe.each([...representatives, ...ALSO])(`no tensor leak over ${STEPS} steps: every optimizer on the %s picture's task (%s)`, (_kind, taskId) => {
  it('flat after warm-up, and nothing left after dispose', { timeout: 1_800_000 }, async () => {
    const config: RunConfig = { ...defaultConfig(), task: { id: taskId, settings: tiny(taskId) }, lanes: everyOptimizer(taskId), steps: STEPS, evalEvery: 50 };
    // A run holds at most MAX_LANES (8) lanes: the optimizers go in runs of 8.
    await expectNoTensorLeak(config, 50);
  });
});
