import * as tf from '@tensorflow/tfjs';
import { parseRunConfig, type RunConfig } from '../core/run/config';
import { viewBuffers } from '../core/views';
import { Runner } from '../core/runner';
import { loadTaskAssets } from '../core/tasks/assets';
import { chooseBackend, recreateBackend, webgpuDevice } from './backend';
import { runSelfTest } from './selftest';
import { FULL_BENCH, SMOKE_BENCH, runBench } from '../core/bench';
import { perturbKernelName } from '../core/perturb';
import { METRIC_ROW_WIDTH, assertNever, type BackendInfo, type FaultKind, type WorkerCommand, type WorkerEvent } from './protocol';

/** Metrics are batched and flushed at most this often. */
const FLUSH_MS = 40;
/** Target wall time of one chunk of steps between message-loop turns. */
const CHUNK_MS = 25;
/** Task pictures are rebuilt at most this often while playing… */
const VIEW_MS = 300;
/** …and take at most this share of the worker's time (a picture can cost many forward passes). */
const VIEW_SHARE = 0.2;
/** Memory figures are sent at most this often. */
const MEMORY_MS = 1000;
/** A chunk never exceeds this many steps, so a diverging lane stops within it. */
const MAX_CHUNK_STEPS = 5;

type Post = (event: WorkerEvent, transfer?: Transferable[]) => void;

/** Yield to the worker's message loop without setTimeout's 4 ms clamp. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Hosts one Runner inside the worker: commands in, batched metrics out. */
export class RunHost {
  private runner: Runner | null = null;
  private backend: BackendInfo | null = null;
  private playing = false;
  private looping = false;
  private chunkSteps = 1;
  private buffered: Float64Array[] = [];
  private bufferedRows = 0;
  private lastFlush = 0;
  private lastView = -Infinity;
  private lastMemory = -Infinity;
  /** Gap before the next picture: VIEW_MS, or longer when pictures are expensive. */
  private viewGap = VIEW_MS;
  /** Set when the WebGPU device is lost; the next chunk recovers first. */
  private deviceLost: string | null = null;
  /** The last step whose metrics left the runner (a failed chunk's steps are not counted). */
  private reportedStep = 0;
  private watchedDevice: GPUDevice | null = null;
  /** Serialises commands and chunks: nothing touches the runner while a chunk runs. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly post: Post) {}

  handle(cmd: WorkerCommand): void {
    this.queue = this.queue.then(() => this.dispatch(cmd)).catch((e) => this.fail(e, false));
  }

  private async dispatch(cmd: WorkerCommand): Promise<void> {
    switch (cmd.type) {
      case 'init':
        await this.init(cmd.config);
        return;
      case 'play':
        if (!this.runner || this.runner.done) return;
        this.playing = true;
        this.postState();
        void this.loop();
        return;
      case 'pause':
        this.playing = false;
        this.postState();
        return;
      case 'step':
        if (!this.runner || this.runner.done) return;
        this.playing = false;
        await this.runChunk(1);
        this.flush();
        this.postMemory();
        await this.postView();
        this.postState();
        return;
      case 'reset':
        await this.init(cmd.config ?? this.runner?.config ?? null);
        return;
      case 'setHyper': {
        if (!this.runner) return;
        const entry = this.runner.setHyper(cmd.lane, cmd.name, cmd.value);
        this.post({ type: 'schedule', entry, schedule: [...this.runner.config.schedule] });
        return;
      }
      case 'setDiagnostics':
        this.runner?.setDiagnostics(cmd.lane, cmd.on);
        return;
      case 'fault':
        this.injectFault(cmd.fault);
        return;
      case 'bench':
        try {
          const opts = cmd.smoke ? SMOKE_BENCH : FULL_BENCH;
          this.post({ type: 'bench', result: await runBench(opts, perturbKernelName()) });
        } catch (e) {
          this.post({ type: 'bench', error: e instanceof Error ? e.message : String(e) });
        }
        return;
      case 'selfTest':
        try {
          this.post({ type: 'selfTest', result: await runSelfTest() });
        } catch (e) {
          this.post({ type: 'selfTest', error: e instanceof Error ? e.message : String(e) });
        }
        return;
      default:
        assertNever(cmd);
    }
  }

  /** Test hook: make a platform fault happen, as a browser or GPU would. */
  private injectFault(fault: FaultKind): void {
    switch (fault) {
      case 'lose-device': {
        const device = webgpuDevice();
        if (device) device.destroy();
        else this.post({ type: 'notice', message: `No GPU device to lose: the backend is ${this.backend?.name ?? 'not started'}.` });
        return;
      }
      case 'throw':
        setTimeout(() => {
          throw new Error('Injected fault: the worker threw an uncaught error');
        });
        return;
      case 'hang': {
        // Never returns: the UI's watchdog must notice the silence and offer a restart.
        for (;;) {
          /* busy */
        }
      }
      default:
        assertNever(fault);
    }
  }

