import * as tf from '@tensorflow/tfjs';
import { optimizerSpec } from './catalog/optimizers';
import { RunConfigSchema, type RunConfig, type ScheduleEntry } from './config';
import { OPTIMIZER_FACTORIES, type Optimizer } from './optimizers';
import { TASK_FACTORIES, type TaskInstance } from './tasks';
import { buildTaskView } from './tasks/views';
import type { TaskView } from './views';

/**
 * The runner steps every lane in lockstep on its own task instance (same seed → same weights and
 * batches), counts forward passes, times each lane, evaluates every k steps, applies scheduled
 * hyperparameter changes at step boundaries, and stops a lane that diverges.
 * Losses are read back once per chunk of steps (one `await data()`), never inside a step.
 */

/** Columns of a metric row; eval columns are NaN on steps without evaluation. */
export const METRIC_COLUMNS = ['lane', 'step', 'forwardPasses', 'wallMs', 'trainLoss', 'evalLoss', 'evalMetric'] as const;
export const NUM_METRIC_COLUMNS = METRIC_COLUMNS.length;

/** A lane stops when its loss is NaN/±Inf or exceeds this factor times its first loss. */
export const DIVERGENCE_FACTOR = 1e4;

export type LaneStatus = 'ready' | 'running' | 'done' | 'diverged';

export interface LaneState {
  status: LaneStatus;
  forwardPasses: number;
  wallMs: number;
  /** Step at which the lane diverged, and the loss it had. */
  divergedAt?: number;
  divergedValue?: number;
  firstLoss?: number;
}

interface Lane {
  task: TaskInstance;
  optimizer: Optimizer;
  state: LaneState;
}

export interface ChunkResult {
  /** Row-major [rows × NUM_METRIC_COLUMNS]. */
  rows: Float64Array;
  numRows: number;
  /** Lanes whose status changed in this chunk. */
  changed: number[];
}

/** A lane's step whose losses are still on the device. */
interface PendingStep {
  lane: number;
  step: number;
  forwardPasses: number;
  wallMs: number;
  train: tf.Scalar;
  evals: tf.Scalar[];
}

export class Runner {
  readonly config: RunConfig;
  private readonly lanes: Lane[];
  /** Steps completed by the run (all lanes in lockstep). */
  step = 0;

  constructor(config: RunConfig) {
    this.config = RunConfigSchema.parse(structuredClone(config));
    const createTask = TASK_FACTORIES[this.config.task.id];
    this.lanes = this.config.lanes.map((laneConfig) => {
      const task = createTask(this.config.task.settings, this.config.seed);
      const optimizer = OPTIMIZER_FACTORIES[laneConfig.optimizer](laneConfig.hyper, this.config.seed);
      return { task, optimizer, state: { status: 'ready', forwardPasses: 0, wallMs: 0 } };
    });
  }

  get numLanes(): number {
    return this.lanes.length;
  }

  get done(): boolean {
    return this.step >= this.config.steps || this.lanes.every((l) => l.state.status === 'diverged');
  }

  laneState(laneIdx: number): Readonly<LaneState> {
    return this.lanes[laneIdx].state;
  }

  numParams(): number {
    return this.lanes[0]?.task.numParams ?? 0;
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

  private applySchedule(step: number): void {
    for (const e of this.config.schedule)
      if (e.step === step) this.lanes[e.lane]?.optimizer.setHyper(e.name, e.value);
  }

  /** Run up to `maxSteps` steps of every live lane, then read all losses back at once. */
  async runChunk(maxSteps: number): Promise<ChunkResult> {
    const pending: PendingStep[] = [];
    const stepsToRun = Math.min(maxSteps, this.config.steps - this.step);
    for (let s = 0; s < stepsToRun && !this.done; s++) {
      const step = this.step + 1;
      this.applySchedule(step);
      const evalNow = step % this.config.evalEvery === 0 || step === this.config.steps;
      this.lanes.forEach((lane, laneIdx) => {
        if (lane.state.status === 'diverged') return;
        lane.state.status = 'running';
        const t0 = performance.now();
        const batch = lane.task.batch(step);
        const train = lane.optimizer.minimize(() => lane.task.loss(batch), true, lane.task.params)!;
        if (batch) tf.dispose([batch.x, batch.y]);
        lane.state.forwardPasses += lane.optimizer.forwardPassesPerStep();
        const evals = evalNow ? lane.task.evaluate() : [];
        lane.state.wallMs += performance.now() - t0;
        const { forwardPasses, wallMs } = lane.state;
        pending.push({ lane: laneIdx, step, forwardPasses, wallMs, train, evals });
      });
      this.step = step;
    }
    return this.readBack(pending);
  }

  private async readBack(pending: PendingStep[]): Promise<ChunkResult> {
    const scalars = pending.flatMap((p) => [p.train, ...p.evals]);
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
      offset += 1 + p.evals.length;
      if (stoppedAt.has(p.lane)) continue; // steps run after a divergence inside this chunk
      const state = this.lanes[p.lane].state;
      state.firstLoss ??= train;
      rows.set([p.lane, p.step, p.forwardPasses, p.wallMs, train, evalLoss, evalMetric], numRows * NUM_METRIC_COLUMNS);
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
        if (lane.state.status !== 'diverged' && lane.state.status !== 'done') {
          lane.state.status = 'done';
          changed.add(i);
        }
      });
    return { rows: rows.subarray(0, numRows * NUM_METRIC_COLUMNS), numRows, changed: [...changed] };
  }

  /** The task's picture now (null when the task has none). Never call while a chunk runs. */
  view(): Promise<TaskView | null> {
    return buildTaskView(
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
