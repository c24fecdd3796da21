import { lastAtOrBefore, type LaneSeries, type XKey } from './series';
import { EmaCache } from './ema';

/** Smoothing of the step-time curve (wall time per step is noisy: GC, other tabs, the GPU queue). */
export const STEP_TIME_EMA = 0.9;

interface StepTimeCache {
  n: number;
  dt: Float32Array;
  ema: EmaCache;
}
const caches = new WeakMap<LaneSeries, StepTimeCache>();

/**
 * A lane's wall time per step in ms, EMA-smoothed. `wall_ms` is the lane's own cumulative compute
 * time (its steps and evaluations), so per-step times come from successive differences. Cached per
 * lane and extended incrementally: each redraw only handles the rows recorded since the last one.
 */
export function stepTimes(s: LaneSeries, weight = STEP_TIME_EMA): Float32Array {
  const n = s.length;
  const wall = s.wallMs.data;
  let c = caches.get(s);
  if (!c) caches.set(s, (c = { n: 0, dt: new Float32Array(Math.max(256, n)), ema: new EmaCache() }));
  if (c.dt.length < n) {
    const bigger = new Float32Array(Math.max(n, 2 * c.dt.length));
    bigger.set(c.dt.subarray(0, c.n));
    c.dt = bigger;
  }
  for (let i = c.n; i < n; i++) c.dt[i] = wall[i] - (i > 0 ? wall[i - 1] : 0);
  c.n = n;
  return c.ema.smooth(s, c.dt, n, weight);
}

/** Step time (ms) and steps per second at the last row with x ≤ `at` (latest when null). */
export function speedAt(s: LaneSeries | undefined, xKey: XKey, at: number | null): { msPerStep: number; stepsPerSec: number } | null {
  if (!s || s.length === 0) return null;
  const r = at === null ? s.length - 1 : lastAtOrBefore(s[xKey].data, s.length, at);
  if (r < 0) return null;
  const ms = stepTimes(s)[r];
  return { msPerStep: ms, stepsPerSec: ms > 0 ? 1000 / ms : NaN };
}
