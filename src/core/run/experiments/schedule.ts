import type { RunConfig } from '../config';

/**
 * Values in force at a step: a lane's hyperparameters start at `lane.hyper` and each schedule entry
 * replaces one just before its step runs (Runner.applySchedule), later entries in the list winning.
 */

/** The value of `name` in force for `step` on lane `laneIdx`, or undefined when the lane does not set it. */
export function valueAt(config: RunConfig, laneIdx: number, name: string, step: number): number | undefined {
  let value = config.lanes[laneIdx]?.hyper[name];
  for (const e of config.schedule) if (e.lane === laneIdx && e.name === name && e.step <= step) value = e.value;
  return value;
}

/** Every hyperparameter of lane `laneIdx` in force for `step`. */
export function hyperAt(config: RunConfig, laneIdx: number, step: number): Record<string, number> {
  const hyper = { ...config.lanes[laneIdx].hyper };
  for (const e of config.schedule) if (e.lane === laneIdx && e.step <= step) hyper[e.name] = e.value;
  return hyper;
}
