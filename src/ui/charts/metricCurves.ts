import type { MetricInfo } from '../../core/tasks/shared/metric';
import { decimateMinMax, type Point } from './decimate';
import { smoothedTrain } from './lossCurves';
import { lastAtOrBefore, type LaneSeries, type XKey } from './series';

/** What the metric chart draws for one lane, every array at most `maxPoints` long and NaN-free. */
export interface MetricCurves {
  laneIdx: number;
  /** The task metric on the eval set, at each evaluated step. */
  eval: Point[];
  /** The metric of each step's train loss (smoothed when smoothing is on); null unless the metric is a function of the loss. */
  train: Point[] | null;
}

export interface MetricCurveOptions {
  xKey: XKey;
  smoothing: number;
  maxPoints: number;
}

export function metricCurves(s: LaneSeries | undefined, laneIdx: number, info: MetricInfo, opts: MetricCurveOptions): MetricCurves {
  if (!s || s.length === 0) return { laneIdx, eval: [], train: null };
  const x = s[opts.xKey].data;
  const { logScale, ofLoss } = info;
  const evalRow = s.evalRow.data;
  const metric = s.evalMetric.data;
  const evals = decimateMinMax(s.evalRow.length, (i) => x[evalRow[i]], (i) => metric[i], opts.maxPoints, logScale);
  let train: Point[] | null = null;
  if (ofLoss) {
    const loss = opts.smoothing > 0 ? smoothedTrain(s, opts.smoothing) : s.trainLoss.data;
    train = decimateMinMax(s.length, (i) => x[i], (i) => ofLoss(loss[i]), opts.maxPoints, logScale);
  }
  return { laneIdx, eval: evals, train };
}

/** A lane's eval metric at the last evaluation at or before x = `at` (the latest when `at` is null); NaN when none. */
export function metricAt(s: LaneSeries | undefined, xKey: XKey, at: number | null): number {
  if (!s || s.length === 0) return NaN;
  const r = at === null ? s.length - 1 : lastAtOrBefore(s[xKey].data, s.length, at);
  const e = lastAtOrBefore(s.evalRow.data, s.evalRow.length, r);
  return r >= 0 && e >= 0 ? s.evalMetric.data[e] : NaN;
}
