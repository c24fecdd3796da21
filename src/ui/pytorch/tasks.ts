// MOVED(issue-11): re-export until the merge. core/tasks/torch.ts holds TORCH_TASKS as a
// Record<TaskId, TorchTask>; script.ts looks templates up by a RunConfig's task id (a string until
// the config is typed), so this view is string-keyed.
import { TORCH_TASKS as BY_TASK_ID, type TorchTask } from '../../core/tasks/torch';

export type { TorchTask };
export const TORCH_TASKS: Readonly<Record<string, TorchTask>> = BY_TASK_ID;
