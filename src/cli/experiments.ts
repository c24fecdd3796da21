import type { RunConfig } from '../core/run/config';
import { encodeConfig } from '../core/run/codec';
import {
  TASK_AXIS,
  axisLabel,
  axisSpec,
  axisValues,
  cellOutcome,
  columnChoices,
  replicaConfig,
  seedSpread,
  sweepCells,
  type SweepAxis,
  type SweepCell,
  type SweepSettings,
} from '../core/run/experiments';
import { latestOf } from '../core/run/record';
import { endProgress, progressReporter, runToEnd, type RunOutcome } from './run';

/**
 * `--sweep` and `--seeds`: the browser's grids and replicas (core/run/experiments), run one after
 * the other in this process.
 */

/** `NAME=FROM:TO:N[,NAME=FROM:TO:N]` read against the config: a sweep of its first lane. */
export function sweepFromSpec(spec: string, config: RunConfig): SweepSettings {
  const parts = spec.split(',').filter((p) => p.trim() !== '');
  if (parts.length < 1 || parts.length > 2) throw new Error(`--sweep takes one or two axes NAME=FROM:TO:N, separated by a comma; got '${spec}'`);
  const sweep: SweepSettings = { laneIdx: 0, rows: { name: '', from: 0, to: 0, count: 0 }, cols: null, steps: config.steps };
  const axes = parts.map((part): SweepAxis => {
    const m = /^\s*([^=\s]+)\s*=\s*([^:]+):([^:]+):([^:]+)$/.exec(part);
    if (!m) throw new Error(`--sweep axis '${part}' is not NAME=FROM:TO:N`);
    const [name, from, to, count] = [m[1], Number(m[2]), Number(m[3]), Number(m[4])];
    if (!axisSpec(config, 0, name)) {
      const choices = columnChoices(config, sweep).join(', '); // every numeric one: no row axis yet
      throw new Error(`--sweep: '${name}' is not a numeric hyperparameter of lane 0 (${config.lanes[0].optimizer}) or a task setting (${TASK_AXIS}NAME); choose from ${choices}`);
    }
    if (!Number.isFinite(from) || !Number.isFinite(to)) throw new Error(`--sweep ${name}: FROM and TO must be numbers; got '${m[2]}' and '${m[3]}'`);
    if (!Number.isInteger(count) || count < 1) throw new Error(`--sweep ${name}: N must be a whole number ≥ 1; got '${m[4]}'`);
    return { name, from, to, count };
  });
  if (axes[1]?.name === axes[0].name) throw new Error(`--sweep: both axes are '${axes[0].name}'`);
  return { ...sweep, rows: axes[0], cols: axes[1] ?? null };
}

/** A cell's outcome and the run behind it. */
export interface SweptCell {
  cell: SweepCell;
  outcome: RunOutcome;
}

export async function runSweep(config: RunConfig, sweep: SweepSettings): Promise<SweptCell[]> {
  const axisLine = (axis: SweepAxis) => `${axisLabel(axis.name)}: ${axisValues(axisSpec(config, 0, axis.name), axis).join(', ')}`;
  console.log(`sweep of lane 0 (${config.lanes[0].optimizer}), ${sweep.steps} steps a cell · ${[sweep.rows, ...(sweep.cols ? [sweep.cols] : [])].map(axisLine).join(' · ')}`);
  const cells = sweepCells(config, sweep);
  const out: SweptCell[] = [];
  for (const [index, cell] of cells.entries()) {
    const outcome = await runToEnd(cell.config, { onProgress: progressReporter(`cell ${index + 1}/${cells.length} `, sweep.steps) });
    endProgress();
    const done = { ...cell, ...cellOutcome(outcome.statuses[0], latestOf(outcome.records[0])) };
    console.log(`cell ${index}: ${encodeConfig(cell.config)}`);
    out.push({ cell: done, outcome });
  }
  return out;
}

/** The run with seed, seed + 1, …: the first is the link itself, the others its replicas. */
export async function runSeeds(config: RunConfig, numSeeds: number): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  for (let k = 0; k < numSeeds; k++) {
    const seedConfig = k === 0 ? config : replicaConfig(config, k);
    outcomes.push(await runToEnd(seedConfig, { onProgress: progressReporter(`seed ${seedConfig.seed} `, config.steps) }));
    endProgress();
  }
  return outcomes;
}

/** Each lane's final eval loss across the seeds (a diverged or failed seed has none). */
export const laneSpreads = (outcomes: readonly RunOutcome[]) =>
  outcomes[0].config.lanes.map((_, lane) =>
    seedSpread(outcomes.map((o) => cellOutcome(o.statuses[lane], latestOf(o.records[lane])).finalLoss)),
  );

/** `--seeds N` as a number of seeds (1 … 64). */
export function seedsFromSpec(spec: string): number {
  const n = Number(spec);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`--seeds takes a whole number from 1 to 64; got '${spec}'`);
  return n;
}
