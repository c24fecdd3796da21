/** Chart-side point reduction: a chart never draws more than `maxPoints` points per series. */

export interface Point {
  x: number;
  y: number;
}

/** Points an axis can draw: finite x and y, and y > 0 on a log axis. */
function drawable(x: number, y: number, logY: boolean): boolean {
  return Number.isFinite(x) && Number.isFinite(y) && (!logY || y > 0);
}

/**
 * Min/max decimation: the drawable points of (x[idx(i)], y[i]) for i < n (never NaN or ±Inf, and
 * on a log axis never y ≤ 0), reduced to at most `maxPoints` by keeping, in each bucket of
 * consecutive points, the lowest and highest y (in order).
 * The first and last drawable points are always kept, so the curve spans the whole run.
 * `xAt(i)` maps a series index to its x value (eval points look theirs up in the train columns).
 */
export function decimateMinMax(
  n: number,
  xAt: (i: number) => number,
  yAt: (i: number) => number,
  maxPoints = 2000,
  logY = true,
): Point[] {
  const ok = (i: number) => drawable(xAt(i), yAt(i), logY);
  const toPoint = (i: number): Point => ({ x: xAt(i), y: yAt(i) });
  const out: number[] = [];
  if (n <= maxPoints) {
    for (let i = 0; i < n; i++) if (ok(i)) out.push(i);
    return out.map(toPoint);
  }
  let first = 0;
  while (first < n && !ok(first)) first++;
  let last = n - 1;
  while (last > first && !ok(last)) last--;
  if (first >= n) return [];
  out.push(first);
  // Buckets over the raw indices strictly between the first and last drawable points.
  const lo0 = first + 1;
  const span = last - lo0;
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  for (let b = 0; b < buckets && span > 0; b++) {
    const lo = lo0 + Math.floor((b * span) / buckets);
    const hi = lo0 + Math.floor(((b + 1) * span) / buckets);
    let iMin = -1;
    let iMax = -1;
    for (let i = lo; i < hi; i++) {
      if (!ok(i)) continue;
      const y = yAt(i);
      if (iMin < 0 || y < yAt(iMin)) iMin = i;
      if (iMax < 0 || y > yAt(iMax)) iMax = i;
    }
    if (iMin < 0) continue;
    if (iMin === iMax) out.push(iMin);
    else out.push(Math.min(iMin, iMax), Math.max(iMin, iMax));
  }
  if (last !== first) out.push(last);
  return out.map(toPoint);
}
