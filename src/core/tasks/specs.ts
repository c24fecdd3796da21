import { AUTOENCODER_SPEC } from './autoencoder/spec';
import { CHAR_LM_SPEC } from './char-lm/spec';
import { CLASSIFY2D_SPECS } from './classify2d/spec';
import { DIGITS_SPECS } from './digits/spec';
import { DIGITS_GAN_SPEC } from './gan/spec';
import { PROMPT_CLASSIFY_SPEC } from './gpt/prompt-spec';
import { GPT_FINETUNE_SPEC } from './gpt/finetune-spec';
import { GPT_NAMES_SPEC } from './gpt/spec';
import { LANDSCAPE_SPECS } from './landscape/spec';
import { QUADRATIC_SPEC } from './quadratic/spec';
import { REGRESSION_SPEC } from './regression/spec';
import type { TaskSpec } from './shared/spec';
import { SENTIMENT_SPECS } from './sentiment/spec';

/**
 * Every task's spec (pure data), one folder per family: the list the UI, the URL codec and the CLI
 * read. The order is the task menu's, and the first task is the default. A new task adds its
 * folder and one entry here; `TaskId` follows, and every registry over it (`TASK_FACTORIES`,
 * `TASK_PICTURES`, `TASK_ASSETS`, `TORCH_TASKS`) fails to compile until it has an entry.
 */
export const TASK_SPECS = [
  ...CLASSIFY2D_SPECS,
  ...LANDSCAPE_SPECS,
  QUADRATIC_SPEC,
  REGRESSION_SPEC,
  ...DIGITS_SPECS,
  AUTOENCODER_SPEC,
  DIGITS_GAN_SPEC,
  ...SENTIMENT_SPECS,
  CHAR_LM_SPEC,
  GPT_NAMES_SPEC,
  PROMPT_CLASSIFY_SPEC,
  GPT_FINETUNE_SPEC,
] as const;

export type TaskId = (typeof TASK_SPECS)[number]['id'];

export const TASKS: readonly TaskSpec<TaskId>[] = TASK_SPECS;

export function isTaskId(id: string): id is TaskId {
  return TASKS.some((t) => t.id === id);
}

/** The spec of a task id; undefined for an id that names no task. */
export function taskSpec(id: TaskId): TaskSpec<TaskId>;
export function taskSpec(id: string): TaskSpec<TaskId> | undefined;
export function taskSpec(id: string): TaskSpec<TaskId> | undefined {
  return TASKS.find((t) => t.id === id);
}

export type { TaskSpec } from './shared/spec';
