import * as tf from '@tensorflow/tfjs';
import { parseRunConfig, type RunConfig } from '../core/run/config';
import { pictureBuffers } from '../core/tasks/picture';
import { Runner } from '../core/run/runner';
import { loadTaskAssets } from '../core/tasks/assets';
import { chooseBackend, chooseByMeasurement, restoreVerdict, type Verdict } from './backend/choose';
import { needsProbe, planBackend, probeSize } from './backend/pick';
import { WallAccount } from './accounting';
import { wasmHeapBytes } from './backend/wasm';
import { clearFusedCache, fusedCacheBytes, fusedPerturbKernel } from '../core/random/fused-perturb';
import { perturbKernelName } from '../core/random/perturb';
import { dispatch } from './dispatch';
import { MetricBuffer, Pacer, playLoop, type PacedRun } from './pacing';
import type { BackendInfo, DevCommand, WorkerCommand, WorkerEvent } from './protocol';
import { DeviceWatch, recoverRun } from './recovery';

type Post = (event: WorkerEvent, transfer?: Transferable[]) => void;

/**
 * Hosts one Runner inside the worker: commands in (dispatch.ts), batched metrics out (pacing.ts),
 * a lost GPU device recovered on the way (recovery.ts).
 */
export class RunHost implements PacedRun {
  private runner: Runner | null = null;
  private backend: BackendInfo | null = null;
  private playing = false;
  private readonly metrics = new MetricBuffer();
  private readonly pace = new Pacer();
  private readonly device = new DeviceWatch();
  private readonly account = new WallAccount();
  /** What `backend=auto` measured last, and for which size of run. */
  private verdict: Verdict | null = null;
  /** The last step whose metrics left the runner (a failed chunk's steps are not counted). */
  private reportedStep = 0;
  /** Serialises commands and chunks: nothing touches the runner while a chunk runs. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly post: Post) {}

  handle(cmd: WorkerCommand): void {
    this.queue = this.queue.then(() => dispatch(this, cmd)).catch((e) => this.fail(e));
  }

  serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  get active(): boolean {
    return this.playing && !!this.runner && !this.runner.done;
  }

  async init(config: RunConfig | null): Promise<void> {
    this.playing = false;
    this.runner?.dispose();
    this.runner = null;
    clearFusedCache(); // the old run's directions (its model may have been larger)
    this.metrics.clear();
    if (!config) throw new Error('reset before init');
    const valid = parseRunConfig(config);
    await loadTaskAssets(valid.task.id);
    this.runner = await this.buildOnBackend(valid);
    this.device.watch();
    this.reportedStep = 0;
    this.pace.restart();
    const runner = this.runner;
    this.post({ type: 'ready', backend: this.backend!, numParams: runner.numParams(), numTotal: runner.numTotal(), references: runner.references(), config: runner.config });
    this.postLaneStatus();
    this.postState();
    await this.postPicture();
    await this.runner.measurePeaks();
    this.postMemory();
  }

  /**
   * Start the backend the config asks for and build the runner on it. A pinned backend is kept as
   * pinned. `auto` reuses the last probe's verdict unless the run is 10× larger or smaller than the
   * one probed (or nothing was probed yet); then it measures again (backend/choose.ts), on throwaway
   * copies of the run, before the run itself is built.
   */
  private async buildOnBackend(config: RunConfig): Promise<Runner> {
    const plan = planBackend(config.backend, this.backend, this.verdict?.backend ?? null);
    if (plan === 'pin') this.backend = await chooseBackend(config.backend);
    if (plan === 'restore') {
      const restored = await restoreVerdict(this.verdict!);
      if (restored) this.backend = this.verdict!.backend = restored;
      else this.verdict = null;
    }
    if (config.backend !== 'auto') return new Runner(config);
    if (this.verdict) {
      const runner = new Runner(config);
      const size = probeSize(runner.numParams(), runner.numLanes, (config.task.settings as { batch?: unknown }).batch);
      if (!needsProbe(this.verdict.size, size)) return runner;
      runner.dispose();
    }
    this.verdict = await chooseByMeasurement(config);
    this.backend = this.verdict.backend;
    return new Runner(config);
  }

  play(): void {
    if (!this.runner || this.runner.done) return;
    if (!this.pace.looping) this.account.begin(this.runner.numLanes);
    this.playing = true;
    this.postState();
    void playLoop(this, this.pace);
  }

  pause(): void {
    this.playing = false;
    this.postState();
  }

