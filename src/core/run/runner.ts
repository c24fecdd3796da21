import * as tf from '@tensorflow/tfjs';
import { optimizerSpec } from '../optimizers/specs';
import type { RunConfig, ScheduleEntry } from './config';
import { NUM_METRIC_COLUMNS, writeRow, type LaneMemory, type LaneStatusInfo } from './metrics';
import { optimizerFactory, type Optimizer } from '../optimizers';
import { TASK_FACTORIES, type TaskInstance } from '../tasks';
import { buildTaskPicture } from '../tasks/registry';
import type { TaskPicture } from '../tasks/picture';
import type { LossReference } from '../tasks/shared/spec';
import { measureStepMemory, weightBytesOf } from './memory';

/**
 * The runner steps every lane in lockstep on its own task instance (same seed → same weights and
 * batches), counts forward passes, times each lane, evaluates every k steps, applies scheduled
 * hyperparameter changes at step boundaries, and stops a lane that diverges.
 * Losses are read back once per chunk of steps (one `await data()`), never inside a step.
 */

/** A lane stops when its loss is NaN/±Inf or exceeds this factor times its first loss. */
export const DIVERGENCE_FACTOR = 1e4;

/** A lane's status (see metrics.ts) and the runner's bookkeeping for it. */
export interface LaneState extends Omit<LaneStatusInfo, 'lane'> {
  forwardPasses: number;
  wallMs: number;
  firstLoss?: number;
}

interface Lane {
  task: TaskInstance;
  optimizer: Optimizer;
  state: LaneState;
  diagnostics: boolean;
  /**
   * Persistent optimizer state (moments, buffers…) is the bytes a step leaves behind, accumulated;
   * the peak is measured on a scratch copy (see measurePeaks).
   */
  memory: Omit<LaneMemory, 'lane'>;
}

const stopped = (s: LaneState) => s.status === 'diverged' || s.status === 'failed';

export interface ChunkResult {
  /** Row-major [rows × NUM_METRIC_COLUMNS]. */
  rows: Float64Array;
  numRows: number;
  /** Lanes whose status changed in this chunk. */
  changed: number[];
  /** Where the chunk's time went (ms): each lane's steps, evaluations, diagnostics, the readback. */
  timing: ChunkTiming;
}

/** Wall time of one chunk by part; the parts do not overlap. */
export interface ChunkTiming {
  /** Per lane: its steps, evaluation and diagnostics excluded. */
  laneMs: number[];
  evalMs: number;
  diagnosticsMs: number;
  /** The one `await data()` of the chunk (on GPU backends, the queued work finishes here). */
  readbackMs: number;
}

/** A lane's step whose losses are still on the device. */
interface PendingStep {
  lane: number;
  step: number;
  forwardPasses: number;
  wallMs: number;
  train: tf.Scalar;
  evals: tf.Scalar[];
  /** [cos, relErr] when diagnostics ran. */
  diag: tf.Scalar[];
  /** [V̂, Ŝ] when the step formed a two-point estimate (estimators/variance.ts). */
  variance: tf.Scalar[];
}

export class Runner {
  readonly config: RunConfig;
  private readonly lanes: Lane[];
  /** Steps completed by the run (all lanes in lockstep). */
  step = 0;

  /** `config` is a valid RunConfig (decoded from a link, or checked by parseRunConfig where it entered). */
  constructor(config: RunConfig) {
    this.config = structuredClone(config);
    const createTask = TASK_FACTORIES[this.config.task.id];
    this.lanes = this.config.lanes.map((laneConfig) => {
      const task = createTask(this.config.task.settings, this.config.seed);
      const optimizer = optimizerFactory(laneConfig.optimizer)(laneConfig.hyper, this.config.seed);
      const diagnostics = laneConfig.diagnostics === true;
      optimizer.captureEstimate = diagnostics;
      optimizer.trackVariance = true; // a few scalar ops a step, read back with the chunk's losses
      const memory = { weightBytes: weightBytesOf(task), stateBytes: 0, peakStepBytes: 0 };
      return { task, optimizer, diagnostics, memory, state: { status: 'ready', forwardPasses: 0, wallMs: 0 } };
    });
  }

