import { OPTIMIZERS, isOptimizerId } from '../../core/optimizers/specs';
import { MAX_LANES, defaultLane, withDiagnostics } from '../../core/run/config';
import { editConfig } from '../app/runActions';
import * as workerClient from '../app/workerClient';
import { useStore } from '../store';
import { sendLiveHyper } from './liveHyper';

/** User intents on the lanes: add, remove, change optimizer, hyperparameters and diagnostics. */

const get = () => useStore.getState();

export function addLane(): void {
  editConfig((c) => {
    if (c.lanes.length >= MAX_LANES) return c;
    const used = new Set(c.lanes.map((l) => l.optimizer));
    const next = OPTIMIZERS.find((o) => !used.has(o.id)) ?? OPTIMIZERS[0];
    return { ...c, lanes: [...c.lanes, defaultLane(next.id, c.task.id)] };
  });
}

export function removeLane(laneIdx: number): void {
  editConfig((c) => {
    if (c.lanes.length <= 1) return c;
    return {
      ...c,
      lanes: c.lanes.filter((_, i) => i !== laneIdx),
      schedule: c.schedule
        .filter((e) => e.lane !== laneIdx)
        .map((e) => (e.lane > laneIdx ? { ...e, lane: e.lane - 1 } : e)),
    };
  });
}

export function setLaneOptimizer(laneIdx: number, optimizerId: string): void {
  if (!isOptimizerId(optimizerId)) return;
  editConfig((c) => ({
    ...c,
    lanes: c.lanes.map((l, i) => (i === laneIdx ? defaultLane(optimizerId, c.task.id) : l)),
    schedule: c.schedule.filter((e) => e.lane !== laneIdx),
  }));
}

/**
 * During a run (started, not finished) this is a live change recorded in the schedule; before the
 * first step or after the last it sets the lane's starting value and resets the run.
 */
export function setLaneHyper(laneIdx: number, name: string, value: number): void {
  const { playing, step, done } = get();
  if (playing || (step > 0 && !done)) {
    sendLiveHyper(laneIdx, name, value);
    return;
  }
  editConfig((c) => ({
    ...c,
    lanes: c.lanes.map((l, i) => (i === laneIdx ? { ...l, hyper: { ...l.hyper, [name]: value } } : l)),
    // A recorded change at step 1 would override the new starting value at once.
    schedule: c.schedule.filter((e) => !(e.lane === laneIdx && e.name === name && e.step <= 1)),
  }));
}

/**
 * Gradient diagnostics on or off for a lane: a flag of the lane in the config (the link carries it
 * as `diag=1`), applied live at the next step; it does not change the lane's trajectory.
 */
export function toggleDiagnostics(laneIdx: number): void {
  const config = get().config;
  const lane = config.lanes[laneIdx];
  if (!lane) return;
  const on = !lane.diagnostics;
  get().setConfig({ ...config, lanes: config.lanes.map((l, i) => (i === laneIdx ? withDiagnostics(l, on) : l)) });
  workerClient.setDiagnostics(laneIdx, on);
}