  /** Watch the WebGPU device: tfjs ignores device loss, so the host must notice it. */
  private watchDevice(): void {
    const device = webgpuDevice();
    if (!device || device === this.watchedDevice) return;
    this.watchedDevice = device;
    void device.lost.then((info) => {
      if (this.watchedDevice === device) this.deviceLost = info.message || info.reason || 'unknown reason';
    });
  }

  /**
   * Recover from a lost device: re-create the backend, rebuild the run from its config and seed,
   * and replay it (silently, it is deterministic) to the step it had reached; then go on.
   */
  private async recover(): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    const reason = this.deviceLost ?? 'unknown reason';
    // Steps of a chunk that died with the device were never reported: redo them.
    const step = this.reportedStep;
    const config = structuredClone(runner.config);
    const t0 = performance.now();
    this.deviceLost = null;
    this.watchedDevice = null;
    this.runner = null;
    try {
      runner.dispose();
    } catch {
      // its tensors died with the device
    }
    this.backend = await recreateBackend();
    this.watchDevice();
    const fresh = new Runner(config);
    while (fresh.step < step) await fresh.runChunk(Math.min(50, step - fresh.step));
    this.runner = fresh;
    this.post({ type: 'backend', backend: this.backend });
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    this.post({
      type: 'notice',
      message: `The GPU device was lost at step ${step} (${reason}). The ${this.backend.name} backend was re-created and the run rebuilt from its config and seed to step ${step} in ${seconds} s; it goes on from there.`,
    });
  }

  /** True when a failure is explained by a lost device (the loss may be reported just after). */
  private async lostDevice(): Promise<boolean> {
    if (this.deviceLost) return true;
    const device = this.watchedDevice;
    if (!device) return false;
    await Promise.race([device.lost, new Promise((r) => setTimeout(r, 100))]);
    return this.deviceLost !== null;
  }

  private async init(config: RunConfig | null): Promise<void> {
    this.playing = false;
    this.runner?.dispose();
    this.runner = null;
    this.buffered = [];
    this.bufferedRows = 0;
    if (!config) throw new Error('reset before init');
    const valid = parseRunConfig(config);
    if (!this.backend || config.backend !== 'auto' && config.backend !== this.backend.name)
      this.backend = await chooseBackend(valid.backend);
    this.watchDevice();
    await loadTaskAssets(valid.task.id);
    this.runner = new Runner(valid);
    this.reportedStep = 0;
    this.chunkSteps = 1;
    this.post({ type: 'ready', backend: this.backend, numParams: this.runner.numParams(), config: this.runner.config });
    this.postLaneStatus();
    this.postState();
    await this.postView();
    await this.runner.measurePeaks();
    this.postMemory();
  }

  private async loop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    try {
      while (this.playing && this.runner && !this.runner.done) {
        const run = this.queue.then(() => this.timedChunk());
        this.queue = run.catch(() => undefined);
        await run;
        if (performance.now() - this.lastFlush >= FLUSH_MS) this.flush();
        if (performance.now() - this.lastMemory >= MEMORY_MS) this.postMemory();
        if (performance.now() - this.lastView >= this.viewGap) {
          const viewing = this.queue.then(() => this.postView());
          this.queue = viewing.catch(() => undefined);
          await viewing;
        }
        await yieldToEvents();
      }
    } catch (e) {
      this.fail(e, false);
    } finally {
      this.looping = false;
      this.flush();
      this.postMemory();
      await this.postView().catch((e) => this.fail(e, false));
      if (this.runner?.done) this.playing = false;
      this.postState();
    }
  }

  /** One chunk, sized so that it takes about CHUNK_MS. */
  private async timedChunk(): Promise<void> {
    if (!this.playing || !this.runner || this.runner.done) return;
    const t0 = performance.now();
    await this.runChunk(this.chunkSteps);
    const ms = performance.now() - t0;
    const perStep = ms / this.chunkSteps;
    this.chunkSteps = Math.max(1, Math.min(MAX_CHUNK_STEPS, Math.floor(CHUNK_MS / Math.max(perStep, 0.01))));
  }

  private async runChunk(steps: number): Promise<void> {
    if (this.deviceLost) await this.recover();
    let result;
    try {
      result = await this.runner!.runChunk(steps);
    } catch (e) {
      if (!(await this.lostDevice())) throw e;
      // The chunk died with the device: rebuild to the last completed step and run it again.
      await this.recover();
      result = await this.runner!.runChunk(steps);
    }
    this.reportedStep = this.runner!.step;
    if (result.numRows > 0) {
      this.buffered.push(result.rows.slice());
      this.bufferedRows += result.numRows;
    }
    if (result.changed.length > 0) this.postLaneStatus();
  }

  /** Per-lane bytes: weights, optimizer state, the latest step's peak. */
  private postMemory(): void {
    this.lastMemory = performance.now();
    const r = this.runner;
    if (!r) return;
    const lanes = Array.from({ length: r.numLanes }, (_, lane) => ({ lane, ...r.laneMemory(lane) }));
    this.post({ type: 'memory', lanes });
  }

  /** Build and send the task's picture (between chunks only). */
  private async postView(): Promise<void> {
    const t0 = performance.now();
    try {
      const view = await this.runner?.view();
      if (view) this.post({ type: 'view', view }, viewBuffers(view));
      const ms = performance.now() - t0;
      this.viewGap = Math.max(VIEW_MS, ms / VIEW_SHARE);
    } catch (e) {
      // A picture lost with the device is redrawn after the recovery; anything else is an error.
      if (!(await this.lostDevice())) throw e;
    } finally {
      this.lastView = performance.now();
    }
  }

  private flush(): void {
    this.lastFlush = performance.now();
    if (this.bufferedRows === 0) return;
    const rows = new Float64Array(this.bufferedRows * METRIC_ROW_WIDTH);
    let offset = 0;
    for (const chunk of this.buffered) {
      rows.set(chunk, offset);
      offset += chunk.length;
    }
    const numRows = this.bufferedRows;
    this.buffered = [];
    this.bufferedRows = 0;
    this.post({ type: 'metrics', rows, numRows }, [rows.buffer]);
    this.postState();
  }

  private postState(): void {
    const r = this.runner;
    this.post({
      type: 'state',
      playing: this.playing && !!r && !r.done,
      step: r?.step ?? 0,
      done: r?.done ?? false,
      numTensors: tf.memory().numTensors,
    });
  }

  private postLaneStatus(): void {
    const r = this.runner;
    if (!r) return;
    const lanes = Array.from({ length: r.numLanes }, (_, lane) => {
      const s = r.laneState(lane);
      return { lane, status: s.status, divergedAt: s.divergedAt, divergedValue: s.divergedValue, message: s.message };
    });
    this.post({ type: 'laneStatus', lanes });
  }

  private fail(e: unknown, fatal: boolean): void {
    this.playing = false;
    const message = e instanceof Error ? e.message : String(e);
    this.post({ type: 'error', message, fatal });
    this.postState();
  }
}
