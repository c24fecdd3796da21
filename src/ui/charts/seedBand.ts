/**
 * Several seeds per lane: the mean curve and a band (min–max, or mean ± one standard deviation)
 * across seeds at each step, reduced to at most `maxPoints` points per lane.
 */

export type BandMode = 'minmax' | 'std';

/** One seed's curve: index i holds step i + 1 (runs record every step until they stop). */
export interface SeedCurve {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  n: number;
}

export interface BandPoint {
  x: number;
  mean: number;
  lo: number;
  hi: number;
}

interface Stats {
  x: number;
  mean: number;
  lo: number;
  hi: number;
}

/** Statistics at index i over the seeds that reached it with a finite value (null under 2 seeds). */
function statsAt(seeds: SeedCurve[], i: number, mode: BandMode, logY: boolean): Stats | null {
  let count = 0;
  let sum = 0;
  let sumSq = 0;
  let min = Infinity;
  let max = -Infinity;
  let minPositive = Infinity;
  let x = NaN;
  for (const s of seeds) {
    if (i >= s.n) continue;
    const y = s.y[i];
    if (!Number.isFinite(y) || (logY && y <= 0)) continue;
    if (Number.isNaN(x)) x = s.x[i];
    count++;
    sum += y;
    sumSq += y * y;
    if (y < min) min = y;
    if (y > max) max = y;
    if (y > 0 && y < minPositive) minPositive = y;
  }
  if (count < 2 || !Number.isFinite(x)) return null;
  const mean = sum / count;
  if (mode === 'minmax') return { x, mean, lo: min, hi: max };
  const sd = Math.sqrt(Math.max(0, (sumSq - count * mean * mean) / (count - 1)));
  // A log axis cannot draw mean − σ ≤ 0: the band then starts at the lowest seed instead.
  const lo = logY && mean - sd <= 0 ? minPositive : mean - sd;
  return { x, mean, lo, hi: mean + sd };
}

/**
 * The band of `seeds` (the first one is the lane's main run), in buckets of consecutive steps when
 * there are more than `maxPoints` steps: each bucket keeps its widest extent and its mean.
 */
export function seedBand(seeds: SeedCurve[], mode: BandMode, maxPoints = 2000, logY = true): BandPoint[] {
  const n = seeds.reduce((m, s) => Math.max(m, s.n), 0);
  const out: BandPoint[] = [];
  const buckets = Math.max(1, Math.min(n, maxPoints));
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let acc: BandPoint | null = null;
    let k = 0;
    for (let i = from; i < to; i++) {
      const st = statsAt(seeds, i, mode, logY);
      if (!st) continue;
      k++;
      if (!acc) acc = { ...st };
      else {
        acc.x = st.x;
        acc.mean += st.mean;
        acc.lo = Math.min(acc.lo, st.lo);
        acc.hi = Math.max(acc.hi, st.hi);
      }
    }
    if (acc) out.push({ ...acc, mean: acc.mean / k });
  }
  return out;
}