  /** One step of every lane, then paused. */
  async stepOnce(): Promise<void> {
    if (!this.runner || this.runner.done) return;
    this.playing = false;
    await this.runChunk(1);
    this.flush();
    this.postMemory();
    await this.postPicture();
    this.postState();
  }

  async reset(config: RunConfig | undefined): Promise<void> {
    await this.init(config ?? this.runner?.config ?? null);
  }

  setHyper(lane: number, name: string, value: number): void {
    if (!this.runner) return;
    const entry = this.runner.setHyper(lane, name, value);
    this.post({ type: 'schedule', entry, schedule: [...this.runner.config.schedule] });
  }

  setDiagnostics(lane: number, on: boolean): void {
    this.runner?.setDiagnostics(lane, on);
  }

  /**
   * Test machinery (src/worker/dev/) is imported only where the build keeps it: the condition is a
   * constant, so `vite build` (production) drops the branch and the dev modules with it.
   */
  async devCommand(cmd: DevCommand): Promise<void> {
    if (import.meta.env.DEV || import.meta.env.MODE === 'e2e') {
      const { runDevCommand } = await import('./dev/commands');
      await runDevCommand(cmd, this.post, this.backend?.name);
    } else {
      this.post({ type: 'error', message: 'This build carries no test machinery (build with --mode e2e).', fatal: false });
    }
  }

  /** Rebuild the run on a re-created backend after a device loss, and go on from there. */
  private async recover(): Promise<void> {
    const lost = this.runner;
    if (!lost) return;
    this.runner = null;
    const { runner, backend, notice } = await recoverRun(lost, this.reportedStep, this.device, (b) => (this.backend = b));
    this.runner = runner;
    this.post({ type: 'backend', backend });
    this.post({ type: 'notice', message: notice });
  }

  async runChunk(steps: number): Promise<void> {
    if (this.device.lostReason) await this.recover();
    let result;
    try {
      result = await this.runner!.runChunk(steps);
    } catch (e) {
      if (!(await this.device.explainsFailure())) throw e;
      // The chunk died with the device: rebuild to the last completed step and run it again.
      await this.recover();
      result = await this.runner!.runChunk(steps);
    }
    this.account.chunk(this.runner!.step - this.reportedStep, result.timing);
    this.reportedStep = this.runner!.step;
    this.account.time('messagingMs', () => this.metrics.push(result.rows, result.numRows));
    if (result.changed.length > 0) this.postLaneStatus();
  }

  /** Per-lane bytes: weights, optimizer state, the latest step's peak. */
  postMemory(): void {
    this.account.time('memoryMs', () => this.sendMemory());
  }

  private sendMemory(): void {
    this.pace.memorySent();
    const r = this.runner;
    if (!r) return;
    const lanes = Array.from({ length: r.numLanes }, (_, lane) => ({ lane, ...r.laneMemory(lane) }));
    const cached = perturbKernelName() === fusedPerturbKernel.name;
    this.post({ type: 'memory', lanes, shared: { heapBytes: wasmHeapBytes(), directionCacheBytes: cached ? fusedCacheBytes() : undefined } });
  }

  /** Build and send the task's picture (between chunks only). */
  async postPicture(): Promise<void> {
    const t0 = performance.now();
    let ms: number | null = null;
    try {
      const picture = await this.runner?.picture();
      if (picture) this.post({ type: 'picture', picture }, pictureBuffers(picture));
      ms = performance.now() - t0;
    } catch (e) {
      // A picture lost with the device is redrawn after the recovery; anything else is an error.
      if (!(await this.device.explainsFailure())) throw e;
    } finally {
      this.pace.pictureBuilt(ms);
      this.account.add('pictureMs', performance.now() - t0);
    }
  }

  /** Send the buffered metrics, the run's state and where the wall time went since the last flush. */
  flush(): void {
    this.account.time('messagingMs', () => {
      this.pace.flushed();
      const batch = this.metrics.take();
      if (!batch) return;
      this.post({ type: 'metrics', rows: batch.rows, numRows: batch.numRows }, [batch.rows.buffer]);
      this.postState();
    });
    const timing = this.account.take();
    if (timing) this.post({ type: 'timing', timing });
  }

  yielded(ms: number): void {
    this.account.add('idleMs', ms);
  }

  loopEnded(): void {
    this.account.end();
    if (this.runner?.done) this.playing = false;
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

  fail(e: unknown): void {
    this.playing = false;
    const message = e instanceof Error ? e.message : String(e);
    this.post({ type: 'error', message, fatal: false });
    this.postState();
  }
}
