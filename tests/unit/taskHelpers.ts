import * as tf from '@tensorflow/tfjs';
import { useDiskAssets } from '../../src/cli/assets';
import { TASKS } from '../../src/core/catalog/tasks';
import { defaultTaskSettings } from '../../src/core/config';
import { TASK_FACTORIES, loadTaskAssets, type TaskInstance } from '../../src/core/tasks';
import { useCpu } from './helpers';

/** Cpu backend and every task asset loaded from public/data, as the CLI does. */
export async function setUpTasks(): Promise<void> {
  await useCpu();
  (tf.backend() as unknown as { firstUse: boolean }).firstUse = false;
  useDiskAssets();
  await Promise.all(TASKS.map((t) => loadTaskAssets(t.id)));
}

/** Settings that keep the big tasks quick in tests (the quadratic small, corpora short). */
export const SMALL: Record<string, Record<string, number>> = {
  quadratic: { d: 6 },
  'char-lm': { sentences: 200 },
  sentiment: { sentences: 200 },
  'sentiment-finetune': { sentences: 200 },
};

export const make = (id: string, settings: Record<string, number> = {}, seed = 1): TaskInstance =>
  TASK_FACTORIES[id]({ ...defaultTaskSettings(id), ...SMALL[id], ...settings }, seed);

export const value = (t: tf.Tensor) => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

export const TASK_IDS = TASKS.map((t) => t.id);
