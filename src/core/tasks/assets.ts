import { CHECKPOINT_FILE } from './sentiment/checkpoint';
import { DIGITS_FILE } from './digits/data';
import { NAMES_FILE } from './gpt/data/assets';
import { pretrainedFiles } from './gpt/pretrained/checkpoints';
import { PROMPT_FILES } from './gpt/prompt';
import { loadAssets } from './shared/assets';
import { isTaskId, type TaskId } from './specs';

/** The files of `public/data/` each task needs (loader: shared/assets.ts). */
export const TASK_ASSETS: Readonly<Record<TaskId, readonly string[]>> = {
  spiral: [],
  moons: [],
  circles: [],
  xor: [],
  rosenbrock: [],
  rastrigin: [],
  ackley: [],
  himmelblau: [],
  beale: [],
  booth: [],
  quadratic: [],
  regression: [],
  'digits-mlp': [DIGITS_FILE],
  'digits-cnn': [DIGITS_FILE],
  'digits-resnet': [DIGITS_FILE],
  'digit-autoencoder': [DIGITS_FILE],
  'digits-gan': [DIGITS_FILE],
  sentiment: [],
  'sentiment-finetune': [CHECKPOINT_FILE],
  'char-lm': [],
  'gpt-names': [NAMES_FILE],
  'prompt-classify': PROMPT_FILES,
  // Both checkpoints: the `source` setting picks one, and a task's files do not depend on its settings.
  'gpt-finetune': [...new Set([...pretrainedFiles('gpt-male-names'), ...pretrainedFiles('gpt-brown')])],
};

/** Load (once) every asset the task needs; resolves at once for tasks that need none (or unknown ids). */
export async function loadTaskAssets(taskId: string): Promise<void> {
  await loadAssets(isTaskId(taskId) ? TASK_ASSETS[taskId] : []);
}

export { asset, setAssetFetcher, type AssetFetcher } from './shared/assets';
