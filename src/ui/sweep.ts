import { optimizerSpec } from '../core/catalog/optimizers';
import { taskSpec } from '../core/catalog/tasks';
import { fitToSpec, type ParamSpec } from '../core/catalog/types';
import type { RunConfig } from '../core/config';
import type { LaneStatusInfo } from '../worker/protocol';
import type { RunSeries } from './series';
import type { SweepAxis, SweepCell, SweepSettings } from './store/sweepSlice';

/**
 * The sweep's pure parts: grid values, one RunConfig per cell, and the number a cell shows.
 * A cell is an ordinary one-lane run of the swept lane's optimizer, so opening it replays it.
 */

/**
 * An axis names a hyperparameter of the swept lane (`lr`) or, prefixed as in share links, a numeric
 * setting of the task (`t.d`): lr × d shows how the stable step shrinks with the dimension.
 */
export const TASK_AXIS = 't.';

/** The spec an axis ranges over, or undefined when the lane's optimizer or the task lacks it. */
export function axisSpec(config: RunConfig, laneIdx: number, name: string): ParamSpec | undefined {
  const specs = name.startsWith(TASK_AXIS)
    ? taskSpec(config.task.id)?.settings
    : optimizerSpec(config.lanes[laneIdx]?.optimizer ?? '')?.hypers;
  const bare = name.startsWith(TASK_AXIS) ? name.slice(TASK_AXIS.length) : name;
  return specs?.find((p) => p.name === bare && !p.choices);
}

/** The axis's current value in the run (the centre of its default range). */
export function axisCurrent(config: RunConfig, laneIdx: number, spec: ParamSpec, name: string): number {
  const current = name.startsWith(TASK_AXIS) ? config.task.settings[spec.name] : config.lanes[laneIdx]?.hyper[spec.name];
  return current ?? spec.default;
}

/** How an axis reads in the form and on the heatmap: `lr`, or `task d`. */
export const axisLabel = (name: string): string => (name.startsWith(TASK_AXIS) ? `task ${name.slice(TASK_AXIS.length)}` : name);

/** The second-axis choices: the lane's other numeric hyperparameters, then the task's numeric settings. */
export function columnChoices(config: RunConfig, sweep: SweepSettings): string[] {
  const hypers = optimizerSpec(config.lanes[sweep.laneIdx]?.optimizer ?? '')?.hypers ?? [];
  const settings = taskSpec(config.task.id)?.settings ?? [];
  return [
    ...hypers.filter((h) => !h.choices && h.name !== sweep.rows.name).map((h) => h.name),
    ...settings.filter((p) => !p.choices).map((p) => TASK_AXIS + p.name),
  ];
}

/** Three significant digits keep values readable in links (0.00316, not 0.0031622776…). */
const tidy = (x: number) => Number(x.toPrecision(3));

/** `count` values from `from` to `to`: log-spaced for log specs, linear otherwise, fitted to the spec. */
export function axisValues(spec: ParamSpec | undefined, axis: SweepAxis): number[] {
  const n = Math.max(1, Math.round(axis.count));
  const log = spec?.log && axis.from > 0 && axis.to > 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = n === 1 ? 0 : i / (n - 1);
    const raw = log
      ? Math.exp(Math.log(axis.from) + t * (Math.log(axis.to) - Math.log(axis.from)))
      : axis.from + t * (axis.to - axis.from);
    const v = spec ? fitToSpec(spec, tidy(raw)).value : tidy(raw);
    if (!out.includes(v)) out.push(v);
  }
  return out;
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

/** The default range of a column axis (hyperparameter or task setting) around its current value. */
export function columnAxis(spec: ParamSpec, value: number, name = spec.name): SweepAxis {
  if (spec.log && value > 0)
    return { name, from: tidy(Math.max(spec.min, value / 10)), to: tidy(Math.min(spec.max, value * 10)), count: 3 };
  if (spec.integer) return { name, from: spec.min, to: Math.min(spec.max, spec.min + 7), count: 3 };
  return { name, from: spec.min, to: spec.max, count: 3 };
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

/** What a finished cell shows: its final eval loss (else its last train loss), or where it diverged. */
export function cellOutcome(run: RunSeries, statuses: LaneStatusInfo[]): Pick<SweepCell, 'status' | 'finalLoss' | 'divergedAt'> {
  const status = statuses[0];
  if (status?.status === 'diverged') return { status: 'diverged', finalLoss: NaN, divergedAt: status.divergedAt };
  const latest = run.latest(0);
  if (!latest) return { status: 'failed', finalLoss: NaN };
  const finalLoss = Number.isFinite(latest.evalLoss) ? latest.evalLoss : latest.trainLoss;
  return { status: 'done', finalLoss };
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

/** Colour of a final loss on the sweep's scale: log-spaced from the best (bright) to the worst (dark). */
const RAMP = [
  [253, 231, 37],
  [94, 201, 98],
  [33, 145, 140],
  [59, 82, 139],
  [68, 1, 84],
];
export function lossColour(loss: number, best: number, worst: number): { background: string; color: string } {
  const log = (x: number) => Math.log(Math.max(x, 1e-300));
  const lo = log(best);
  const span = log(worst) - lo;
  const t = span > 0 ? Math.min(1, Math.max(0, (log(loss) - lo) / span)) : 0;
  const pos = t * (RAMP.length - 1);
  const k = Math.min(RAMP.length - 2, Math.floor(pos));
  const f = pos - k;
  const c = RAMP[k].map((a, j) => Math.round(a + f * (RAMP[k + 1][j] - a)));
  return { background: `rgb(${c[0]} ${c[1]} ${c[2]})`, color: t > 0.45 ? '#fff' : '#111' };
}
