import type { TaskInstance } from '../types';

/**
 * Per-instance state a task keeps for its picture (data, recorders), reachable from the instance
 * without widening the TaskInstance interface: each task module owns one of these.
 */
export function internals<T>(taskId: string) {
  const map = new WeakMap<TaskInstance, T>();
  return {
    attach<I extends TaskInstance>(instance: I, state: T): I {
      map.set(instance, state);
      return instance;
    },
    of(instance: TaskInstance): T {
      const state = map.get(instance);
      if (!state) throw new Error(`not a ${taskId} instance`);
      return state;
    },
  };
}
