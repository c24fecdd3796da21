/**
 * The tasks: specs (pure data, specs.ts), implementations and pictures (registry.ts), the data
 * files they need (assets.ts). One folder per family; see specs.ts for adding one.
 */
export { TASK_SPECS, TASKS, isTaskId, taskSpec, type TaskId, type TaskSpec } from './specs';
export { TASK_FACTORIES, TASK_PICTURES, buildTaskPicture } from './registry';
export { TASK_ASSETS, loadTaskAssets, setAssetFetcher, type AssetFetcher } from './assets';
export type { TaskInstance, Batch, TaskFactory, PictureBuilder } from './types';
export type { TaskPicture, TaskPictureKind } from './picture';