  get numLanes(): number {
    return this.lanes.length;
  }

  get done(): boolean {
    return this.step >= this.config.steps || this.lanes.every((l) => stopped(l.state));
  }

  laneState(laneIdx: number): Readonly<LaneState> {
    return this.lanes[laneIdx].state;
  }

  /** The lane's status as reported to the UI and the CLI. */
  laneStatus(laneIdx: number): LaneStatusInfo {
    const { status, divergedAt, divergedValue, message } = this.lanes[laneIdx].state;
    return { lane: laneIdx, status, divergedAt, divergedValue, message };
  }

  numParams(): number {
    return this.lanes[0]?.task.numParams ?? 0;
  }

  /** Every weight of a lane's model, frozen ones included (numParams when nothing is frozen). */
  numTotal(): number {
    const task = this.lanes[0]?.task;
    return task?.numTotal ?? task?.numParams ?? 0;
  }

  /** The task's reference losses for the loss chart ([] for tasks without any). */
  references(): LossReference[] {
    return [...(this.lanes[0]?.task.references ?? [])].map((r) => ({ ...r }));
  }

  /** The variables of a lane (for pictures, diagnostics and tests). */
  laneParams(laneIdx: number): readonly tf.Variable[] {
    return this.lanes[laneIdx].task.params;
  }

  /**
   * Record a live hyperparameter change; it applies just before the next step and becomes part of
   * the config's schedule, so replaying the config repeats it exactly.
   */
  setHyper(laneIdx: number, name: string, value: number): ScheduleEntry {
    const lane = this.lanes[laneIdx];
    if (!lane) throw new Error(`No lane ${laneIdx}`);
    const spec = optimizerSpec(lane.optimizer.id)!;
    if (!spec.hypers.some((h) => h.name === name)) throw new Error(`${spec.id} has no hyperparameter '${name}'`);
    lane.optimizer.setHyper(name, value);
    const entry = { step: this.step + 1, lane: laneIdx, name, value: lane.optimizer.getHyper()[name] };
    this.config.schedule = this.config.schedule.filter(
      (e) => !(e.step === entry.step && e.lane === laneIdx && e.name === name),
    );
    this.config.schedule.push(entry);
    return entry;
  }

  /**
   * Peak bytes of one step of each lane (run/memory.ts), measured with tf.profile on a scratch copy of
   * the lane (same task, optimizer and hyperparameters; its second step, so lazily built state is
   * excluded from the peak and counted as state). The real lanes are never profiled: profiling would
   * slow them and change nothing they compute. A lane that has not stepped yet takes the scratch
   * copy's state bytes, so Adam's moments show before its first step.
   */
  async measurePeaks(): Promise<void> {
    for (const lane of this.lanes) {
      const task = TASK_FACTORIES[this.config.task.id](this.config.task.settings, this.config.seed);
      const optimizer = optimizerFactory(lane.optimizer.id)(lane.optimizer.getHyper(), this.config.seed);
      try {
        const measured = await measureStepMemory(task, optimizer);
        lane.memory.peakStepBytes = measured.peakStepBytes;
        if (lane.optimizer.iterations === 0) lane.memory.stateBytes = measured.stateBytes;
      } catch {
        lane.memory.peakStepBytes = NaN; // e.g. an optimizer that refuses the task
      } finally {
        optimizer.dispose();
        task.dispose();
      }
    }
  }

  /** The lane's bytes (a worker `memory` event adds the lane index). */
  laneMemory(laneIdx: number): Readonly<Omit<LaneMemory, 'lane'>> {
    return this.lanes[laneIdx].memory;
  }

  /** Turn a lane's gradient diagnostics on or off (does not change its trajectory). */
  setDiagnostics(laneIdx: number, on: boolean): void {
    const lane = this.lanes[laneIdx];
    if (!lane) throw new Error(`No lane ${laneIdx}`);
    lane.diagnostics = on;
    lane.optimizer.captureEstimate = on;
    if (on) this.config.lanes[laneIdx].diagnostics = true;
    else delete this.config.lanes[laneIdx].diagnostics;
  }

