/**
 * The tasks: specs (pure data, specs.ts), implementations and pictures (registry.ts), the data
 * files they need (assets.ts). One folder per family; see specs.ts for adding one.
 */
import { TASK_FACTORIES as FACTORIES } from './registry';
import type { TaskFactory } from './types';

export { TASK_SPECS, TASKS, isTaskId, taskSpec, type TaskId, type TaskSpec } from './specs';
export { TASK_PICTURES, buildTaskPicture } from './registry';
export { TASK_ASSETS, loadTaskAssets, setAssetFetcher, type AssetFetcher } from './assets';
export type { TaskInstance, Batch, TaskFactory, PictureBuilder } from './types';
export type { TaskPicture, TaskPictureKind } from './picture';

// MOVED(issue-11): re-export until the merge. registry.ts holds TASK_FACTORIES as a
// Record<TaskId, TaskFactory>; this string-keyed view serves callers that index it by a RunConfig's
// task id (a string until the config is typed). TASK_VIEWS is the old name of TASK_PICTURES.
export const TASK_FACTORIES: Readonly<Record<string, TaskFactory>> = FACTORIES;
export { TASK_PICTURES as TASK_VIEWS } from './registry';
