import * as tf from '@tensorflow/tfjs';
import { useDiskAssets } from '../../src/cli/assets';
import { defaultTaskSettings } from '../../src/core/run/config';
import { loadTaskAssets } from '../../src/core/tasks/assets';
import { TASK_FACTORIES } from '../../src/core/tasks/registry';
import { TASKS, isTaskId, type TaskId } from '../../src/core/tasks/specs';
import type { TaskInstance } from '../../src/core/tasks/types';
import { useCpu } from './optimizers';

/** Cpu backend and every task asset loaded from public/data, as the CLI does. */
export async function setUpTasks(): Promise<void> {
  await useCpu();
  (tf.backend() as unknown as { firstUse: boolean }).firstUse = false;
  useDiskAssets();
  await Promise.all(TASKS.map((t) => loadTaskAssets(t.id)));
}

/** Settings that keep the big tasks quick in tests (the quadratic small, corpora short). */
export const SMALL: Partial<Record<TaskId, Record<string, number>>> = {
  quadratic: { d: 6 },
  'char-lm': { sentences: 200 },
  sentiment: { sentences: 200 },
  'sentiment-finetune': { sentences: 200 },
  // The Brown GPT is slow on tfjs's cpu backend: LoRA (8 small tensors), 2 messages a batch, 16 held out.
  'prompt-classify': { tune: 1, batch: 2, held: 16 },
  // Every eval scores all 460 held-out female names (the checkpoint's recorded rows): small batches instead.
  'gpt-finetune': { batch: 4 },
};

export function make(id: string, settings: Record<string, number> = {}, seed = 1): TaskInstance {
  if (!isTaskId(id)) throw new Error(`no task '${id}'`);
  return TASK_FACTORIES[id]({ ...defaultTaskSettings(id), ...SMALL[id], ...settings }, seed);
}

export const value = (t: tf.Tensor) => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

export const TASK_IDS: readonly TaskId[] = TASKS.map((t) => t.id);
