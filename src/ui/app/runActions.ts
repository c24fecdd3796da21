import { decodeConfig, type Decoded } from '../../core/run/codec';
import type { BackendChoice, RunConfig } from '../../core/run/config';
import * as workerClient from './workerClient';
import { cancelLiveHyper } from '../lanes/liveHyper';
import { presetById } from '../share/presets';
import { useStore } from '../store';

/**
 * User intents on the run as a whole. Config edits reset the run (results cleared, worker
 * re-initialised); only a hyperparameter change during a run goes to the worker live and lands in
 * the schedule (lanes/laneActions.ts). Task edits are in task/taskActions.ts.
 */

const get = () => useStore.getState();

/** Replace the config with `edit(config)` and rebuild the run once the edits settle. */
export function editConfig(edit: (c: RunConfig) => RunConfig): void {
  cancelLiveHyper();
  get().setConfig(edit(get().config));
  workerClient.requestInit();
}

/** A link was opened (page load or a hash typed into the address bar). */
export function loadDecoded(decoded: Decoded): void {
  get().setPresetId(null);
  get().setNotices(decoded.notices);
  get().setView(decoded.view ?? {});
  loadConfig(decoded.config, { autoplay: decoded.autoplay });
}

/** Make `config` the current run (a sweep cell, a preset), paused at step 0 unless `autoplay`. */
export function loadConfig(config: RunConfig, opts: { autoplay: boolean }): void {
  cancelLiveHyper();
  get().showAllLanes();
  get().setConfig(config);
  workerClient.startRun(opts);
}

export const setSeed = (seed: number) => editConfig((c) => ({ ...c, seed }));
export const setSteps = (steps: number) => editConfig((c) => ({ ...c, steps }));
export const setBackend = (backend: BackendChoice) => editConfig((c) => ({ ...c, backend }));
export const clearSchedule = () => editConfig((c) => ({ ...c, schedule: [] }));

export function togglePlay(): void {
  if (get().playing) workerClient.pause();
  else workerClient.play();
}

export const stepOnce = (): void => workerClient.stepOnce();

export function reset(): void {
  cancelLiveHyper();
  workerClient.sendInit();
}

export function restart(): void {
  cancelLiveHyper();
  workerClient.restartWorker();
}

/** Load a guided preset: its link, playing at once, with its explanation beside the chart. */
export function loadPreset(id: string): void {
  const preset = presetById(id);
  if (!preset) return;
  const decoded = decodeConfig(preset.hash);
  loadDecoded({ ...decoded, autoplay: true });
  get().setPresetId(id);
}
