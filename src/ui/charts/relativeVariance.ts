import type { LaneSeries } from './series';

/**
 * The variance panel's curves, per lane, over a sliding window of the last `window` reports:
 *   proxy  r̂ = Σ V̂ / Σ Ŝ   (the estimator's own noise and signal, every step)
 *   exact  r = mean of ‖ĝ − ∇L‖² / ‖∇L‖²   (gradient diagnostics on)
 * A ratio of sums, not a mean of ratios: one Ŝ is a single squared slope, whose ratio has a heavy tail.
 */

/** Σ num / Σ den over the last `window` entries ending at each index (prefix sums). */
export function windowedRatio(num: ArrayLike<number>, den: ArrayLike<number>, n: number, window: number): Float64Array {
  const out = new Float64Array(n);
  const cumNum = new Float64Array(n + 1);
  const cumDen = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    cumNum[i + 1] = cumNum[i] + num[i];
    cumDen[i + 1] = cumDen[i] + den[i];
  }
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i + 1 - window);
    out[i] = (cumNum[i + 1] - cumNum[from]) / (cumDen[i + 1] - cumDen[from]);
  }
  return out;
}

/** The mean of the finite `values` among the last `window` entries ending at each index (NaN where none). */
export function windowedMean(values: ArrayLike<number>, n: number, window: number): Float64Array {
  const ones = Float64Array.from({ length: n }, (_, i) => (Number.isFinite(values[i]) ? 1 : 0));
  const finite = Float64Array.from({ length: n }, (_, i) => (Number.isFinite(values[i]) ? values[i] : 0));
  return windowedRatio(finite, ones, n, window);
}

export interface VarianceCurve {
  /** Index into the lane's train columns (for its x) of each point. */
  rows: ArrayLike<number>;
  y: Float64Array;
}

/** The lane's proxy curve (empty when its estimator reports none). */
export function proxyCurve(s: LaneSeries, window: number): VarianceCurve {
  const n = s.varRow.length;
  return { rows: s.varRow.data, y: windowedRatio(s.varNoise.data, s.varSignal.data, n, window) };
}

/** The lane's exact curve from its diagnostics (empty without them, or without an estimate ĝ). */
export function exactCurve(s: LaneSeries, window: number): VarianceCurve {
  const n = s.diagRow.length;
  const e = s.gradRelErr.data;
  const squared = Float64Array.from({ length: n }, (_, i) => e[i] * e[i]);
  return { rows: s.diagRow.data, y: windowedMean(squared, n, window) };
}
