import type { RunConfig } from '../core/run/config';
import { decodeRows, type LaneStatusInfo, type MetricRow } from '../core/run/metrics';
import { recordRows, type LaneRecord } from '../core/run/record';
import { Runner } from '../core/run/runner';
import { loadTaskAssets } from '../core/tasks/assets';
import { csvRowsOf, type CsvRow } from '../export/csv';

/** One RunConfig played to its end in Node, as the browser's worker plays it (chunks of 5 steps). */

export interface RunOutcome {
  config: RunConfig;
  numParams: number;
  rows: MetricRow[];
  /** The rows per lane, as the exporters read them. */
  records: LaneRecord[];
  statuses: LaneStatusInfo[];
  totalMs: number;
}

/** Steps per chunk: losses are read back once a chunk, and a diverging lane stops within it. */
const CHUNK_STEPS = 5;

export interface RunHooks {
  /** Called once the lanes are built, before the first step. */
  onStart?: (runner: Runner) => void;
  onProgress?: (step: number) => void;
}

export async function runToEnd(config: RunConfig, { onStart, onProgress }: RunHooks = {}): Promise<RunOutcome> {
  await loadTaskAssets(config.task.id);
  const runner = new Runner(config);
  onStart?.(runner);
  const rows: MetricRow[] = [];
  const t0 = performance.now();
  try {
    while (!runner.done) {
      const chunk = await runner.runChunk(CHUNK_STEPS);
      rows.push(...decodeRows(chunk.rows, chunk.numRows));
      onProgress?.(runner.step);
    }
    const statuses = config.lanes.map((_, lane) => runner.laneStatus(lane));
    return { config, numParams: runner.numParams(), rows, records: recordRows(rows, config.lanes.length), statuses, totalMs: performance.now() - t0 };
  } finally {
    runner.dispose();
  }
}

/** The outcome's rows for the CSV; the optimizer column is each lane's optimizer id. */
export const csvRowsOfOutcome = (outcome: RunOutcome): CsvRow[] =>
  csvRowsOf(outcome.records, (lane) => outcome.config.lanes[lane].optimizer);

/** A progress line on stderr when it is a terminal (never in files or pipes). */
export function progressReporter(label: string, steps: number): ((step: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let next = 0;
  return (step) => {
    if (performance.now() < next && step < steps) return;
    process.stderr.write(`\r${label}step ${step}/${steps}`);
    next = performance.now() + 500;
  };
}

/** Clear the progress line. */
export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}
