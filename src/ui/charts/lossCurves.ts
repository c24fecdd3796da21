import type { ScheduleEntry } from '../../core/run/config';
import type { LaneStatusInfo } from '../../worker/protocol';
import { lastAtOrBefore, type LaneSeries, type XKey } from './series';
import { formatNumber } from '../shared/format';
import { decimateMinMax, type Point } from './decimate';
import { EmaCache } from './ema';

/** What the loss chart draws for one lane, every array at most `maxPoints` long and NaN-free. */
export interface LaneCurves {
  laneIdx: number;
  /** Train loss per step (drawn faint behind `smooth` when smoothing is on). */
  raw: Point[];
  /** EMA of the train loss; null when smoothing is off. */
  smooth: Point[] | null;
  eval: Point[];
  /** Live hyperparameter changes the lane has reached: a vertical line at the first step using the new value. */
  marks: { x: number; step: number; label: string }[];
  /** Where the lane diverged (drawn at the last drawable loss at or before that step). */
  diverged: { x: number; y: number; step: number } | null;
  /**
   * On a log axis, where the train loss first reaches 0 (or below): those points are kept in `raw`
   * (the chart draws them at the axis floor) and this marks the first one.
   */
  reachesZero: { x: number; step: number } | null;
}

export interface CurveOptions {
  xKey: XKey;
  logY: boolean;
  /** EMA weight; 0 turns smoothing off. */
  smoothing: number;
  maxPoints: number;
}

const caches = new WeakMap<LaneSeries, EmaCache>();

/** The lane's train loss smoothed with EMA weight `weight` (incremental: only new rows are smoothed). */
export function smoothedTrain(s: LaneSeries, weight: number): Float32Array {
  let cache = caches.get(s);
  if (!cache) caches.set(s, (cache = new EmaCache()));
  return cache.smooth(s.trainLoss, s.trainLoss.data, s.length, weight);
}

const drawable = (y: number, logY: boolean) => Number.isFinite(y) && (!logY || y > 0);

/** Row holding `step` (rows are dense from step 1, so this is almost always step − 1). */
export function rowOfStep(s: LaneSeries, step: number): number {
  const guess = step - 1;
  if (guess >= 0 && guess < s.length && s.step.data[guess] === step) return guess;
  for (let i = 0; i < s.length; i++) if (s.step.data[i] === step) return i;
  return -1;
}

export function scheduleLabel(e: ScheduleEntry): string {
  return `${e.name} → ${formatNumber(e.value)}`;
}

export function laneCurves(
  s: LaneSeries | undefined,
  laneIdx: number,
  schedule: readonly ScheduleEntry[],
  status: LaneStatusInfo | undefined,
  opts: CurveOptions,
): LaneCurves {
  const empty: LaneCurves = { laneIdx, raw: [], smooth: null, eval: [], marks: [], diverged: null, reachesZero: null };
  if (!s || s.length === 0) return empty;
  const x = s[opts.xKey].data;
  const train = s.trainLoss.data;
  const { maxPoints, logY } = opts;
  // Losses ≤ 0 are kept even on a log axis: the chart draws them at its floor rather than dropping them.
  const raw = decimateMinMax(s.length, (i) => x[i], (i) => train[i], maxPoints, false);
  let smooth: Point[] | null = null;
  if (opts.smoothing > 0) {
    const sm = smoothedTrain(s, opts.smoothing);
    smooth = decimateMinMax(s.length, (i) => x[i], (i) => sm[i], maxPoints, false);
  }
  const evalRow = s.evalRow.data;
  const evalLoss = s.evalLoss.data;
  const evals = decimateMinMax(s.evalRow.length, (i) => x[evalRow[i]], (i) => evalLoss[i], maxPoints, false);
  let reachesZero: LaneCurves['reachesZero'] = null;
  if (logY)
    for (let i = 0; i < s.length; i++)
      if (train[i] <= 0 && Number.isFinite(x[i])) {
        reachesZero = { x: x[i], step: s.step.data[i] };
        break;
      }

  const marks: LaneCurves['marks'] = [];
  for (const e of schedule) {
    if (e.lane !== laneIdx) continue;
    const r = rowOfStep(s, e.step);
    if (r >= 0 && Number.isFinite(x[r])) marks.push({ x: x[r], step: e.step, label: scheduleLabel(e) });
  }

  let diverged: LaneCurves['diverged'] = null;
  if (status?.status === 'diverged' && status.divergedAt !== undefined) {
    let r = rowOfStep(s, status.divergedAt);
    if (r < 0) r = s.length - 1;
    let k = r;
    while (k >= 0 && !drawable(train[k], logY)) k--;
    if (k >= 0 && Number.isFinite(x[r])) diverged = { x: x[r], y: train[k], step: status.divergedAt };
  }
  return { laneIdx, raw, smooth, eval: evals, marks, diverged, reachesZero };
}

export interface LaneReading {
  step: number;
  x: number;
  train: number;
  smooth: number;
  eval: number;
}

/** A lane's values at the last row with x ≤ `at` (the latest row when `at` is null). */
export function readingAt(s: LaneSeries | undefined, xKey: XKey, at: number | null, smoothing: number): LaneReading | null {
  if (!s || s.length === 0) return null;
  const x = s[xKey].data;
  const r = at === null ? s.length - 1 : lastAtOrBefore(x, s.length, at);
  if (r < 0) return null;
  const e = lastAtOrBefore(s.evalRow.data, s.evalRow.length, r);
  return {
    step: s.step.data[r],
    x: x[r],
    train: s.trainLoss.data[r],
    smooth: smoothing > 0 ? smoothedTrain(s, smoothing)[r] : NaN,
    eval: e >= 0 ? s.evalLoss.data[e] : NaN,
  };
}
