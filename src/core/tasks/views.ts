import type { TaskView } from '../views';
import { TASK_VIEWS } from './index';
import type { TaskInstance } from './types';

/**
 * The picture of a task at a step, from every lane's instance (same task, same seed). Called by the
 * runner between chunks, a few times a second at most; may read tensors back asynchronously.
 * Returns null for tasks without a picture or without lanes.
 */
export async function buildTaskView(taskId: string, lanes: readonly TaskInstance[], step: number): Promise<TaskView | null> {
  const build = TASK_VIEWS[taskId];
  if (!build || lanes.length === 0) return null;
  return build(lanes, step);
}