  private applySchedule(step: number): void {
    for (const e of this.config.schedule)
      if (e.step === step) this.lanes[e.lane]?.optimizer.setHyper(e.name, e.value);
  }

  /** Run up to `maxSteps` steps of every live lane, then read all losses back at once. */
  async runChunk(maxSteps: number): Promise<ChunkResult> {
    const pending: PendingStep[] = [];
    const failed: number[] = [];
    const timing: ChunkTiming = { laneMs: this.lanes.map(() => 0), evalMs: 0, diagnosticsMs: 0, readbackMs: 0 };
    const stepsToRun = Math.min(maxSteps, this.config.steps - this.step);
    for (let s = 0; s < stepsToRun && !this.done; s++) {
      const step = this.step + 1;
      this.applySchedule(step);
      const evalNow = step % this.config.evalEvery === 0 || step === this.config.steps;
      for (const [laneIdx, lane] of this.lanes.entries()) {
        if (stopped(lane.state)) continue;
        lane.state.status = 'running';
        const t0 = performance.now();
        const batch = lane.task.batch(step);
        const f = () => lane.task.loss(batch);
        let diagMs = 0;
        let evalMs = 0;
        try {
          // Diagnostics (true gradient, snapshot, comparison) are neither timed nor counted.
          const td = performance.now();
          const before = lane.diagnostics ? this.diagnosticsBefore(lane, f) : null;
          if (before) diagMs = performance.now() - td;
          const train = (await lane.optimizer.minimizeAsync(f, true, lane.task.params))!;
          const ta = performance.now();
          const diag = before ? this.diagnosticsAfter(lane, before) : [];
          if (before) diagMs += performance.now() - ta;
          lane.task.afterStep?.(batch, step);
          lane.state.forwardPasses += lane.optimizer.forwardPassesPerStep();
          const te = performance.now();
          const evals = evalNow ? lane.task.evaluate() : [];
          evalMs = performance.now() - te;
          lane.state.wallMs += performance.now() - t0 - diagMs;
          const { forwardPasses, wallMs } = lane.state;
          const variance = lane.optimizer.takeVariance() ?? [];
          pending.push({ lane: laneIdx, step, forwardPasses, wallMs, train, evals, diag, variance });
        } catch (e) {
          lane.state.status = 'failed';
          lane.state.message = e instanceof Error ? e.message : String(e);
          failed.push(laneIdx);
        } finally {
          if (batch) tf.dispose([batch.x, batch.y]);
          // Counted by the optimizer from the state it owns (not inferred from tf.memory()).
          lane.memory.stateBytes = lane.optimizer.stateBytes();
          timing.laneMs[laneIdx] += performance.now() - t0 - diagMs - evalMs;
          timing.diagnosticsMs += diagMs;
          timing.evalMs += evalMs;
        }
      }
      this.step = step;
    }
    const tr = performance.now();
    const result = await this.readBack(pending);
    timing.readbackMs = performance.now() - tr;
    for (const lane of failed) if (!result.changed.includes(lane)) result.changed.push(lane);
    return { ...result, timing };
  }

  /** The true gradient on the step's batch and, for optimizers without an estimate, θ before the step. */
  private diagnosticsBefore(lane: Lane, f: () => tf.Scalar): { grad: tf.Tensor[]; theta: tf.Tensor[] } {
    const params = lane.task.params;
    const { value, grads } = tf.variableGrads(f, params as tf.Variable[]);
    value.dispose();
    return { grad: params.map((v) => grads[v.name]), theta: params.map((v) => v.clone()) };
  }

