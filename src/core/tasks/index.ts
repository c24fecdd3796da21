import { createQuadratic } from './quadratic';
import { createRosenbrock } from './rosenbrock';
import { createSpiral } from './spiral';
import type { TaskFactory } from './types';

/** Task implementations by id (their specs are in `catalog/tasks.ts`). */
export const TASK_FACTORIES: Record<string, TaskFactory> = {
  quadratic: createQuadratic,
  rosenbrock: createRosenbrock,
  spiral: createSpiral,
};

export type { TaskInstance, Batch, TaskFactory } from './types';
