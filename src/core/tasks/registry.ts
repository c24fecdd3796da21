import { autoencoderPicture } from './autoencoder/picture';
import { createAutoencoder } from './autoencoder/task';
import { charLmPicture } from './char-lm/picture';
import { createCharLm } from './char-lm/task';
import { boundaryPicture } from './classify2d/picture';
import { CLASSIFY2D_SPECS } from './classify2d/spec';
import { classify2dFactory } from './classify2d/task';
import { digitsPicture } from './digits/picture';
import { createDigitsCnn, createDigitsMlp, createDigitsResnet } from './digits/task';
import { ganPicture } from './gan/picture';
import { createDigitsGan } from './gan/task';
import { createGptFinetune } from './gpt/finetune';
import { gptFinetunePicture } from './gpt/finetune-picture';
import { gptNamesPicture } from './gpt/picture';
import { promptPicture } from './gpt/prompt-picture';
import { createPromptClassify } from './gpt/prompt-task';
import { createGptNames } from './gpt/task';
import { landscapePicture } from './landscape/picture';
import { LANDSCAPE_SPECS } from './landscape/spec';
import { landscapeFactory } from './landscape/task';
import { quadraticPicture } from './quadratic/picture';
import { createQuadratic } from './quadratic/task';
import { regressionPicture } from './regression/picture';
import { createRegression } from './regression/task';
import { sentencesPicture } from './sentiment/picture';
import { createSentiment, createSentimentFinetune } from './sentiment/task';
import { byId } from './shared/spec';
import { isTaskId, type TaskId } from './specs';
import type { PictureBuilder, TaskFactory, TaskInstance } from './types';
import type { TaskPicture } from './picture';

/** Each task's implementation (its spec is in specs.ts). */
export const TASK_FACTORIES: Readonly<Record<TaskId, TaskFactory>> = {
  ...byId(CLASSIFY2D_SPECS, classify2dFactory),
  ...byId(LANDSCAPE_SPECS, landscapeFactory),
  quadratic: createQuadratic,
  regression: createRegression,
  'digits-mlp': createDigitsMlp,
  'digits-cnn': createDigitsCnn,
  'digits-resnet': createDigitsResnet,
  'digit-autoencoder': createAutoencoder,
  'digits-gan': createDigitsGan,
  sentiment: createSentiment,
  'sentiment-finetune': createSentimentFinetune,
  'char-lm': createCharLm,
  'gpt-names': createGptNames,
  'prompt-classify': createPromptClassify,
  'gpt-finetune': createGptFinetune,
};

/** Each task's picture builder. */
export const TASK_PICTURES: Readonly<Record<TaskId, PictureBuilder>> = {
  ...byId(CLASSIFY2D_SPECS, () => boundaryPicture),
  ...byId(LANDSCAPE_SPECS, () => landscapePicture),
  quadratic: quadraticPicture,
  regression: regressionPicture,
  'digits-mlp': digitsPicture,
  'digits-cnn': digitsPicture,
  'digits-resnet': digitsPicture,
  'digit-autoencoder': autoencoderPicture,
  'digits-gan': ganPicture,
  sentiment: sentencesPicture,
  'sentiment-finetune': sentencesPicture,
  'char-lm': charLmPicture,
  'gpt-names': gptNamesPicture,
  'prompt-classify': promptPicture,
  'gpt-finetune': gptFinetunePicture,
};

/**
 * The picture of a task at a step, from every lane's instance (same task, same seed). Called by the
 * runner between chunks, a few times a second at most; may read tensors back asynchronously.
 * Returns null for an unknown task id or without lanes.
 */
export async function buildTaskPicture(taskId: string, lanes: readonly TaskInstance[], step: number): Promise<TaskPicture | null> {
  if (!isTaskId(taskId) || lanes.length === 0) return null;
  return TASK_PICTURES[taskId](lanes, step);
}
