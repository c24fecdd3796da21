import { optimizerSpec } from '../../optimizers/specs';
import { taskSpec } from '../../tasks/specs';
import type { RunConfig } from '../config';
import type { LaneStatusInfo } from '../metrics';
import type { LaneLatest } from '../record';
import { TASK_AXIS, axisSpec, axisValues, columnAxis, tidy, type SweepAxis } from './axes';

/**
 * A sweep: one RunConfig per grid cell, and the number a finished cell shows. A cell is an ordinary
 * one-lane run of the swept lane's optimizer, so opening (or replaying) it gives the same run.
 */

export interface SweepSettings {
  /** The lane whose optimizer (and other hyperparameters) the sweep varies. */
  laneIdx: number;
  rows: SweepAxis;
  /** Null: a one-axis sweep. */
  cols: SweepAxis | null;
  steps: number;
}

/** `cancelled`: the sweep was cancelled before this cell finished (not a failure of its run). */
export type CellStatus = 'queued' | 'running' | 'done' | 'diverged' | 'failed' | 'cancelled';

export interface SweepCell {
  row: number;
  col: number;
  rowValue: number;
  colValue: number | null;
  config: RunConfig;
  status: CellStatus;
  /** Final eval loss (or last train loss when the task has no eval); NaN until known. */
  finalLoss: number;
  divergedAt?: number;
  message?: string;
}

/** The second-axis choices: the lane's other numeric hyperparameters, then the task's numeric settings. */
export function columnChoices(config: RunConfig, sweep: SweepSettings): string[] {
  const hypers = optimizerSpec(config.lanes[sweep.laneIdx]?.optimizer ?? '')?.hypers ?? [];
  const settings = taskSpec(config.task.id)?.settings ?? [];
  return [
    ...hypers.filter((h) => !h.choices && h.name !== sweep.rows.name).map((h) => h.name),
    ...settings.filter((p) => !p.choices).map((p) => TASK_AXIS + p.name),
  ];
}

/** A sensible first grid for a lane: lr from ÷10 to ×10, and the next numeric hyperparameter. */
export function defaultSweep(config: RunConfig, laneIdx: number, steps = 200): SweepSettings | null {
  const lane = config.lanes[laneIdx];
  const spec = lane && optimizerSpec(lane.optimizer);
  if (!spec) return null;
  const lrSpec = spec.hypers.find((h) => h.name === 'lr') ?? spec.hypers.find((h) => !h.choices);
  if (!lrSpec) return null;
  const lr = lane.hyper[lrSpec.name] ?? lrSpec.default;
  const rows = { name: lrSpec.name, from: tidy(Math.max(lrSpec.min, lr / 10)), to: tidy(Math.min(lrSpec.max, lr * 10)), count: 3 };
  const colSpec = spec.hypers.find((h) => h !== lrSpec && !h.choices);
  const cols = colSpec ? columnAxis(colSpec, lane.hyper[colSpec.name] ?? colSpec.default, colSpec.name) : null;
  return { laneIdx, rows, cols, steps: Math.min(steps, config.steps) };
}

/** `name = value` into a cell's lane hyperparameters or, for `t.X`, its task settings. */
function assign(config: RunConfig, name: string, value: number): void {
  if (name.startsWith(TASK_AXIS)) config.task.settings[name.slice(TASK_AXIS.length)] = value;
  else config.lanes[0].hyper[name] = value;
}

/** The cells of a sweep, row-major (row = first axis). */
export function sweepCells(config: RunConfig, sweep: SweepSettings): SweepCell[] {
  const lane = config.lanes[sweep.laneIdx];
  const specOf = (name: string) => axisSpec(config, sweep.laneIdx, name);
  const rowValues = axisValues(specOf(sweep.rows.name), sweep.rows);
  const colValues: (number | null)[] = sweep.cols ? axisValues(specOf(sweep.cols.name), sweep.cols) : [null];
  const cells: SweepCell[] = [];
  rowValues.forEach((rowValue, row) =>
    colValues.forEach((colValue, col) => {
      const cellConfig: RunConfig = {
        ...structuredClone(config),
        lanes: [{ optimizer: lane.optimizer, hyper: { ...lane.hyper } }],
        steps: sweep.steps,
        evalEvery: Math.min(config.evalEvery, sweep.steps),
        schedule: [],
      };
      assign(cellConfig, sweep.rows.name, rowValue);
      if (sweep.cols && colValue !== null) assign(cellConfig, sweep.cols.name, colValue);
      cells.push({ row, col, rowValue, colValue, config: cellConfig, status: 'queued', finalLoss: NaN });
    }),
  );
  return cells;
}

/** A lane's final loss: its last eval loss, else (a task without eval) its last train loss. */
export const finalLoss = (latest: LaneLatest): number => (Number.isFinite(latest.evalLoss) ? latest.evalLoss : latest.trainLoss);

/**
 * What a finished cell shows, from its lane's status and latest values: its final loss, or where it
 * diverged; a cell that recorded nothing failed.
 */
export function cellOutcome(status: LaneStatusInfo | undefined, latest: LaneLatest | null): Pick<SweepCell, 'status' | 'finalLoss' | 'divergedAt'> {
  if (status?.status === 'diverged') return { status: 'diverged', finalLoss: NaN, divergedAt: status.divergedAt };
  if (!latest) return { status: 'failed', finalLoss: NaN };
  return { status: 'done', finalLoss: finalLoss(latest) };
}

/** The stored sweep if it still fits the config (its lane and hyperparameters exist), else a default. */
export function effectiveSweep(config: RunConfig, stored: SweepSettings | null): SweepSettings | null {
  if (stored) {
    const has = (name: string) => axisSpec(config, stored.laneIdx, name) !== undefined;
    if (has(stored.rows.name) && (!stored.cols || has(stored.cols.name))) return stored;
  }
  const zo = config.lanes.findIndex((l) => optimizerSpec(l.optimizer)?.family === 'zeroth-order');
  return defaultSweep(config, stored && config.lanes[stored.laneIdx] ? stored.laneIdx : Math.max(0, zo));
}
