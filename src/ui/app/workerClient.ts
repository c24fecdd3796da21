import { assertNever, type DevCommand, type DevEvent, type WorkerCommand, type WorkerEvent } from '../../worker/protocol';
import { series } from '../charts/series';
import { pictureStore } from '../task/pictureStore';
import { useStore } from '../store';
import { recordTiming } from './stepRate';

/**
 * The one place that owns the worker: commands out, events into the store and the series.
 * Events of a run being replaced (sent before the worker saw our `init`) are dropped, so a reset
 * never shows a stray point from the previous run.
 */

let worker: Worker | null = null;
/** `init`s sent whose `ready` has not come back yet. */
let pendingInits = 0;
/** A debounced re-init is waiting (slider drags on task settings are coalesced). */
let initTimer: ReturnType<typeof setTimeout> | undefined;
let autoplayOnReady = false;

const stale = () => pendingInits > 0 || initTimer !== undefined;

function createWorker(): Worker {
  const w = new Worker(new URL('../../worker/run.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<WorkerEvent>) => handleEvent(e.data);
  w.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    fail(e.message || 'The worker failed to load or crashed.');
  };
  w.onmessageerror = () => fail('A message from the worker could not be read.');
  return w;
}

/** Commands posted so far (read by the browser tests: a key that must do nothing sends none). */
let posted = 0;
export const commandsSent = (): number => posted;

function post(cmd: WorkerCommand): void {
  worker ??= createWorker();
  worker.postMessage(cmd);
  posted++;
}

function fail(message: string): void {
  pendingInits = 0;
  const s = useStore.getState();
  s.addError(message, true);
  s.setRunState({ playing: false, step: s.step, done: s.done });
}

/** Build the run from the store's config now (clears results; the run is paused at step 0). */
export function sendInit(): void {
  clearTimeout(initTimer);
  initTimer = undefined;
  const { config, resetRun } = useStore.getState();
  pausing = false;
  series.clear();
  pictureStore.set(null);
  resetRun();
  pendingInits++;
  post({ type: 'init', config });
}

/** Re-init soon: the charts and the picture reset at once, the worker rebuilds once the edits settle. */
export function requestInit(delayMs = 150): void {
  series.clear();
  useStore.getState().resetRun();
  clearTimeout(initTimer);
  initTimer = setTimeout(sendInit, delayMs);
}

function flushInit(): void {
  if (initTimer !== undefined) sendInit();
}

export function startRun(opts: { autoplay: boolean }): void {
  autoplayOnReady = opts.autoplay;
  sendInit();
}

/**
 * Pause was asked and the worker has not said yet that it stopped (it stops at the end of its
 * chunk, which on a slow backend can take longer than a click should): the page shows it paused.
 */
let pausing = false;

/** Whether a Pause is shown but the worker has not confirmed it yet (its step may still move). */
export const pausePending = (): boolean => pausing;

export const play = (): void => {
  pausing = false;
  lastEventAt = performance.now();
  flushInit();
  post({ type: 'play' });
};
export const pause = (): void => {
  const s = useStore.getState();
  pausing = true;
  if (s.playing) s.setRunState({ playing: false, step: s.step, done: s.done });
  post({ type: 'pause' });
};
export const stepOnce = (): void => {
  flushInit();
  post({ type: 'step' });
};
export const setHyper = (lane: number, name: string, value: number): void =>
  post({ type: 'setHyper', lane, name, value });
export const setDiagnostics = (lane: number, on: boolean): void => post({ type: 'setDiagnostics', lane, on });

/** Terminate the worker, start a fresh one and re-init the current config. */
export function restartWorker(): void {
  worker?.terminate();
  worker = null;
  pendingInits = 0;
  const s = useStore.getState();
  s.clearErrors();
  s.setReady(null, 0);
  sendInit();
}

/** Tensors alive in the worker, from its last `state` event (for leak checks). */
let workerTensors = 0;
export const workerTensorCount = (): number => workerTensors;

/**
 * Test machinery's channel (src/ui/dev/): commands and answers pass through in their envelope, so
 * this file names none of them and the production bundle carries none.
 */
export const sendDevCommand = (command: DevCommand): void => post({ type: 'dev', command });
let devListener: ((ev: DevEvent) => void) | null = null;
export function onDevEvent(listener: (ev: DevEvent) => void): void {
  devListener = listener;
}

/**
 * Watchdog: a playing worker reports every few tens of milliseconds. Silence this long means it
 * hung or died without an error event; say so and offer the restart.
 */
const SILENCE_MS = 20_000;
let lastEventAt = 0;
setInterval(() => {
  const s = useStore.getState();
  if (worker && s.playing && performance.now() - lastEventAt > SILENCE_MS && !s.errors.some((e) => e.fatal))
    fail(`The worker stopped answering (no message for ${SILENCE_MS / 1000} s while playing). Restart it to go on.`);
}, 2000);

/**
 * The worker reports its state with every metrics batch (~25×/s). The step counter reaches the
 * store at most 10×/s (a trailing update always lands); changes of playing/done apply at once.
 */
const STATE_MS = 100;
let stateTimer: ReturnType<typeof setTimeout> | undefined;
let latestState: { playing: boolean; step: number; done: boolean } | null = null;
let lastStateAt = -Infinity;

function applyRunState(reported: { playing: boolean; step: number; done: boolean }): void {
  const s = useStore.getState();
  // Until the worker confirms the pause, its last chunk's reports still say "playing".
  const confirmed = pausing && !reported.playing;
  if (confirmed) pausing = false;
  const ev = pausing ? { ...reported, playing: false } : reported;
  latestState = { playing: ev.playing, step: ev.step, done: ev.done };
  const flagsChanged = ev.playing !== s.playing || ev.done !== s.done;
  const flush = () => {
    clearTimeout(stateTimer);
    stateTimer = undefined;
    lastStateAt = performance.now();
    if (latestState && !stale()) useStore.getState().setRunState(latestState);
  };
  // A confirmed pause lands at once too: the page already shows "paused", so no flag changes, but
  // the step it shows must be the one the worker stopped at (a live change applies at the next).
  if (confirmed || flagsChanged || performance.now() - lastStateAt >= STATE_MS) flush();
  else stateTimer ??= setTimeout(flush, STATE_MS);
}

function handleEvent(ev: WorkerEvent): void {
  lastEventAt = performance.now();
  const s = useStore.getState();
  switch (ev.type) {
    case 'ready':
      if (pendingInits > 0) pendingInits--;
      if (stale()) return;
      series.clear();
      s.setReady(ev.backend, ev.numParams);
      s.setTaskInfo(ev.numTotal, ev.references);
      if (JSON.stringify(ev.config) !== JSON.stringify(s.config)) s.setConfig(ev.config);
      if (autoplayOnReady) {
        autoplayOnReady = false;
        post({ type: 'play' });
      }
      return;
    case 'metrics':
      if (!stale()) series.append(ev.rows, ev.numRows);
      return;
    case 'laneStatus':
      if (!stale()) s.setLaneStatuses(ev.lanes);
      return;
    case 'state':
      workerTensors = ev.numTensors;
      if (!stale()) applyRunState(ev);
      return;
    case 'schedule': {
      if (stale()) return;
      s.setConfig({ ...s.config, schedule: ev.schedule });
      const key = `${ev.entry.lane}:${ev.entry.name}`;
      if (s.pendingHyper[key] === ev.entry.value) s.setPendingHyper(key, undefined);
      return;
    }
    case 'picture':
      if (stale()) return;
      pictureStore.set(ev.picture);
      return;
    case 'memory':
      if (!stale()) s.setLaneMemory(ev.lanes, ev.shared);
      return;
    case 'timing':
      if (!stale()) recordTiming(ev.timing);
      return;
    case 'dev':
      devListener?.(ev.event);
      return;
    case 'notice':
      s.setNotices([...s.notices, ev.message]);
      return;
    case 'backend':
      s.setReady(ev.backend, s.numParams);
      return;
    case 'error':
      pendingInits = 0;
      s.addError(ev.message, ev.fatal);
      return;
    default:
      assertNever(ev);
  }
}
