import type { CsvRow } from '../core/csv';
import { METRIC_ROW_WIDTH } from '../worker/protocol';

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

/**
 * Gradient diagnostics arrive as optional metric columns after the 7 standard ones:
 * 7 = cos(ĝ, ∇L), 8 = ‖ĝ − ∇L‖ / ‖∇L‖ (NaN on steps or lanes without diagnostics).
 */
export const GRAD_COS_COLUMN = 7;
export const GRAD_REL_ERR_COLUMN = 8;

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

  get length(): number {
    return this.step.length;
  }
}

export type XKey = 'step' | 'forwardPasses' | 'wallMs';

export interface LaneLatest {
  step: number;
  forwardPasses: number;
  wallMs: number;
  trainLoss: number;
  evalLoss: number;
  evalMetric: number;
}

/** The results of one run: a LaneSeries per lane, fed with `metrics` batches. */
export class RunSeries {
  lanes: LaneSeries[] = [];

  /** Append a `metrics` batch: row-major [numRows × width]. */
  append(rows: Float64Array, numRows: number, width: number = METRIC_ROW_WIDTH): void {
    for (let r = 0; r < numRows; r++) {
      const o = r * width;
      const laneIdx = rows[o];
      while (this.lanes.length <= laneIdx) this.lanes.push(new LaneSeries());
      const s = this.lanes[laneIdx];
      s.step.push(rows[o + 1]);
      s.forwardPasses.push(rows[o + 2]);
      s.wallMs.push(rows[o + 3]);
      s.trainLoss.push(rows[o + 4]);
      if (!Number.isNaN(rows[o + 5]) || !Number.isNaN(rows[o + 6])) {
        s.evalRow.push(s.length - 1);
        s.evalLoss.push(rows[o + 5]);
        s.evalMetric.push(rows[o + 6]);
      }
      if (width > GRAD_REL_ERR_COLUMN) {
        const cos = rows[o + GRAD_COS_COLUMN];
        const relErr = rows[o + GRAD_REL_ERR_COLUMN];
        if (!Number.isNaN(cos) || !Number.isNaN(relErr)) {
          s.diagRow.push(s.length - 1);
          s.gradCos.push(cos);
          s.gradRelErr.push(relErr);
        }
      }
    }
  }

  latest(laneIdx: number): LaneLatest | null {
    const s = this.lanes[laneIdx];
    if (!s || s.length === 0) return null;
    const e = s.evalLoss.length - 1;
    const i = s.length - 1;
    return {
      step: s.step.data[i],
      forwardPasses: s.forwardPasses.data[i],
      wallMs: s.wallMs.data[i],
      trainLoss: s.trainLoss.data[i],
      evalLoss: e >= 0 ? s.evalLoss.data[e] : NaN,
      evalMetric: e >= 0 ? s.evalMetric.data[e] : NaN,
    };
  }

  /** All recorded rows for `toCsv`; `optimizerOf` names each lane's optimizer id. */
  csvRows(optimizerOf: (laneIdx: number) => string): CsvRow[] {
    const out: CsvRow[] = [];
    this.lanes.forEach((s, lane) => {
      const optimizer = optimizerOf(lane);
      let e = 0;
      for (let i = 0; i < s.length; i++) {
        const evaluated = e < s.evalRow.length && s.evalRow.data[e] === i;
        out.push({
          lane,
          optimizer,
          step: s.step.data[i],
          forwardPasses: s.forwardPasses.data[i],
          wallMs: s.wallMs.data[i],
          trainLoss: s.trainLoss.data[i],
          evalLoss: evaluated ? s.evalLoss.data[e] : NaN,
        });
        if (evaluated) e++;
      }
    });
    return out;
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
let version = 0;
const listeners = new Set<() => void>();

function notify(): void {
  version++;
  for (const l of listeners) l();
}

/** The current run's results (the main worker's), with change notification for the charts. */
export const series = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  version: (): number => version,
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
