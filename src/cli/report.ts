import { optimizerSpec } from '../core/optimizers/specs';
import { taskSpec } from '../core/tasks/specs';
import { axisLabel, type SeedSpread, type SweepCell, type SweepSettings } from '../core/run/experiments';
import { latestOf } from '../core/run/record';
import type { RunOutcome } from './run';

/** What the CLI prints: the per-lane summary of a run, a sweep's grid, the spread across seeds. */

const precise = (x: number, digits: number): number => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : x);

/** One row per lane: status, steps, forward passes, losses, the task metric, speed. */
export function printRunSummary(outcome: RunOutcome): void {
  const task = taskSpec(outcome.config.task.id)!;
  const table = outcome.config.lanes.map((lane, idx) => {
    const latest = latestOf(outcome.records[idx]);
    const state = outcome.statuses[idx];
    return {
      lane: idx,
      optimizer: optimizerSpec(lane.optimizer)!.label,
      status: state.status === 'diverged' ? `diverged at step ${state.divergedAt}` : state.status,
      steps: latest?.step ?? 0,
      'forward passes': latest?.forwardPasses ?? 0,
      'train loss': latest ? precise(latest.trainLoss, 5) : NaN,
      'eval loss': latest ? precise(latest.evalLoss, 5) : NaN,
      ...(task.metric ? { [task.metric]: latest ? precise(latest.evalMetric, 4) : NaN } : {}),
      'steps/s': latest && latest.wallMs > 0 ? Math.round((1000 * latest.step) / latest.wallMs) : NaN,
    };
  });
  console.table(table);
}

const cellText = (cell: SweepCell): number | string =>
  cell.status === 'diverged' ? `diverged at ${cell.divergedAt}` : cell.status === 'failed' ? `failed${cell.message ? `: ${cell.message}` : ''}` : precise(cell.finalLoss, 5);

/** The grid of final eval losses: one row per value of the first axis, one column per value of the second. */
export function printSweepGrid(sweep: SweepSettings, cells: readonly SweepCell[]): void {
  const rowLabel = (cell: SweepCell) => `${axisLabel(sweep.rows.name)}=${cell.rowValue}`;
  const colLabel = (cell: SweepCell) => (sweep.cols ? `${axisLabel(sweep.cols.name)}=${cell.colValue}` : 'final eval loss');
  const grid: Record<string, Record<string, number | string>> = {};
  for (const cell of cells) (grid[rowLabel(cell)] ??= {})[colLabel(cell)] = cellText(cell);
  console.table(grid);
}

/** Per lane: the final eval loss over the seeds, its mean, min–max and ±σ. */
export function printSeedSpread(outcome: RunOutcome, spreads: readonly SeedSpread[], numSeeds: number): void {
  const table = outcome.config.lanes.map((lane, idx) => {
    const s = spreads[idx];
    return {
      lane: idx,
      optimizer: optimizerSpec(lane.optimizer)!.label,
      seeds: s.n === numSeeds ? numSeeds : `${s.n} of ${numSeeds} (others diverged or failed)`,
      'mean eval loss': precise(s.mean, 5),
      'min–max': `${precise(s.min, 5)} – ${precise(s.max, 5)}`,
      '±σ': precise(s.sd, 3),
    };
  });
  console.table(table);
}
