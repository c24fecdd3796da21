import * as tf from '@tensorflow/tfjs';
import { RunConfigSchema, type RunConfig } from '../core/config';
import { viewBuffers } from '../core/views';
import { Runner } from '../core/runner';
import { chooseBackend } from './backend';
import { METRIC_ROW_WIDTH, assertNever, type BackendInfo, type WorkerCommand, type WorkerEvent } from './protocol';

/** Metrics are batched and flushed at most this often. */
const FLUSH_MS = 40;
/** Target wall time of one chunk of steps between message-loop turns. */
const CHUNK_MS = 25;
/** Task pictures are rebuilt at most this often while playing. */
const VIEW_MS = 300;
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
      default:
        assertNever(cmd);
    }
  }

  private async init(config: RunConfig | null): Promise<void> {
    this.playing = false;
    this.runner?.dispose();
    this.runner = null;
    this.buffered = [];
    this.bufferedRows = 0;
    if (!config) throw new Error('reset before init');
    const parsed = RunConfigSchema.safeParse(config);
    if (!parsed.success) throw new Error(`Invalid run config: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
    if (!this.backend || config.backend !== 'auto' && config.backend !== this.backend.name)
      this.backend = await chooseBackend(parsed.data.backend);
    this.runner = new Runner(parsed.data);
    this.chunkSteps = 1;
    this.post({ type: 'ready', backend: this.backend, numParams: this.runner.numParams(), config: this.runner.config });
    this.postLaneStatus();
    this.postState();
    await this.postView();
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
        if (performance.now() - this.lastView >= VIEW_MS) {
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
    const runner = this.runner!;
    const result = await runner.runChunk(steps);
    if (result.numRows > 0) {
      this.buffered.push(result.rows.slice());
      this.bufferedRows += result.numRows;
    }
    if (result.changed.length > 0) this.postLaneStatus();
  }

  /** Build and send the task's picture (between chunks only). */
  private async postView(): Promise<void> {
    this.lastView = performance.now();
    const view = await this.runner?.view();
    if (view) this.post({ type: 'view', view }, viewBuffers(view));
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
    this.post({ type: 'state', playing: this.playing && !!r && !r.done, step: r?.step ?? 0, done: r?.done ?? false });
  }

  private postLaneStatus(): void {
    const r = this.runner;
    if (!r) return;
    const lanes = Array.from({ length: r.numLanes }, (_, lane) => {
      const s = r.laneState(lane);
      return { lane, status: s.status, divergedAt: s.divergedAt, divergedValue: s.divergedValue };
    });
    this.post({ type: 'laneStatus', lanes });
  }

  private fail(e: unknown, fatal: boolean): void {
    this.playing = false;
    const message = e instanceof Error ? e.message : String(e);
    this.post({ type: 'error', message, fatal });
    this.postState();
  }

  /** Tensors alive in this worker (exposed for leak checks). */
  numTensors(): number {
    return tf.memory().numTensors;
  }
}