  /**
   * cos(ĝ, ∇L) and ‖ĝ − ∇L‖/‖∇L‖ on the device. Optimizers that form no gradient estimate
   * (strategies, HiZOO, LOZO) are compared through their update direction −Δθ: cosine only.
   */
  private diagnosticsAfter(lane: Lane, before: { grad: tf.Tensor[]; theta: tf.Tensor[] }): tf.Scalar[] {
    const estimate = lane.optimizer.takeEstimate(lane.task.params);
    const out = tf.tidy(() => {
      const g = estimate ?? lane.task.params.map((v, i) => tf.sub(before.theta[i], v));
      const dot = tf.addN(g.map((t, i) => tf.sum(tf.mul(t, before.grad[i]))));
      const norm2 = (ts: tf.Tensor[]) => tf.addN(ts.map((t) => tf.sum(tf.square(t))));
      const gradNorm = tf.sqrt(norm2(before.grad));
      const cos = tf.div(dot, tf.add(tf.mul(tf.sqrt(norm2(g)), gradNorm), 1e-30)) as tf.Scalar;
      const relErr = estimate
        ? (tf.div(tf.sqrt(norm2(g.map((t, i) => tf.sub(t, before.grad[i])))), tf.add(gradNorm, 1e-30)) as tf.Scalar)
        : tf.scalar(NaN);
      return [cos, relErr];
    });
    tf.dispose([...before.grad, ...before.theta]);
    if (estimate) tf.dispose(estimate);
    return out;
  }

  private async readBack(pending: PendingStep[]): Promise<Omit<ChunkResult, 'timing'>> {
    const scalars = pending.flatMap((p) => [p.train, ...p.evals, ...p.diag, ...p.variance]);
    let values: Float32Array = new Float32Array(0);
    if (scalars.length > 0) {
      const stacked = tf.stack(scalars);
      values = (await stacked.data()) as Float32Array;
      stacked.dispose();
    }
    tf.dispose(scalars);
    const rows = new Float64Array(pending.length * NUM_METRIC_COLUMNS);
    const changed = new Set<number>();
    const stoppedAt = new Map<number, number>();
    let numRows = 0;
    let offset = 0;
    for (const p of pending) {
      const train = values[offset];
      const evalLoss = p.evals.length > 0 ? values[offset + 1] : NaN;
      const evalMetric = p.evals.length > 1 ? values[offset + 2] : NaN;
      const gradCos = p.diag.length > 0 ? values[offset + 1 + p.evals.length] : NaN;
      const gradRelErr = p.diag.length > 1 ? values[offset + 2 + p.evals.length] : NaN;
      const at = offset + 1 + p.evals.length + p.diag.length;
      const [varNoise, varSignal] = p.variance.length > 0 ? [values[at], values[at + 1]] : [NaN, NaN];
      offset = at + p.variance.length;
      if (stoppedAt.has(p.lane)) continue; // steps run after a divergence inside this chunk
      const state = this.lanes[p.lane].state;
      state.firstLoss ??= train;
      const { lane, step, forwardPasses, wallMs } = p;
      writeRow(rows, numRows, { lane, step, forwardPasses, wallMs, trainLoss: train, evalLoss, evalMetric, gradCos, gradRelErr, varNoise, varSignal });
      numRows++;
      if (!Number.isFinite(train) || Math.abs(train) > DIVERGENCE_FACTOR * Math.max(Math.abs(state.firstLoss), 1e-3)) {
        state.status = 'diverged';
        state.divergedAt = p.step;
        state.divergedValue = train;
        stoppedAt.set(p.lane, p.step);
        changed.add(p.lane);
      }
    }
    if (this.step >= this.config.steps)
      this.lanes.forEach((lane, i) => {
        if (!stopped(lane.state) && lane.state.status !== 'done') {
          lane.state.status = 'done';
          changed.add(i);
        }
      });
    return { rows: rows.subarray(0, numRows * NUM_METRIC_COLUMNS), numRows, changed: [...changed] };
  }

  /** The task's picture now (null when the task has none). Never call while a chunk runs. */
  picture(): Promise<TaskPicture | null> {
    return buildTaskPicture(
      this.config.task.id,
      this.lanes.map((l) => l.task),
      this.step,
    );
  }

  dispose(): void {
    for (const lane of this.lanes) {
      lane.optimizer.dispose();
      lane.task.dispose();
    }
  }
}
