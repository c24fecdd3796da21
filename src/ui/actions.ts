import { decodeConfig, type Decoded } from '../core/codec';
import { OPTIMIZERS } from '../core/catalog/optimizers';
import { MAX_LANES, defaultLane, defaultTaskSettings, type BackendChoice, type RunConfig } from '../core/config';
import * as engine from './engine';
import { withDiagnostics } from './lanes';
import { cancelLiveHyper, sendLiveHyper } from './liveHyper';
import { presetById } from './presets';
import { useStore } from './store';

/**
 * User intents. Config edits reset the run (results cleared, worker re-initialised); only a
 * hyperparameter change during a run goes to the worker live and lands in the schedule.
 */

const get = () => useStore.getState();

function editConfig(edit: (c: RunConfig) => RunConfig): void {
  cancelLiveHyper();
  get().setConfig(edit(get().config));
  engine.requestInit();
}

/** A link was opened (page load or a hash typed into the address bar). */
export function loadDecoded(decoded: Decoded): void {
  get().setPresetId(null);
  get().setNotices(decoded.notices);
  loadConfig(decoded.config, { autoplay: decoded.autoplay });
}

/** Make `config` the current run (a sweep cell, a preset), paused at step 0 unless `autoplay`. */
export function loadConfig(config: RunConfig, opts: { autoplay: boolean }): void {
  cancelLiveHyper();
  get().showAllLanes();
  get().setConfig(config);
  engine.startRun(opts);
}

export function setTask(taskId: string): void {
  editConfig((c) => ({
    ...c,
    task: { id: taskId, settings: defaultTaskSettings(taskId) },
    lanes: c.lanes.map((l) => defaultLane(l.optimizer, taskId)),
    schedule: [],
  }));
}

export function setTaskSetting(name: string, value: number): void {
  editConfig((c) => ({ ...c, task: { ...c.task, settings: { ...c.task.settings, [name]: value } } }));
}

export const setSeed = (seed: number) => editConfig((c) => ({ ...c, seed }));
export const setSteps = (steps: number) => editConfig((c) => ({ ...c, steps }));
export const setBackend = (backend: BackendChoice) => editConfig((c) => ({ ...c, backend }));
export const clearSchedule = () => editConfig((c) => ({ ...c, schedule: [] }));

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

export function togglePlay(): void {
  if (get().playing) engine.pause();
  else engine.play();
}

export const stepOnce = (): void => engine.stepOnce();

export function reset(): void {
  cancelLiveHyper();
  engine.sendInit();
}

export function restart(): void {
  cancelLiveHyper();
  engine.restartEngine();
}

/** Load a guided preset: its link, playing at once, with its explanation beside the chart. */
export function loadPreset(id: string): void {
  const preset = presetById(id);
  if (!preset) return;
  const decoded = decodeConfig(preset.hash);
  loadDecoded({ ...decoded, autoplay: true });
  get().setPresetId(id);
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
  engine.setDiagnostics(laneIdx, on);
}
