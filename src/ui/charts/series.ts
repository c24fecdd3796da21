import { COLUMN, NUM_METRIC_COLUMNS } from '../../core/run/metrics';
import { latestOf, type LaneLatest, type LaneRecord } from '../../core/run/record';
import { csvRowsOf, type CsvRow } from '../../export/csv';
import { smallStore } from '../store/smallStore';

/**
 * Recorded results, kept outside React state: one set of growable typed-array columns per lane.
 * Train rows are dense (one per step); eval rows are sparse and point back at their train row.
 * Losses are float32 values from tfjs, so Float32Array stores them exactly.
 */

class Column<T extends Float64Array | Float32Array | Int32Array> {
  length = 0;
  constructor(private make: (n: number) => T, public data: T) {}
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const f64 = (n = 256) => new Column((k) => new Float64Array(k), new Float64Array(n));
const f32 = (n = 256) => new Column((k) => new Float32Array(k), new Float32Array(n));
const i32 = (n = 64) => new Column((k) => new Int32Array(k), new Int32Array(n));

export class LaneSeries {
  readonly step = i32(256);
  readonly forwardPasses = f64();
  readonly wallMs = f64();
  readonly trainLoss = f32();
  /** Index into the train columns of each evaluated step. */
  readonly evalRow = i32();
  readonly evalLoss = f32(64);
  readonly evalMetric = f32(64);
  /** Index into the train columns of each step with gradient diagnostics. */
  readonly diagRow = i32();
  readonly gradCos = f32(64);
  readonly gradRelErr = f32(64);
  /** Index into the train columns of each step whose estimator reported its variance (V̂, Ŝ). */
  readonly varRow = i32();
  readonly varNoise = f32(64);
  readonly varSignal = f32(64);

  get length(): number {
    return this.step.length;
  }

  /** The recorded columns, trimmed to their length (for the exporters). */
  record(): LaneRecord {
    const { step, forwardPasses, wallMs, trainLoss, evalRow, evalLoss, evalMetric } = this;
    return {
      step: step.view(),
      forwardPasses: forwardPasses.view(),
      wallMs: wallMs.view(),
      trainLoss: trainLoss.view(),
      evalRow: evalRow.view(),
      evalLoss: evalLoss.view(),
      evalMetric: evalMetric.view(),
    };
  }
}

export type XKey = 'step' | 'forwardPasses' | 'wallMs';

export type { LaneLatest };

/** The results of one run: a LaneSeries per lane, fed with `metrics` batches. */
export class RunSeries {
  lanes: LaneSeries[] = [];

  /** Append a `metrics` batch: row-major [numRows × NUM_METRIC_COLUMNS], columns as METRIC_COLUMNS. */
  append(rows: Float64Array, numRows: number): void {
    for (let r = 0; r < numRows; r++) {
      const o = r * NUM_METRIC_COLUMNS;
      const laneIdx = rows[o + COLUMN.lane];
      while (this.lanes.length <= laneIdx) this.lanes.push(new LaneSeries());
      const s = this.lanes[laneIdx];
      s.step.push(rows[o + COLUMN.step]);
      s.forwardPasses.push(rows[o + COLUMN.forwardPasses]);
      s.wallMs.push(rows[o + COLUMN.wallMs]);
      s.trainLoss.push(rows[o + COLUMN.trainLoss]);
      const evalLoss = rows[o + COLUMN.evalLoss];
      const evalMetric = rows[o + COLUMN.evalMetric];
      if (!Number.isNaN(evalLoss) || !Number.isNaN(evalMetric)) {
        s.evalRow.push(s.length - 1);
        s.evalLoss.push(evalLoss);
        s.evalMetric.push(evalMetric);
      }
      const cos = rows[o + COLUMN.gradCos];
      const relErr = rows[o + COLUMN.gradRelErr];
      if (!Number.isNaN(cos) || !Number.isNaN(relErr)) {
        s.diagRow.push(s.length - 1);
        s.gradCos.push(cos);
        s.gradRelErr.push(relErr);
      }
      const noise = rows[o + COLUMN.varNoise];
      if (!Number.isNaN(noise)) {
        s.varRow.push(s.length - 1);
        s.varNoise.push(noise);
        s.varSignal.push(rows[o + COLUMN.varSignal]);
      }
    }
  }

  latest(laneIdx: number): LaneLatest | null {
    const s = this.lanes[laneIdx];
    return s ? latestOf(s.record()) : null;
  }

  /** Every lane's record, for the exporters. */
  records(): LaneRecord[] {
    return this.lanes.map((s) => s.record());
  }

  /** All recorded rows for `toCsv`; `optimizerOf` names each lane's optimizer id. */
  csvRows(optimizerOf: (laneIdx: number) => string): CsvRow[] {
    return csvRowsOf(this.records(), optimizerOf);
  }
}

/** Index of the last row whose `x` is ≤ `value` in a nondecreasing column (−1 when none). */
export function lastAtOrBefore(x: ArrayLike<number>, n: number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

let run = new RunSeries();
/** Grows with every change of `run`; its subscribers are told synchronously. */
const changes = smallStore({ version: 0 });
const notify = (): void => changes.set((s) => ({ version: s.version + 1 }));

/** The current run's results (the main worker's), with change notification for the charts. */
export const series = {
  subscribe: (listener: () => void): (() => void) => changes.subscribe(listener),
  version: (): number => changes.get().version,
  run: (): RunSeries => run,
  numLanes: (): number => run.lanes.length,
  lane: (laneIdx: number): LaneSeries | undefined => run.lanes[laneIdx],
  length: (laneIdx: number): number => run.lanes[laneIdx]?.length ?? 0,

  clear(): void {
    run = new RunSeries();
    notify();
  },

  append(rows: Float64Array, numRows: number): void {
    run.append(rows, numRows);
    if (numRows > 0) notify();
  },

  latest: (laneIdx: number): LaneLatest | null => run.latest(laneIdx),
  csvRows: (optimizerOf: (laneIdx: number) => string): CsvRow[] => run.csvRows(optimizerOf),
};
