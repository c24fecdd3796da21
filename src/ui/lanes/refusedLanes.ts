import { optimizerSpec } from '../../core/optimizers/specs';
import type { Lane } from '../../core/run/config';
import type { LaneStatusInfo } from '../../worker/protocol';

/** A lane its optimizer will not (or did not) run on this task, and why, in words a user reads. */
export interface RefusedLane {
  laneIdx: number;
  reason: string;
}

/**
 * Lanes refused by their optimizer: those that failed with a message, and before a run those whose
 * optimizer states a parameter limit (`maxParams`) below the task's `numParams` (0 while unknown).
 */
export function refusedLanes(lanes: readonly Lane[], statuses: readonly LaneStatusInfo[], numParams: number): RefusedLane[] {
  const out: RefusedLane[] = [];
  lanes.forEach((lane, laneIdx) => {
    const spec = optimizerSpec(lane.optimizer);
    const status = statuses[laneIdx];
    if (status?.status === 'failed') out.push({ laneIdx, reason: `${spec?.label ?? lane.optimizer}: ${status.message ?? 'failed'}` });
    else if (spec?.maxParams !== undefined && numParams > spec.maxParams)
      out.push({
        laneIdx,
        reason:
          `${spec.label} refuses models over ${spec.maxParams.toLocaleString('en-US')} parameters and this one has ` +
          `${numParams.toLocaleString('en-US')}, so the lane will not run. Choose another optimizer or a smaller model.`,
      });
  });
  return out;
}

/** Why Play is disabled, or null when it is not (`started`: the worker is ready). */
export function playBlockedReason(opts: { started: boolean; done: boolean; playing: boolean; numLanes: number; refused: number }): string | null {
  if (opts.playing) return null;
  if (!opts.started) return 'Starting the worker…';
  if (opts.numLanes > 0 && opts.refused === opts.numLanes) return 'Play is off: no lane can run on this task (see the banner above). Change the optimizer or the task.';
  if (opts.done) return 'Play is off: the run has finished. Reset to run it again.';
  return null;
}
