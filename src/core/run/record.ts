import { isEvalRow, type MetricRow } from './metrics';

/**
 * What a run recorded, column-wise per lane: the browser's series hold their rows this way and the
 * CLI collects them this way, so the exporters (src/export) read one shape from both. Train columns
 * are dense (one entry per step the lane ran); eval columns are sparse and point back at their row.
 */
export interface LaneRecord {
  readonly step: ArrayLike<number>;
  readonly forwardPasses: ArrayLike<number>;
  readonly wallMs: ArrayLike<number>;
  readonly trainLoss: ArrayLike<number>;
  /** Index into the train columns of each evaluated step. */
  readonly evalRow: ArrayLike<number>;
  readonly evalLoss: ArrayLike<number>;
  readonly evalMetric: ArrayLike<number>;
}

/** A lane's latest values: its last row's, and its last evaluation's (NaN before the first). */
export interface LaneLatest {
  step: number;
  forwardPasses: number;
  wallMs: number;
  trainLoss: number;
  evalLoss: number;
  evalMetric: number;
}

/** The records of `numLanes` lanes from decoded rows in the order the runner produced them. */
export function recordRows(rows: readonly MetricRow[], numLanes: number): LaneRecord[] {
  const lanes = Array.from({ length: numLanes }, () => ({
    step: [] as number[],
    forwardPasses: [] as number[],
    wallMs: [] as number[],
    trainLoss: [] as number[],
    evalRow: [] as number[],
    evalLoss: [] as number[],
    evalMetric: [] as number[],
  }));
  for (const row of rows) {
    const lane = lanes[row.lane];
    if (!lane) continue;
    lane.step.push(row.step);
    lane.forwardPasses.push(row.forwardPasses);
    lane.wallMs.push(row.wallMs);
    lane.trainLoss.push(row.trainLoss);
    if (isEvalRow(row)) {
      lane.evalRow.push(lane.step.length - 1);
      lane.evalLoss.push(row.evalLoss);
      lane.evalMetric.push(row.evalMetric);
    }
  }
  return lanes;
}

export function latestOf(record: LaneRecord | undefined): LaneLatest | null {
  if (!record || record.step.length === 0) return null;
  const i = record.step.length - 1;
  const e = record.evalLoss.length - 1;
  return {
    step: record.step[i],
    forwardPasses: record.forwardPasses[i],
    wallMs: record.wallMs[i],
    trainLoss: record.trainLoss[i],
    evalLoss: e >= 0 ? record.evalLoss[e] : NaN,
    evalMetric: e >= 0 ? record.evalMetric[e] : NaN,
  };
}
