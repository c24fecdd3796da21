import type { TaskView } from '../views';
import type { TaskInstance } from './types';

/**
 * The picture of a task at a step, from every lane's instance (same task, same seed). Called by the
 * runner between chunks, a few times a second at most; may read tensors back asynchronously.
 * Returns null for tasks without a picture.
 */
export async function buildTaskView(taskId: string, lanes: readonly TaskInstance[], step: number): Promise<TaskView | null> {
  void taskId;
  void lanes;
  void step;
  return null;
}
