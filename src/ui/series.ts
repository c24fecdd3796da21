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

export class LaneSeries {
  readonly step = i32(256);
  readonly forwardPasses = f64();
  readonly wallMs = f64();
  readonly trainLoss = f32();
  /** Index into the train columns of each evaluated step. */
  readonly evalRow = i32();
  readonly evalLoss = f32(64);
  readonly evalMetric = f32(64);

  get length(): number {
    return this.step.length;
  }
}

export type XKey = 'step' | 'forwardPasses' | 'wallMs';

export interface LaneLatest {
  trainLoss: number;
  evalLoss: number;
  evalMetric: number;
}

let lanes: LaneSeries[] = [];
let version = 0;
const listeners = new Set<() => void>();

function notify(): void {
  version++;
  for (const l of listeners) l();
}

export const series = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  version: (): number => version,
  numLanes: (): number => lanes.length,
  lane: (laneIdx: number): LaneSeries | undefined => lanes[laneIdx],
  length: (laneIdx: number): number => lanes[laneIdx]?.length ?? 0,

  clear(): void {
    lanes = [];
    notify();
  },

  /** Append a `metrics` batch: row-major [numRows × METRIC_ROW_WIDTH]. */
  append(rows: Float64Array, numRows: number): void {
    for (let r = 0; r < numRows; r++) {
      const o = r * METRIC_ROW_WIDTH;
      const laneIdx = rows[o];
      while (lanes.length <= laneIdx) lanes.push(new LaneSeries());
      const s = lanes[laneIdx];
      s.step.push(rows[o + 1]);
      s.forwardPasses.push(rows[o + 2]);
      s.wallMs.push(rows[o + 3]);
      s.trainLoss.push(rows[o + 4]);
      if (!Number.isNaN(rows[o + 5]) || !Number.isNaN(rows[o + 6])) {
        s.evalRow.push(s.length - 1);
        s.evalLoss.push(rows[o + 5]);
        s.evalMetric.push(rows[o + 6]);
      }
    }
    if (numRows > 0) notify();
  },

  latest(laneIdx: number): LaneLatest | null {
    const s = lanes[laneIdx];
    if (!s || s.length === 0) return null;
    const e = s.evalLoss.length - 1;
    return {
      trainLoss: s.trainLoss.data[s.length - 1],
      evalLoss: e >= 0 ? s.evalLoss.data[e] : NaN,
      evalMetric: e >= 0 ? s.evalMetric.data[e] : NaN,
    };
  },

  /** All recorded rows for `toCsv`; `optimizerOf` names each lane's optimizer id. */
  csvRows(optimizerOf: (laneIdx: number) => string): CsvRow[] {
    const out: CsvRow[] = [];
    lanes.forEach((s, lane) => {
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
  },
};
